"""Sentences that set a meaning symgrad already gives, or only name what the claim is: the layout (``The convention
is denominator layout``: verify names the layout a claim is in either way), the log's base (``Remember log is the
natural log, not base 10``; a base other than e is refused, it would change every log), an index fixed by the
context (``y is the true class index``), the derivative the claim is (``the first derivative of the loglikelihood
function``), a function symgrad knows by its name (``cosh(x) denotes the hyperbolic cosine function of x``). Each is
noted; none imposes anything."""

from __future__ import annotations

import re

from ..errors import ParseError

_NAME = r"\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?"
_LAYOUT = re.compile(r"(?:the\s+)?(?:(?:layout\s+)?convention\s+(?:is|used\s+is|here\s+is)\s+|(?:we\s+)?(?:use|using|in)\s+(?:the\s+)?)"
                     r"(?P<layout>numerator|denominator)[\s-]+layout(?:\s+convention)?(?:\s+(?:is\s+)?used)?", re.IGNORECASE)
_LOG = re.compile(r"\(?\s*(?:remember|note|recall)?\s*,?\s*(?:that\s+)?(?:the\s+)?(?:log|\\log|ln)\s+(?:is|denotes|means)\s+"
                  r"(?:the\s+)?(?:(?P<natural>natural)(?:\s+log(?:arithm)?)?|(?:log(?:arithm)?\s+)?(?:to\s+|in\s+)?base[\s-]+(?P<base>[^\s,.)]+))"
                  r"(?:\s*,?\s*(?:not|and\s+not)\s+(?:log(?:arithm)?\s+)?(?:to\s+)?base\s+\S+?)?\s*\.?\s*\)?", re.IGNORECASE)
_INDEX = re.compile(rf"(?P<name>{_NAME})\s+(?:is|denotes)\s+(?:the\s+)?(?:index\s+of\s+the\s+(?:true|correct|target|"
                    r"ground[\s-]truth)\s+(?:class|label|token|word|category)|(?:true|correct|target|ground[\s-]truth)\s+"
                    r"(?:class(?:\s+index)?|label\s+index|token|word|category))(?:\s+of\s+(?:the\s+)?(?:sample|example|input)(?:\s+\S+)?)?", re.IGNORECASE)
# the functions symgrad reads by their names, each with the words that name it
_KNOWN = {"cosh": "hyperbolic cosine", "sinh": "hyperbolic sine", "tanh": "hyperbolic tangent", "sech": "hyperbolic secant",
          "csch": "hyperbolic cosecant", "coth": "hyperbolic cotangent", "exp": "exponential"}
_KNOWN_SAID = re.compile(rf"(?P<name>\\?(?:{'|'.join(_KNOWN)}))\s*(?:\(\s*(?P<arg>{_NAME})\s*\))?\s+(?:is|denotes|means|"
                         r"represents|stands\s+for)\s+(?:the\s+)?(?P<words>hyperbolic\s+(?:cosine|sine|tangent|secant|cosecant|"
                         rf"cotangent)|exponential)(?:\s+function)?(?:\s+(?:of|at)\s+(?P<of>{_NAME}))?", re.IGNORECASE)
_CLAIM_NAMED = re.compile(r"(?:the\s+)?(?:first\s+|second\s+)?(?:partial\s+)?(?:derivative|gradient|hessian|jacobian)s?\s+of\s+"
                          r"(?:the\s+)?[a-z][a-z\s-]*?(?:\s+function)?", re.IGNORECASE)


def convention_in_words(spaced: str) -> str | None:
    """The note for a sentence setting a meaning symgrad already gives or naming the claim (``spaced``: words, math
    marks as spaces), None when it is none; a log to a base other than e is refused."""
    spaced = " ".join(spaced.split()).strip().rstrip(".")
    if (m := _LAYOUT.fullmatch(spaced)) is not None:
        return (f"'{spaced}': the page's layout; verify accepts either layout of a derivative and says which the claim "
                f"is in ({m['layout'].lower()} layout stated)")
    if (m := _LOG.fullmatch(spaced)) is not None:
        if m["base"] is not None and m["base"].strip("{}$") not in ("e", r"\mathrm{e}"):
            raise ParseError(f"'{spaced}': symgrad reads log as the natural log; write \\log_{{{m['base']}}} where the "
                             "page means another base", column=1, source=spaced)
        return f"'{spaced}': log read as the natural log, symgrad's reading"
    if (m := _INDEX.fullmatch(spaced)) is not None:
        return f"'{spaced}': {m['name']} an index fixed by the context (the true class), as its use reads it"
    if (m := _KNOWN_SAID.fullmatch(spaced)) is not None and (m["of"] is None or m["of"] == m["arg"]):
        name, words = m["name"].lstrip("\\").lower(), " ".join(m["words"].lower().split())
        if _KNOWN[name] != words:
            meant = next(k for k, v in _KNOWN.items() if v == words)
            raise ParseError(f"'{spaced}': symgrad reads {name} as the {_KNOWN[name]}, not the {words}: write the "
                             f"function meant ({meant} for the {words}), or define {name}", column=1, source=spaced)
        return f"'{spaced}': {name} read as the {words}, symgrad's reading"
    if _CLAIM_NAMED.fullmatch(spaced) is not None:
        return f"'{spaced}' names what the claim is, states nothing symgrad uses"
    return None
