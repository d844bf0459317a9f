"""A claim's chain joined by code's ``==`` (``sec(x)^2 == 1/cos(x)^2``, a docstring's or a comment's equality): each
``==`` outside any bracket is the chain's ``=`` (spelled ``= `` in the same width, noted). A text that is code, or
that tests (``if``, ``else``, ``where``, ``when``, ``?``), keeps its ``==`` as a comparison, for the reader."""

from __future__ import annotations

import re

from .code import code_pieces

_DOUBLE = re.compile(r"(?<![<>=!])==(?![=])")
_TESTS = re.compile(r"\b(?:if|else|where|when|whenever|unless)\b|\?", re.IGNORECASE)


def _outside_brackets(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` stands outside every bracket."""
    depth = 0
    for ch in text[:at]:
        depth += (ch in "([{") - (ch in ")]}")
    return depth == 0


def double_equals_spelled(text: str, notes: list[str]) -> str:
    """``text`` with each top-level ``==`` read as the chain's ``=`` (noted in ``notes``); unchanged where it has
    none, tests, or is code."""
    found = list(_DOUBLE.finditer(text))
    if not found or _TESTS.search(text) or not all(_outside_brackets(text, m.start()) for m in found) or \
            code_pieces(text) is not None:
        return text
    note = "== read as the chain's = (code's equality joining its members)"
    if note not in notes:
        notes.append(note)
    return _DOUBLE.sub("= ", text)
