"""A definition's left side when it writes no indices (a scalar, an array with the right side's axes, or one name per
index free on the right only) and the checks on its value (no stray index, no name defined in terms of itself)."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from ..tensors import indices_of
from .parser import _Parser
from .row_vectors import declare_row
from .tokens import _Tok
from .vocabulary import _extent, _free_indices, _Val


def _node(p: _Parser, name: str, tok: _Tok, rhs: _Val) -> sp.Expr:
    """The left side of ``name = rhs`` without indices: a scalar, or an array with the right side's axes."""
    if len(rhs.free) > 2 or (rhs.axes and len(rhs.free) != 1 and len(rhs.axes) != 2):
        raise p.error(f"{name} would have shape {p.shape(rhs)}", tok)
    _declared_shape(p, name, tok, rhs)
    if not rhs.free:
        return sp.Symbol(name)
    base = p.new_tensors[name] = sp.IndexedBase(name, shape=tuple(_extent(i) for i in rhs.free))
    if len(rhs.axes) == 2 and rhs.axes[0] is None and len(rhs.free) == 1:  # z = h W + b with h a row: z is a row
        declare_row(p.ctx, name)
    return base[rhs.free]


def _declared_shape(p: _Parser, name: str, tok: _Tok, rhs: _Val) -> None:
    """``p \\in \\mathbb{R}^{k \\times k}`` declared, then ``p = softmax(z)`` (a vector of k): the page's two shapes
    contradict each other, refused naming both (the definition's shape was kept and the declaration dropped silently).
    Axes of length 1 are left out (R^{n x 1} is a column, as a vector is); sizes are compared where both are numbers."""
    declared = p.ctx.tensors.get(name)
    shape = tuple(getattr(declared, "shape", None) or ()) if isinstance(declared, sp.IndexedBase) else None
    invented = {str(n) for n in p.ctx.provisional_sizes} | {str(p.ctx.matrix_size)} - {"None"}
    if not shape or any(not sp.sympify(n).is_Integer and (str(n) not in p.ctx.sizes or str(n) in invented)
                        for n in shape):
        return  # a shape the reader gave (A of ln det(WW^T + I) an n x n matrix), not the page: its definition decides
    written = tuple(_extent(i) for i in rhs.free)
    mine, its = [n for n in shape if n != 1], [n for n in written if n != 1]
    clash = len(mine) != len(its) or any(a.is_Integer and b.is_Integer and a != b
                                         for a, b in zip(map(sp.sympify, mine), map(sp.sympify, its)))
    if clash:
        said = " x ".join(map(str, shape))
        raise p.error(f"{name} is declared {said} but defined as a value of shape {p.shape(rhs)}: the page gives {name} "
                      "two shapes; keep the one it means", tok)


def _family(p: _Parser, name: str, value: sp.Expr, eq: _Tok) -> sp.Expr:
    """``E = (t - \\sigma(\\sum_j w_{jk} o_j))^2`` with k free on the right only: one E per k, ``E_k`` (noted; a bare E
    later is E_k). Left as it is when such an index is also summed on the right (a sum that stops short of it)."""
    stray = sorted(_free_indices(value), key=str)
    summed = {str(i) for s in value.atoms(sp.Sum) for i in s.variables}
    if not stray or summed & {str(i) for i in stray}:
        return sp.Symbol(name)
    base = sp.IndexedBase(name, shape=tuple(_extent(i) for i in stray))
    p.ctx.families[name] = tuple(stray)
    p.note(f"{name} read as {name}_{{{''.join(map(str, stray))}}}, one per {', '.join(map(str, stray))}: "
           f"{'they are' if len(stray) > 1 else 'it is'} free on the right of its =")
    return base[tuple(stray)]


def _check_value(latex: str, name: str, lhs: sp.Expr, value: sp.Expr, eq: _Tok, node: bool) -> None:
    """No index free on the right only, and no node defined in terms of itself."""
    stray = _free_indices(value) - set(indices_of(lhs))
    summed = {str(i) for s in value.atoms(sp.Sum) for i in s.variables}
    if stray:
        i = min(stray, key=lambda i: (str(i) not in summed, str(i)))
        why = (f": the sum over {i} stops before it (bracket what it sums), or define {name}_{i} = ... for one "
               f"{name} per {i}") if str(i) in summed else ""
        raise ParseError(f"index {i} is free on the right of = but not on the left{why}", column=eq.col, source=latex)
    if node and name in {str(b.label) for b in value.atoms(sp.IndexedBase)} | {str(s) for s in value.free_symbols}:
        raise ParseError(f"{name} is defined in terms of itself: an implicit equation is not a definition",
                         column=eq.col, source=latex)

