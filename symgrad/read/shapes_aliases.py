"""A name defined as another lone name nothing shapes, then written with an index: ``\\hat{y} = A^{(2)}`` (the
prediction is the last layer's output) before ``C = \\frac{1}{N} \\sum_i (\\hat{y}_i - y_i)^2``. Read first, both were
numbers, and ``\\hat{y}_i`` was refused ('a scalar: it takes no index'); the index says the alias names a vector, so
both are vectors of the index's range, the definition entry by entry (``\\hat{y}_k = A^{(2)}_k``), noted. Only where
no other definition uses either name yet (their reading as numbers would stand there)."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..tensors import Definition
from .indices import _reach


def alias_as_vector(p: Any, name: str, idxs: list[sp.Expr]) -> bool:
    """Make the alias ``name`` (defined as a lone undeclared name) and what it names vectors of the range of the one
    index in ``idxs``, in ``p``'s context, noted; False, nothing changed, where this is not such an alias."""
    ctx = p.ctx
    d = ctx.definitions.get(name)
    if d is None or len(idxs) != 1 or not isinstance(d.lhs, sp.Symbol) or not isinstance(d.rhs, sp.Symbol):
        return False
    of = str(d.rhs)
    extent = _reach(idxs[0])
    if ctx.tensors.get(of) is not d.rhs or of in ctx.definitions or of in ctx.sizes or extent is None:
        return False
    if any(k != name and {d.lhs, d.rhs} & e.rhs.free_symbols for k, e in ctx.definitions.items()):
        return False
    k = sp.Idx(sp.Symbol(ctx._unused()[0], integer=True), (1, extent))
    value = ctx.tensors[of] = sp.IndexedBase(of, shape=(extent,))
    ctx.definitions[name] = Definition(sp.IndexedBase(name, shape=(extent,))[k], value[k])
    p.note(f"{name} = {of} read as vectors of size {extent}: {name} is written with an index, and {of} is what it "
           "names (nothing else shapes either)")
    return True
