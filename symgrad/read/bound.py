"""Summation indices renamed apart: before a free index is renamed, or an expression differentiated by an element
``w_j``, a sum over an index of the same name (``\\sum_j w_j^2``) takes a fresh one, so that nothing is captured."""

from __future__ import annotations

import sympy as sp

from .tokens import _INDEX_POOL


def _rename_bound(e: sp.Expr, avoid: set[str]) -> sp.Expr:
    """``e`` with summation indices named in ``avoid`` renamed, so that renaming free indices captures none."""
    used = {str(i) for i in e.atoms(sp.Idx)} | avoid
    if isinstance(e, (sp.Sum, sp.Product)):
        e = e.func(_rename_bound(e.function, avoid), *e.limits)
        for var, *_ in e.limits:
            if str(var) in avoid:
                name = next(n for n in list(_INDEX_POOL) + [f"i{k}" for k in range(1, 100)] if n not in used)
                used.add(name)
                e = e.xreplace({var: sp.Idx(sp.Symbol(name, integer=True), (var.lower, var.upper))})
        return e
    if e.args and not isinstance(e, (sp.Indexed, sp.Idx)):
        return e.func(*[_rename_bound(a, avoid) for a in e.args])
    return e
