"""Which function a letter is, said in words (``The $sig$ is the element-wise sigmoid function``, ``if f(x) is the
sigmoid output for activation x``, ``If you are using logistic sigmoid for the activation function, then ...``):
one table of the functions named, each with its formula; the sentence is the definition ``f(\\xi) = ...``. Words
naming a function but no letter (``Pour la sigmoid``, ``for the sigmoid``) are refused naming it: the meaning of a
letter is never guessed."""

from __future__ import annotations

import re

from ..errors import ParseError
from .lazy_patterns import pattern

# the function each word names, as a formula in \xi
_FUNCTIONS = {"sigmoid": r"\frac{1}{1 + e^{-\xi}}", "logistic sigmoid": r"\frac{1}{1 + e^{-\xi}}",
              "logistic": r"\frac{1}{1 + e^{-\xi}}", "logistic function": r"\frac{1}{1 + e^{-\xi}}",
              "tanh": r"\tanh(\xi)", "hyperbolic tangent": r"\tanh(\xi)", "relu": r"\max(0, \xi)",
              "rectified linear unit": r"\max(0, \xi)", "softplus": r"\log(1 + e^{\xi})"}
_FUNCTION = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_FUNCTIONS, key=len, reverse=True))
_NAME = r"\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?"
_KIND = r"(?:\s+(?:function|activation(?:\s+function)?|output|value|non-?linearity))?"
_MANNER = r"(?:(?:element-?wise|entry-?wise|component-?wise|logistic)\s+)*"
# "[the] sig is the element-wise sigmoid function"; "f(x) is the sigmoid output for activation x"
_NAMED = pattern(rf"(?:the\s+)?(?P<name>{_NAME})\s*(?:\(\s*(?P<arg>{_NAME})\s*\))?\s+(?:is|denotes|=)\s+(?:the\s+|an?\s+)?"
                    rf"{_MANNER}(?P<function>{_FUNCTION}){_KIND}(?:\s+(?:applied\s+)?(?:element-?wise|entry-?wise))?"
                    rf"(?:\s+(?:for|of|at|on)\s+(?:the\s+)?(?:(?:activation|input|pre-?activation)\s+)?(?P<of>{_NAME}))?",
                    re.IGNORECASE)
# "if you are using (the) logistic sigmoid for the activation function, then (if) ...": agrees with what follows
_USING = pattern(rf"(?:if|when)\s+(?:you\s+(?:are\s+)?|we\s+(?:are\s+)?)?us(?:e|ing)\s+(?:the\s+|an?\s+)?"
                    rf"(?P<function>{_FUNCTION}){_KIND}\s+(?:for|as)\s+(?:the\s+|an?\s+)?activation(?:\s+function)?\s*,?\s*"
                    r"(?:then\s+)?(?:if\s+)?", re.IGNORECASE)
# a function named with no letter: "Pour la sigmoid", "for the sigmoid", "with (a) sigmoid activation"
_UNNAMED = pattern(rf"(?:(?:pour|for|with|using|par|avec)\s+(?:la\s+|le\s+|l'\s*|the\s+|an?\s+)?|(?:the|an?)\s+){_MANNER}"
                      rf"(?P<function>{_FUNCTION}){_KIND}", re.IGNORECASE)


def _formula(word: str) -> str:
    return _FUNCTIONS[" ".join(word.lower().split())]


def function_in_words(plain: str) -> str | None:
    """The definition a sentence naming a letter's function states (``f(\\xi) = \\frac{1}{1 + e^{-\\xi}}``; ``plain``
    without its math marks), or None when it is no such sentence; raises for a function named with no letter."""
    plain = " ".join(plain.split()).strip().rstrip(".")
    using = _USING.match(plain)
    rest = plain[using.end():] if using else plain
    m = _NAMED.fullmatch(rest)
    if m is not None and (m["of"] is None or m["of"] == m["arg"]):
        formula = _formula(m["function"])
        if using is not None and _formula(using["function"]) != formula:
            raise ParseError(f"'{plain}' names two functions ({using['function']}, {m['function']}) for one "
                             "activation: say which", column=1, source=plain)
        head = f"{m['name']}(\\xi)" if m["arg"] is None else f"{m['name']}({m['arg']})"
        return f"{head} = {formula if m['arg'] is None else formula.replace(chr(92) + 'xi', m['arg'])}"
    unnamed = _UNNAMED.fullmatch(plain)
    if unnamed is not None:
        raise ParseError(f"'{plain}' names the {unnamed['function']} but not the letter it is: say which "
                         rf"(\sigma(z) = \frac{{1}}{{1 + e^{{-z}}}}, or '\sigma is the {unnamed['function']}')",
                         column=1, source=plain)
    return None
