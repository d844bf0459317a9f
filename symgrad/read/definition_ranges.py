"""A range written after a definition says what its index runs over: ``y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}} \\quad
(i = 1, 2, \\dots, n)``, ``..., \\quad i = 1, \\dots, n``, ``... \\text{ for } i = 1, \\dots, n``, ``... \\hspace{2em}
(i=0,\\cdots,J-1)``. The range is read as the fact ``i = 1, \\dots, n`` (as ``--given`` reads it, noted) and blanked
from the definition (columns kept). Read as part of the formula it was a product with a tuple, or ``for`` a name."""

from __future__ import annotations

import re

from ..errors import ParseError
from .context import Context
from .facts import parse_given

_SPACE = r"(?:\s|~|\\quad|\\qquad|\\[,;:!]|\\hspace\*?\s*\{[^{}]*\})*"
_FOR = r"(?:\\(?:text|mbox|textrm|mathrm)\s*\{\s*for(?:\s+(?:all|each|every))?\s*\}|\\forall)"
_DOTS = r"(?:\\[lc]?dots|\\dotsc|…|\.\.\.)"
# i = 1, 2, \dots, n: a letter, the numbers it starts from, the dots and where it ends
_RANGE = rf"[A-Za-z]\s*=\s*[0-9]+\s*,(?:\s*[0-9]+\s*,)*\s*{_DOTS}\s*,\s*[A-Za-z0-9{{}}_+\-\s]*?[A-Za-z0-9}}]"
_CLAUSE = re.compile(rf"(?P<lead>{_SPACE}(?:,{_SPACE})?(?:{_FOR}{_SPACE})?)(?P<open>\(|\\left\s*\()?\s*"
                     rf"(?P<range>{_RANGE})\s*(?(open)(?:\)|\\right\s*\)))[\s.,;$]*$")


def ranges_read(statements: list[str], ctx: Context) -> list[str]:
    """``statements`` with the range written after each definition read into ``ctx`` as a fact (noted) and blanked
    (columns kept); a statement that writes none as it is."""
    return [_range_read(text, ctx) for text in statements]


def _range_read(text: str, ctx: Context) -> str:
    m = _CLAUSE.search(text)
    if m is None or "=" not in text[:m.start()] or not _apart(m):
        return text
    try:
        parse_given(m.group("range"), ctx)
    except ParseError:
        return text  # the reader refuses the definition as written
    ctx.notes.append(f"{' '.join(m.group('range').split())} after the definition read as the range of its index")
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def _apart(m: re.Match) -> bool:
    """Whether the range stands apart from the formula: in parentheses after a space (``f(i = 1, ...)`` applies f),
    after a comma, a space command or ``for``."""
    lead = m.group("lead")
    return bool(m.group("open")) and bool(lead) or "," in lead or "for" in lead or "\\" in lead
