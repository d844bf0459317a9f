"""Row vectors as pages declare or define them: ``h \\in \\mathbb{R}^{1 \\times m}`` (a 1 x m matrix, as the page
writes it), or ``z = h W + b`` whose value is a row. Read bare, such a vector is a row, so ``h W`` is the row h times
the matrix W (read as a column, h W could not be formed); its entries ``h_i`` are any vector's. A column
(``\\mathbb{R}^{m \\times 1}``, ``\\mathbb{R}^{m}``) stays the default."""

from __future__ import annotations

import sympy as sp


class RowVector(sp.IndexedBase):
    """A vector declared or defined as a row (1 x n)."""


class RowShape(tuple):
    """The sizes of a space written 1 x n (its unit axis left out): a row vector's."""


def vector_base(name: str, shape: tuple, row: bool) -> sp.IndexedBase:
    """The array ``name`` of ``shape``: a ``RowVector`` where ``row`` and it has one axis."""
    return RowVector(name, shape=shape) if row and len(shape) == 1 else sp.IndexedBase(name, shape=shape)
