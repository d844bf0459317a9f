"""A claim written as a sentence with several formulas in ``$...$`` (``The gradient of $\\log \\det X$ with respect to
$X$ is $X^{-1}$``): the derivative it names and the formula it claims, or the one formula that is an equation about a
derivative. Anything else is left whole, for the reader to refuse naming the formulas."""

from __future__ import annotations

import re

from .lazy_patterns import pattern
from .prose import without_lead_in

# a formula in the words: $$...$$, $...$, \(...\), or markdown's inline code `...` (issues and comments write math so)
_SPAN = pattern(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|`([^`\n]+)`", re.DOTALL)
_SLOT = "\0"  # where a formula stood in the words
# a reason's conjunction before the statement ("since the gradient of ... is ..."), and a consequence drawn after
# the last formula, in words only ("..., and so indeed the formula fixes this"): neither is part of the claim
_REASON = pattern(r"\s*(?:since|because|as|note\s+that|recall\s+that)\s+", re.IGNORECASE)
_CONSEQUENCE = pattern(rf"(?<={_SLOT})\s*,?\s*(?:and\s+)?(?:so|hence|thus|therefore)\s[^{_SLOT}]*$", re.IGNORECASE)
# derivation and derivate: the derivative, as pages written in a second language say it ("its partial derivate for y")
_DERIVATIVE_WORDS = r"(?:the\s+)?(?:partial\s+)?(?:gradient|derivatives?|derivat(?:e|ion)s?|jacobian|differential)"
_SAYS = r"(?:is|are|equals?|gives?|fills?\s+the\s+vector|is\s+the\s+vector|is\s+given\s+by|becomes?)"
_NAMED_DERIVATIVE = pattern(
    rf"\s*{_DERIVATIVE_WORDS}\s+of\s+{_SLOT}\s+(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|by)\s+"
    rf"(?:(?:all\s+)?(?:the\s+)?(?:entries|elements|components|coordinates)\s+of\s+)?{_SLOT}\s+{_SAYS}\s+{_SLOT}\s*[.,;]?\s*",
    re.IGNORECASE)
_UNNAMED_VARIABLE = pattern(rf"\s*{_DERIVATIVE_WORDS}\s+of\s+{_SLOT}\s+{_SAYS}\s+{_SLOT}\s*[.,;]?\s*", re.IGNORECASE)
_COMPONENTS = pattern(r"\s*(\\?[A-Za-z]+)_\{?1\}?\s*,\s*(?:\.\.\.|…|\\[lc]?dots)\s*,\s*\1_\{?[A-Za-z]\}?\s*")
_ABOUT_A_DERIVATIVE = pattern(r"\\d?frac\s*\{\s*(?:\\partial|d)|\\nabla|\\partial|\bd[A-Za-z]+\s*/\s*d")


def claim_in_sentence(text: str) -> tuple[str, str | None, str] | None:
    """``(claim, of, note)`` for a sentence with several formulas that says which is claimed (``of`` the derivative it
    names, LaTeX, or None when the claim starts with its derivative); None for anything else."""
    spans = [next(g for g in m.groups() if g is not None) for m in _SPAN.finditer(text)]
    if len(spans) < 2:
        return None
    words = without_lead_in(_SPAN.sub(_SLOT, text))  # "So the gradient of ...", "Hence ..."
    words = _CONSEQUENCE.sub("", _REASON.sub("", words, count=1) if _REASON.match(words) else words)
    if _UNNAMED_VARIABLE.fullmatch(words) and len(spans) == 2:  # "the derivative of $E$ is $C$": by E's one variable
        return spans[1], spans[0], f"the sentence read as the claim {spans[1].strip()} about the derivative of {spans[0].strip()}"
    m = _NAMED_DERIVATIVE.fullmatch(words)
    if m and len(spans) == 3:
        value, by, claimed = spans
        one = _COMPONENTS.fullmatch(by)
        var = one.group(1) if one else by.strip()
        note = f"the sentence read as the claim {claimed.strip()} about the derivative of {value.strip()} by {var}"
        if one:
            note += f" ({by.strip()}: the entries of {var})"
        return claimed, rf"\frac{{\partial}}{{\partial {var}}}\left({value}\right)", note
    about = [s for s in spans if "=" in s and _ABOUT_A_DERIVATIVE.search(s.split("=")[0])]
    if len(about) == 1:
        return about[0], None, f"of the sentence's {len(spans)} formulas, the one equation about a derivative is the claim"
    return None


_OF_IN_WORDS = pattern(rf"\s*(?:(?:the\s+)?{_DERIVATIVE_WORDS}\s+of|(?:partial(?:ly)?\s+)?differentiat(?:e|ing))\s+\$?([^$]+?)\$?\s*"
                          r"(?<![A-Za-z])(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|by)\s+(?:the\s+)?\$?([^$\s]+)\$?\s*\.?\s*",
                          re.IGNORECASE)


# the derivative of a function of one argument, by that argument: "the gradient of f(x)", "the derivative of $g(w)$"
_OF_ITS_ARGUMENT = pattern(rf"\s*(?:the\s+)?{_DERIVATIVE_WORDS}\s+of\s+\$?\s*((\\?[A-Za-z]+)\s*\(\s*(\\?[A-Za-z]+)\s*\))\s*\$?\s*\.?\s*",
                              re.IGNORECASE)


# by a variable, of nothing named: "Taking (the) derivative w.r.t W", "differentiating with respect to $w$", "the
# gradient wrt x" - the derivative of the loss, as an operator with nothing after it reads
_OF_THE_LOSS = pattern(r"\s*(?:(?:by|after|on|when)\s+)?(?:(?:tak(?:e|ing)|comput(?:e|ing)|find(?:ing)?)\s+)?(?:the\s+)?"
                          r"(?:(?:partial\s+)?(?:derivatives?|gradients?|differentials?)|(?:partial(?:ly)?\s+)?"
                          r"differentiat(?:e|ing)(?:\s+(?:it|this|that))?)\s*,?\s*(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|wrt)"
                          r"\s+(?:\$\s*([^$]+?)\s*\$|((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?(?![\w\\])))\s*(?:[.,:;]\s*)?"
                          r"(?:(?:we\s+)?(?:get|have|obtain|find)|gives?(?:\s+us)?)?\s*[.,:;]?\s*",
                          re.IGNORECASE)
# of "it" (the page's formula), by a variable: "its partial derivate for y_pred", "the derivation of this term to ok"
# - the derivative of the loss, as the operator alone reads (for and to say "with respect to" after its, of it)
_OF_IT = pattern(rf"\s*(?:its\s+{_DERIVATIVE_WORDS}|{_DERIVATIVE_WORDS}\s+of\s+(?:it|this(?:\s+(?:term|expression|formula|"
                 r"function|loss))?|(?:the\s+)?loss|the\s+(?:term|expression|formula)))\s+(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|wrt|"
                 r"by|to|for)\s+(?:\$\s*([^$]+?)\s*\$|((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?\w+\}?)?(?![\w\\])))\s*[.,:;]?\s*",
                 re.IGNORECASE)
# of a formula in $...$, by no variable named: "the gradient of $\theta^T X^TX\theta$" - the formula, for the
# caller to decide the variable (its one variable, or the claim's shape) or refuse naming the candidates
_OF_A_FORMULA = pattern(rf"\s*(?:(?:tak(?:e|ing)|comput(?:e|ing))\s+)?(?:the\s+)?{_DERIVATIVE_WORDS}\s+of\s+"
                           r"(?:\$\$([^$]+)\$\$|\$([^$]+)\$|\\\((.+?)\\\))\s*[.,:;]?\s*", re.IGNORECASE)


def derivative_in_words(text: str) -> str | None:
    """``the derivative of $L$ with respect to $z_j$``, ``Partial differentiate 1/|x-y| with respect to x``, ``the
    gradient of f(x)`` (by its one argument) - ``--of`` in words - as LaTeX, ``\\frac{\\partial}{\\partial z_j}
    \\left(L\\right)``; ``Taking derivative w.r.t W`` (of nothing named) as the operator alone, ``\\frac{\\partial}
    {\\partial W}``, the loss's derivative; ``the gradient of $f$`` (by nothing named) as the formula f alone. None for
    anything else."""
    m = _OF_IN_WORDS.fullmatch(text)
    if m is not None:
        return rf"\frac{{\partial}}{{\partial {m[2]}}}\left({m[1]}\right)"
    one = _OF_ITS_ARGUMENT.fullmatch(text)
    if one is not None:
        return rf"\frac{{\partial}}{{\partial {one[3]}}}\left({one[1]}\right)"
    loss = _OF_THE_LOSS.fullmatch(text) or _OF_IT.fullmatch(text)
    if loss is not None:
        return rf"\frac{{\partial}}{{\partial {loss[1] or loss[2]}}}"
    formula = _OF_A_FORMULA.fullmatch(text)
    return next(g for g in formula.groups() if g is not None).strip() if formula else None


_IN_WORDS_AT_ALL = pattern(rf"\s*(?:the\s+)?(?:{_DERIVATIVE_WORDS}(?:\s+(?:matrix|vector))?\s+of|(?:partial(?:ly)?\s+)?"
                              r"differentiat(?:e|ing))\s+[A-Za-z]{2,}|\s*(?:(?:tak(?:e|ing)|comput(?:e|ing))\s+)?(?:the\s+)?"
                              rf"{_DERIVATIVE_WORDS}\s+(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|wrt)\s+(?:the\s+)?[A-Za-z]{{2,}}",
                              re.IGNORECASE)


def unread_derivative_in_words(text: str) -> bool:
    """Whether ``text`` is a derivative in words that ``derivative_in_words`` cannot read (``the Jacobian matrix of the
    softmax output``: no variable named): refused by the caller, naming it, not read letter by letter. Words naming
    "the function" (``the jacobian of the following function``) are the reader's to decide by the definitions."""
    from .derivative_of_the_function import names_the_function

    return derivative_in_words(text) is None and bool(_IN_WORDS_AT_ALL.match(text)) and not names_the_function(text)
