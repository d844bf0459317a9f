"""Row vectors as pages declare or define them: ``h \\in \\mathbb{R}^{1 \\times m}`` (a 1 x m matrix, as the page
writes it), or ``z = h W + b`` whose value is a row. Read bare, such a vector is a row, so ``h W`` is the row h times
the matrix W (read as a column, h W could not be formed); its entries ``h_i`` are any vector's. A column
(``\\mathbb{R}^{m \\times 1}``, ``\\mathbb{R}^{m}``) stays the default.

The array itself is the plain ``IndexedBase`` every other reading uses (the definitions, an upstream gradient's sum
and the evaluation find it by its name): only the problem's context records that ``h`` is written as a row, in
``rows`` (and ``orientation``, where a sentence makes every vector a row: read/words_orientation)."""

from __future__ import annotations

from typing import Any


class RowShape(tuple):
    """The sizes of a space written 1 x n (its unit axis left out): a row vector's."""


def declare_row(ctx: Any, name: str) -> None:
    """Record in ``ctx`` that the vector ``name`` is written as a row."""
    ctx.__dict__.setdefault("rows", set()).add(name)


def is_row(ctx: Any, name: str) -> bool:
    """Whether the vector ``name`` reads as a row in ``ctx``: declared or defined as one, or every vector is."""
    return name in ctx.__dict__.get("rows", ()) or ctx.__dict__.get("orientation", "column") == "row"
