"""Comparisons as code writes them in a fact or a case (``x <= 0``, ``alpha >= 1``, ``i != j``, ``i == j``): the
relation meant, spelled in the same width (``≤``, ``≥``, ``≠``, ``=``) so that every column stays where it was, and
a note saying so. Code itself (``np.where(z >= 0, 1, 0)``) is the code reader's."""

from __future__ import annotations

import re

from .code import code_pieces

_CODE = {"<=": "≤ ", ">=": "≥ ", "!=": "≠ ", "==": "= "}
_COMPARISON = re.compile(r"(?<![<>=!])(<=|>=|!=|==)(?![<>=])")


def comparisons_spelled(text: str, notes: list[str]) -> str:
    """``text`` with each comparison written as code read as the relation it means, noted in ``notes``; ``text``
    unchanged where it has none, or is code."""
    if not isinstance(text, str) or not _COMPARISON.search(text) or code_pieces(text) is not None:
        return text
    spelled = _COMPARISON.sub(lambda m: _CODE[m[1]], text)
    notes.append(f"'{' '.join(text.split())}': {', '.join(sorted(set(_COMPARISON.findall(text))))} read as "
                 f"{', '.join(_CODE[c].strip() for c in sorted(set(_COMPARISON.findall(text))))}, as code writes them")
    return spelled
