"""A formula in ``$...$`` followed by the range of its index in words with formulas of their own (``$A$ for all $k$ =
1, ... , $n$``, ``$A$ for each $k$``): the formula, then the range as LaTeX writes it (``\\forall k = 1, \\dots, n``),
for the claim's reader to take apart (``read.claim_ranges``)."""

from __future__ import annotations

import re
from collections.abc import Callable

_DOTS = r"(?:\.\.\.|…|\\[lc]?dots)"
_RANGE = re.compile(rf"\s*,?\s*(?:for\s+(?:all|each|every|any)\s+|for\s+|\\forall\s*)\$\s*([A-Za-z])\s*\$"
                    rf"(?:\s*=\s*(\d+)\s*,\s*{_DOTS}\s*,\s*\$\s*([A-Za-z]|\d+)\s*\$)?\s*[.,;]?\s*", re.IGNORECASE)


def range_in_words(latex: str, toks: list, runs: list[list[int]], tok: Callable[..., object]) -> list | None:
    """The first formula's tokens and its range's (``toks`` are the sentence's, ``runs`` the positions of its ``$``
    signs) where the words after the first formula are only the range of an index; None for anything else."""
    if len(runs) not in (4, 6) or latex[:toks[runs[0][0]].col - 1].strip():
        return None
    m = _RANGE.fullmatch(latex[toks[runs[1][-1]].col:])
    if m is None or (len(runs) == 6) != (m[3] is not None):
        return None
    at = toks[runs[1][-1]].col + m.start(1) + 1
    ranged = [tok("cmd", r"\forall", at), tok("letter", m[1], at)]
    if m[3] is not None:
        last = toks[runs[1][-1]].col + m.start(3) + 1
        ranged += [tok("sym", "=", at), *(tok("digit", d, at) for d in m[2]), tok("sym", ",", at),
                   tok("cmd", r"\dots", at), tok("sym", ",", at),
                   *(tok("digit" if c.isdigit() else "letter", c, last) for c in m[3])]
    return [*toks[runs[0][-1] + 1:runs[1][0]], *ranged, toks[-1]]
