"""Facts that only restrict where a claim holds, saying nothing a derivation uses: a point excluded (``w_j \\neq 0``,
``x \\ne 0``: random points avoid it) or the sign of a determinant (``\\det X > 0``, ``|X| > 0``: where its log is defined). Not
imposed, and said in a note: judged without them, a claim is held to more than the page asks, never to less, so
leaving them out turns no wrong claim into a proved one."""

from __future__ import annotations

import re

_NOT_EQUAL = r"(?:\\neq?(?![A-Za-z])|\\not\s*=|≠|!=|=/=)"
_NUMBER = r"-?\d+(?:\.\d+)?"
# a value, not an index: a name with a subscript or decoration (w_j, \hat{y}_i), Greek or capital, or a word
_VALUE = r"(?:\\?[A-Za-z]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9,]+\}?|\^\{?\([A-Za-z0-9]+\)\}?)+|\\[A-Za-z]+|[A-Za-z]{2,}|[A-HO-Za-ho-su-z])"
_EXCLUDED = re.compile(rf"\s*\$?\s*({_VALUE}|\\mathbf\s*\{{[A-Za-z]\}}|\\boldsymbol\s*\{{\\?[A-Za-z]+\}})\s*{_NOT_EQUAL}\s*"
                       rf"({_NUMBER}|\\mathbf\s*\{{0\}}|\\boldsymbol\s*\{{0\}})\s*\$?\s*[.,;]?\s*")
_DETERMINANT = re.compile(r"\s*\$?\s*((?:\\det|\\operatorname\s*\{det\}|\\mathrm\s*\{det\}|\\text\s*\{det\})\s*(?:\\left)?\s*"
                          r"\(?\s*\\?[A-Za-z]+(?:\{[^{}]*\})?\s*(?:\\right)?\s*\)?)\s*(>|\\gt(?![A-Za-z])|\\neq?(?![A-Za-z])|≠)\s*0"
                          r"\s*\$?\s*[.,;]?\s*")
# |X| > 0, \left| X \right| \neq 0: the determinant of a matrix, or the absolute value of a number, away from 0 - a
# condition on where the claim holds in either reading
_BARS = re.compile(r"\s*\$?\s*((?:\\left\s*)?(?:\||\\lvert|\\vert)\s*\\?[A-Za-z]+(?:\{[^{}]*\})?\s*(?:\\right\s*)?"
                   r"(?:\||\\rvert|\\vert))\s*(>|\\gt(?![A-Za-z])|\\neq?(?![A-Za-z])|≠)\s*0\s*\$?\s*[.,;]?\s*")


def condition(text: str) -> str | None:
    """The note for a fact that only restricts where the claim holds (``w_j \\neq 0``, ``\\det X > 0``), or None when
    ``text`` is no such fact."""
    m = _EXCLUDED.fullmatch(text)
    if m is not None:
        return (f"'{text.strip()}' excludes one value of {m[1]}: not imposed (random points avoid it almost surely)")
    m = _DETERMINANT.fullmatch(text) or _BARS.fullmatch(text)
    if m is not None:
        return (f"'{text.strip()}' restricts where the claim holds: not imposed, the claim is judged wherever "
                f"{m[1].strip()} is defined (held to more than the page asks, never to less)")
    return None
