"""Mathematics as a pdf's text layer gives it (Bishop's PRML as a page viewer shows it).

A derivative's fraction: the numerator and the denominator on lines of their own, the bar lost, ``∂`` over ``∂x`` (the operator ``\\frac{\\partial}{\\partial
x}``) or ``∂A`` over ``∂x`` (``\\frac{\\partial A}{\\partial x}``). A line holding only ``∂`` (and one name) above a line
holding only ``∂`` and one name has no other reading: a ``∂`` alone is no value, and two lines of partials side by side
are no product a page writes.

An inverse whose superscript's minus the layer set before the caret (``A−^1`` for ``A^{-1}``): a caret after a minus has
no base, so the minus belongs to the exponent: read ``A^−1`` (the same width, columns kept), noted."""

from __future__ import annotations

import re
from typing import Any

_MOVED_MINUS = re.compile(r"(?<=[A-Za-z0-9)\]])([−-])\^(?=\d)")


def minus_restored(src: str) -> str:
    """``src`` (plain text) with each ``−^`` after a name or bracket as ``^−``: ``A−^1`` is ``A^−1``."""
    return src if "\\" in src else _MOVED_MINUS.sub(lambda m: "^" + m[1], src)


def minus_notes(src: str) -> list[str]:
    """What ``minus_restored`` read, as a note for the verdict."""
    return [f"text: {m[0]}1 read as ^{m[1]}1, the exponent's minus set before its caret"
            for m in _MOVED_MINUS.finditer(src)][:1] if "\\" not in src else []


_STACKED = re.compile(r"(?m)^[ \t]*∂[ \t]*([A-Za-z]?)[ \t]*\n[ \t]*∂[ \t]*([A-Za-z])[ \t]*$")


def stacked_notes(src: str) -> list[str]:
    """What ``stacked`` reads, as a note for the verdict."""
    return [f"text: ∂{m[1]} over ∂{m[2]} on lines of their own read as the fraction ∂{m[1]}/∂{m[2]}, its bar lost"
            for m in _STACKED.finditer(src)][:1] if "\\" not in src else []


def _line(src: str, col: int) -> int:
    return src.count("\n", 0, col - 1)


def _alone(toks: list[Any], start: int, end: int, src: str) -> bool:
    """Whether ``toks[start:end]`` are the whole of their one line."""
    line = _line(src, toks[start].col)
    return (start == 0 or _line(src, toks[start - 1].col) < line) and _line(src, toks[end - 1].col) == line and \
        _line(src, toks[end].col) > line


def _partial_line(toks: list[Any], k: int, src: str, named: bool) -> int | None:
    """The index past the line at ``k`` when it is ``∂`` then one letter (or, not ``named``, ``∂`` alone)."""
    if toks[k].text != r"\partial" or src[toks[k].col - 1] != "∂":
        return None
    for end in ((k + 2,) if named else (k + 1, k + 2)):
        if end > k + 1 and toks[k + 1].kind != "letter":
            continue
        if end < len(toks) and _alone(toks, k, end, src):
            return end
    return None


def stacked(toks: list[Any], k: int, src: str, tok: Any) -> tuple[list[Any], int] | None:
    """``∂`` over ``∂x`` on lines of their own at ``k``: ``\\frac{\\partial}{\\partial x}`` (the tokens, the index
    past them); ``∂A`` over ``∂x``: ``\\frac{\\partial A}{\\partial x}``; else None."""
    over = _partial_line(toks, k, src, named=False)
    under = _partial_line(toks, over, src, named=True) if over is not None else None
    if under is None:
        return None
    d = toks[k]
    return [tok("cmd", r"\frac", d.col), tok("sym", "{", d.col), *toks[k:over], tok("sym", "}", toks[over - 1].col),
            tok("sym", "{", toks[over].col), *toks[over:under], tok("sym", "}", toks[under - 1].col)], under
