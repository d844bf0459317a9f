"""Free and bound indices of index expressions that may hold the stable nodes, and renaming them."""

from __future__ import annotations

import sympy as sp

from ..tensors import name_of
from .nodes import LogSoftmax, LogSumExp, Norm, Softmax, SoftmaxComplement


def _idx_range(i: sp.Basic) -> tuple[sp.Expr, sp.Expr] | None:
    return (i.lower, i.upper) if isinstance(i, sp.Idx) else None


def _free(e: sp.Basic) -> set[sp.Idx]:
    """The free indices of an index expression (summed indices excluded)."""
    if isinstance(e, sp.Idx):
        return {e}
    if isinstance(e, sp.Indexed):
        return {i for i in e.indices if isinstance(i, sp.Idx)}
    if isinstance(e, sp.Sum):
        return _free(e.function) - {lim[0] for lim in e.limits}
    if isinstance(e, (LogSumExp, Norm)):
        return set().union(*[_free(a) for a in e.args[:1] + e.args[2:]]) - {e.args[1]}
    if isinstance(e, (Softmax, SoftmaxComplement, LogSoftmax)):
        return set().union(*[_free(a) for a in e.args[:1] + e.args[2:]])
    if e.is_Atom:
        return set()
    out: set[sp.Idx] = set()
    for a in e.args:
        out |= _free(a)
    return out


def _delta_partner(e: sp.Expr, k: sp.Idx) -> sp.Idx | None:
    """``j`` when ``e`` is ``KroneckerDelta(k, j)`` times something (in every term and every case)."""
    if isinstance(e, sp.KroneckerDelta) and k in e.args:
        j = e.args[0] if e.args[1] == k else e.args[1]
        return j if isinstance(j, sp.Idx) and _idx_range(j) == _idx_range(k) else None
    if isinstance(e, sp.Mul):
        return next((j for f in e.args if (j := _delta_partner(f, k)) is not None), None)
    parts = [c.expr for c in e.args] if isinstance(e, sp.Piecewise) else e.args if isinstance(e, sp.Add) else ()
    partners = {_delta_partner(t, k) for t in parts}
    return partners.pop() if len(partners) == 1 else None


def _bound(e: sp.Basic) -> set[sp.Idx]:
    """Indices bound by sums (and logsumexps) inside ``e``."""
    out: set[sp.Idx] = set()
    if isinstance(e, sp.Sum):
        out |= {lim[0] for lim in e.limits}
    elif isinstance(e, (LogSumExp, Norm)):
        out.add(e.args[1])
    if not e.is_Atom and not isinstance(e, sp.Indexed):
        for a in e.args:
            out |= _bound(a)
    return out


def _rename(rhs: sp.Expr, own: tuple[sp.Idx, ...], idx: tuple[sp.Basic, ...]) -> sp.Expr:
    """``rhs`` with its free indices ``own`` renamed to ``idx``, bound indices renamed out of the way first."""
    clash = {b for b in _bound(rhs) if b in idx}
    fresh = {b: sp.Idx(sp.Symbol(f"{b.label}_", integer=True), (b.lower, b.upper)) for b in clash}
    return rhs.xreplace(fresh).xreplace(dict(zip(own, idx)))


def _seen(e: sp.Expr, names: dict[str, tuple[sp.Expr, sp.Expr]]) -> sp.Expr:
    """What a reference to a defined name stands for (its stabilised right-hand side); else ``e``."""
    if isinstance(e, sp.Indexed) and name_of(e) in names:
        lhs, rhs = names[name_of(e)]
        if isinstance(lhs, sp.Indexed) and len(lhs.indices) == len(e.indices):
            return _rename(rhs, tuple(lhs.indices), tuple(e.indices))
    if isinstance(e, sp.Symbol) and e.name in names and not isinstance(names[e.name][0], sp.Indexed):
        return names[e.name][1]
    return e
