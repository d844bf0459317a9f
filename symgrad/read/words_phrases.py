"""Names declared in words the other ways pages order them: the kind first (``a symmetric matrix A``, ``the $d$-vector
$a$ and the $d \\times d$ matrix $M$``), a negation that says what the name is (``x is not a matrix, but a scalar``),
one that only withholds a property (``A (the Hessian) can be non-symmetric``: nothing imposed, noted). Each is
rewritten to the ``<names> is a <kind>`` sentence the declarations read; ``not a matrix`` never reads as a matrix."""

from __future__ import annotations

import re

from ..errors import ParseError
from .lazy_patterns import pattern
from .prose_matrices import matrices_in_words
from .words_appositions import apposed
from .words_declarations import declaration_in_words
from .words_respectively import respective_in_words

_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{[^{}]*\}|\\?[A-Za-z]+)|\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?)"
         r"(?:_\{?[A-Za-z0-9]+\}?)?")
_NAMES = rf"{_NAME}(?:\s*(?:,|,?\s+and)\s*{_NAME})*"
_KIND = r"(?:matri(?:x|ces)|(?:column\s+|row\s+)?vectors?|scalars?|real\s+numbers?)"
# "a symmetric matrix A", "the d x d matrix M", "two square matrices A and B": article, words, kind, then the names
_NOUN_FIRST = pattern(rf"(?:(?:let|consider|given|take)\s+)?(?:a|an|the|two|three|some|any)\s+(?P<words>[^.;]*?)\s*"
                         rf"(?<![A-Za-z])(?P<kind>{_KIND})\s+(?P<names>{_NAMES})", re.IGNORECASE)
# "vector x, a and matrix A, B": the kind alone before the names, as a heading lists them
_KIND_FIRST = pattern(rf"(?P<words>)(?P<kind>{_KIND})\s+(?P<names>{_NAMES})", re.IGNORECASE)
_PHRASE_BREAK = pattern(rf"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?=(?:a|an|the|two|some)\s+(?!and\b|or\b)|{_KIND}\s)", re.IGNORECASE)  # x, a and ...: a name
# a heading naming the rule a derivation uses before the names it declares: "product rule on vector x, a and matrix A"
_RULE_HEADING = pattern(r"((?:the\s+)?(?:product|chain|quotient|sum|power)\s+rule)\s+(?:on|for|with)\s+(?=\S)",
                        re.IGNORECASE)
_RULE_NOTE = "'{rule}' names the rule the derivation uses: no fact"
# "x is not a matrix, but a scalar", "x is a scalar, not a matrix": what it is, the other kind only ruled out
_NOT_BUT = pattern(rf"(?P<names>{_NAMES})\s+(?:is|are)\s+not\s+(?:an?\s+)?{_KIND}\s*,?\s*but\s+(?:rather\s+)?"
                      r"(?:(?:is|are)\s+)?(?P<what>.+)", re.IGNORECASE)
_BUT_NOT = pattern(rf"(?P<names>{_NAMES})\s+(?:is|are)\s+(?P<what>.+?)\s*,?\s*(?:and\s+)?not\s+(?:an?\s+)?{_KIND}",
                      re.IGNORECASE)
# "A can be non-symmetric", "A need not be symmetric", "A is not necessarily symmetric": no symmetry assumed
_WITHHELD = pattern(rf"(?P<names>{_NAMES})\s*(?:\((?P<role>[^()]*)\))?\s*(?:can|could|may|might|need\s+not|"
                       r"(?:is|are)\s+not\s+(?:necessarily|always)|(?:is|are)\s+(?:possibly|in\s+general))\s*(?:be\s+)?"
                       r"(?:non-?|a|un|not\s+)?(?P<what>symmetric|symmetrical)(?:\s+matri(?:x|ces))?", re.IGNORECASE)
_WITHHELD_NOTE = "{names}: not assumed {what} ('{said}'); nothing imposed, read general"


def _noun_first(plain: str) -> str | None:
    """``<names> is a <words> <kind>`` for one phrase naming its kind first (``a symmetric matrix A``), or None."""
    m = _NOUN_FIRST.fullmatch(plain.strip()) or _KIND_FIRST.fullmatch(plain.strip())
    if m is None or re.search(r"\b(?:not|non)\b", m["words"], re.IGNORECASE):
        return None
    words = re.sub(r"\s*-\s*$", "-dimensional", m["words"].strip())  # the d-vector: a d-dimensional vector
    kind = m["kind"]
    if re.search(r",|\band\b", m["names"]):  # "vector x, a": several names, each a vector
        kind = re.sub(r"(?i)matrix$", "matrices", re.sub(r"(?i)vector$", "vectors", kind))
    plural = re.search(r"(?:ces|s)$", kind) is not None
    return f"{m['names']} {'are' if plural else 'is'} {'a ' if not plural else ''}{words} {kind}".replace("  ", " ")


def rule_heading_notes(spaced: str) -> list[str]:
    """The note for the words before a sentence's declarations that name a rule (``product rule on ...``), or none."""
    m = _RULE_HEADING.match(" ".join(spaced.split()))
    return [_RULE_NOTE.format(rule=m[1])] if m else []


def withheld_in_words(spaced: str) -> str | None:
    """The note for a sentence withholding symmetry (``A (the Hessian) can be non-symmetric``): nothing is imposed,
    which cannot make a wrong claim right (the general matrix is read); None when it is no such sentence."""
    m = _WITHHELD.fullmatch(" ".join(spaced.split()).strip().rstrip("."))
    return None if m is None else _WITHHELD_NOTE.format(names=m["names"], what=m["what"].lower(), said=m[0])


def as_declarations(spaced: str) -> list[str] | None:
    """The ``<names> is a <kind>`` sentences a sentence written another way says (``x is not a matrix, but a scalar``:
    ``x is a scalar``; ``the d-vector a and the d x d matrix M``: two), or None when it is written no other way."""
    plain = _RULE_HEADING.sub("", " ".join(spaced.split()).strip().rstrip("."), count=1)
    apposition = apposed(plain)  # "Y is a covariance matrix Σ, which is symmetric": each name, each clause
    if apposition is not None:
        return apposition[0]
    respective = respective_in_words(plain)  # "y, W are 1 x n, m x n matrices": each name its size
    if respective is not None:
        return respective
    negated = _NOT_BUT.fullmatch(plain) or _BUT_NOT.fullmatch(plain)
    if negated is not None:
        return [f"{negated['names']} is {negated['what']}"]
    rewritten = [_noun_first(p) for p in _PHRASE_BREAK.split(plain) if p.strip()]
    return rewritten if rewritten and all(r is not None for r in rewritten) else None


def declared_in_words(plain: str) -> tuple[str, list[str]] | None:
    """``<names> is a ... <kind>`` read by the matrix sentence, else by the declarations (which read more adjectives
    joined by ``and``: ``square and symmetric matrices``); the matrix sentence's refusal stands where neither reads."""
    try:
        return matrices_in_words(plain) or declaration_in_words(plain)
    except ParseError:
        declared = declaration_in_words(plain)
        if declared is None:
            raise
        return declared
