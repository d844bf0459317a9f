"""A capital name after a row vector, undeclared (``\\vec{x}^T A \\vec{x}``, ``w^T X^T``): a matrix whose row count the
row settles and whose column count its further use does, noted - read as a number, ``x^T A x`` would be
``A \\sum_i x_i^2`` and the gradient ``2 A x``, wrong for every matrix that is not symmetric, without a word about A."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok
from .vocabulary import _extent, _Val


def row_matrix(p, row: _Val, w: _Val, name: str, new: bool, t: _Tok) -> _Val:
    """``w`` (the name ``name`` after the row vector ``row``) as the matrix the product makes it where it is a name
    first met here, undeclared and defined nowhere; else ``w`` as it was read."""
    if not new or w.axes or not isinstance(w.expr, sp.Symbol) or p.lookup_base(name) not in (None, w.expr) or \
            name in p.ctx.definitions or name in p.ctx.functions:
        return w
    p.new_scalars.pop(name, None)
    columns = sp.Dummy(f"size_{name}", integer=True, positive=True)
    base = p.new_tensors.setdefault(name, sp.IndexedBase(name, shape=(_extent(row.free[-1]), columns)))
    p.note(f"{name} read as a matrix: a row vector multiplies it, it is a capital and nothing declares it")
    return p.array(base, t)
