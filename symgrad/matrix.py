"""Matrix notation for index-notation results: ``p_i(delta_ij - p_j)`` is ``diag(p) - p p^T``.

A presentation step only: it recognises the few shapes that have a standard matrix
spelling (elementwise terms, ``diag``, outer products, ``A^T B`` contractions, column
sums) and gives up (``None``) on anything else rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from .derivation import Graph


def _name(base: sp.IndexedBase) -> str:
    from .latex import to_latex

    return to_latex(sp.Symbol(str(base.label)))


def _elementwise(e: sp.Expr, free: Sequence[sp.Idx]) -> str | None:
    """LaTeX of ``e`` with every tensor indexed exactly by ``free`` written as the whole array."""
    from .latex import to_latex

    if e.atoms(sp.Sum) or e.atoms(sp.KroneckerDelta):
        return None
    subs = {}
    for ix in e.atoms(sp.Indexed):
        if tuple(ix.indices) != tuple(free):
            return None
        subs[ix] = sp.Symbol(_name(ix.base))
    return to_latex(e.xreplace(subs))


def _term(t: sp.Expr, free: Sequence[sp.Idx]) -> str | None:
    coeff, factors = t.as_coeff_mul()
    i = free[0]
    j = free[1] if len(free) > 1 else None
    vec_i = [f for f in factors if isinstance(f, sp.Indexed) and tuple(f.indices) == (i,)]
    vec_j = [f for f in factors if isinstance(f, sp.Indexed) and j is not None and tuple(f.indices) == (j,)]
    deltas = [f for f in factors if isinstance(f, sp.KroneckerDelta) and set(f.args) == {i, j}]
    others = [f for f in factors if f not in vec_i + vec_j + deltas]
    if any(f.has(i) or (j is not None and f.has(j)) for f in others):
        return None
    from .latex import to_latex

    scale = to_latex(coeff * sp.Mul(*others))
    scale = "" if scale == "1" else ("-" if scale == "-1" else scale + " ")
    if deltas and len(vec_i) == 1 and not vec_j:
        return f"{scale}\\operatorname{{diag}}({_name(vec_i[0].base)})"
    if not deltas and len(vec_i) == 1 and len(vec_j) == 1:
        return f"{scale}{_name(vec_i[0].base)} {_name(vec_j[0].base)}^{{\\top}}"
    return None


def _contraction(e: sp.Expr, free: Sequence[sp.Idx]) -> str | None:
    """``c * sum_n A[n, i] E[n, j]`` as ``c A^T E``; ``c * sum_n E[n, j]`` as ``c E^T 1``."""
    coeff, factors = e.as_coeff_mul()
    sums = [f for f in factors if isinstance(f, sp.Sum)]
    if len(sums) != 1 or len(sums[0].limits) != 1:
        return None
    s = sums[0]
    outside = sp.Mul(coeff, *[f for f in factors if f is not s])
    if outside.atoms(sp.Indexed):
        return None
    from .latex import to_latex

    scale = to_latex(outside)
    scale = "" if scale == "1" else ("-" if scale == "-1" else scale + " ")
    n = s.limits[0][0]
    body = s.function
    if len(free) == 2:
        i, j = free
        left = [f for f in sp.Mul.make_args(body) if isinstance(f, sp.Indexed) and tuple(f.indices) == (n, i)]
        if len(left) != 1:
            return None
        right = _elementwise(body / left[0], (n, j))
        if right is None:
            return None
        return f"{scale}{_name(left[0].base)}^{{\\top}} \\left({right}\\right)"
    if len(free) == 1:
        inner = _elementwise(body, (n, free[0]))
        if inner is None:
            return None
        return f"{scale}\\left({inner}\\right)^{{\\top}} \\mathbf{{1}}"
    return None


def matrix_form(expr: sp.Expr, free: Sequence[sp.Idx], graph: Graph) -> str | None:
    """The matrix spelling of a result with free indices ``free``, or ``None`` when there is none."""
    if not free:
        return None
    if len(free) == 1 and not expr.atoms(sp.Sum):
        return _elementwise(expr, free) if expr.atoms(sp.Indexed) else None
    found = _contraction(expr, free)
    if found is not None:
        return found
    if len(free) != 2:
        return None
    parts = [_term(t, free) for t in sp.Add.make_args(sp.expand(expr))]
    if any(p is None for p in parts):
        return None
    out = parts[0]
    for p in parts[1:]:
        out += f" - {p[1:]}" if p.startswith("-") else f" + {p}"
    return out
