"""The problem a claim is judged against (definitions, target, variable, constraints, case), and the index
vocabulary every stage of verify reads it with: names, free indices, bound-index renaming, inlining."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from ..derivation import Graph
from ..tensors import Constraint, Definition, Node, name_of
from .verdict import VerifyError


@dataclass(frozen=True)
class _Problem:
    """Everything a claim is judged against, in the vocabulary of ``symgrad.tensors``."""

    definitions: tuple[Definition, ...]
    of: Node
    var: Node
    constraints: tuple[Constraint, ...] = ()
    assumptions: tuple[sp.Basic, ...] = ()

    def pruned(self) -> tuple[Definition, ...]:
        """The definitions the target needs, with ``var`` an input even when it is a defined name."""
        keep: list[Definition] = []
        wanted = {name_of(self.of)}
        skip = name_of(self.var)
        for d in reversed(self.definitions):
            if d.name in wanted and d.name != skip:
                keep.append(d)
                wanted |= _names_in(d.rhs)
        return tuple(reversed(keep))

    def graph(self) -> Graph:
        defs = self.pruned()
        defined = {d.name for d in defs}
        inputs: dict[str, sp.Basic] = {}
        for d in defs:
            for t in _tensors_in(d.rhs):
                if name_of(t) not in defined:
                    inputs.setdefault(name_of(t), t)
        if name_of(self.var) not in inputs:
            v = self.var.base if isinstance(self.var, sp.Indexed) else self.var
            inputs[name_of(v)] = v
        return Graph(defs, tuple(inputs.values()), name_of(self.of), self.constraints)


def _names_in(e: sp.Basic) -> set[str]:
    return {name_of(t) for t in _tensors_in(e)}


def _tensors_in(e: sp.Basic) -> list[sp.Basic]:
    """IndexedBases and scalar symbols (not sizes, not indices) mentioned in ``e``."""
    out: dict[str, sp.Basic] = {}
    index_names = _index_names(e)
    for node in sp.preorder_traversal(e):
        if isinstance(node, sp.IndexedBase) and isinstance(node.label, sp.Symbol):  # not X^{-1}: X is the input
            out.setdefault(str(node.label), node)
        elif (isinstance(node, sp.Symbol) and not isinstance(node, (sp.Idx, sp.Dummy)) and not _is_size(node)
              and str(node) not in index_names):
            out.setdefault(str(node), node)
    return list(out.values())


def _is_size(s: sp.Symbol) -> bool:
    return bool(s.is_integer and s.is_positive)


def _index_names(e: sp.Basic) -> set[str]:
    """Names used as indices: Idx objects, summation variables, symbols inside an Indexed's subscripts."""
    out = {str(i.label) for i in e.atoms(sp.Idx)}
    for s in e.atoms(sp.Sum, sp.Product):
        out |= {str(lim[0]) for lim in s.limits}
    for ix in e.atoms(sp.Indexed):
        for sub in ix.indices:
            out |= {str(s) for s in sub.free_symbols if not _is_size(s)}
    return out


def _free_indices(e: sp.Basic, bound: frozenset[str] = frozenset()) -> dict[str, sp.Basic]:
    """Index names of ``e`` not bound by a Sum, with an object carrying the range (Idx when known)."""
    out: dict[str, sp.Basic] = {}
    if isinstance(e, (sp.Sum, sp.Product)):
        inner = bound | {str(lim[0]) for lim in e.limits}
        for lim in e.limits:
            for b in lim[1:]:
                out.update(_free_indices(b, bound))
        out.update(_free_indices(e.function, inner))
        return out
    if isinstance(e, sp.Idx):
        if str(e.label) not in bound and not isinstance(e.label, sp.Dummy):
            out[str(e.label)] = e
        return out
    if isinstance(e, sp.Indexed):
        for pos, sub in enumerate(e.indices):
            for s in sub.atoms(sp.Idx, sp.Symbol):
                # an index labelled by a Dummy is bound by the object that made it (linalg_expressions.ExpressionDet)
                if isinstance(s, sp.Symbol) and (_is_size(s) or isinstance(s, sp.Dummy)) or \
                        isinstance(s, sp.Idx) and isinstance(s.label, sp.Dummy):
                    continue
                name = str(s.label) if isinstance(s, sp.Idx) else str(s)
                if name in bound:
                    continue
                if isinstance(s, sp.Idx) and s.upper is not None:
                    out[name] = s
                elif name not in out:
                    shape = e.base.shape
                    out[name] = sp.Idx(sp.Symbol(name, integer=True), (1, shape[pos])) if shape else s
        return out
    if isinstance(e, sp.KroneckerDelta):
        for a in e.args:
            out.update(_free_indices(a, bound))
        return out
    for a in e.args:
        out.update(_free_indices(a, bound))
    return out


def _rename_bound(e: sp.Expr, avoid: set[str], taken: set[str] = frozenset()) -> sp.Expr:
    """Rename summation variables whose names clash with ``avoid`` (free indices about to be substituted) to names
    in none of ``avoid``, ``taken`` and ``e``'s own names (a size n, a tensor u)."""
    pool = [c for c in "klmnrstuvqgh" if c not in avoid] + [f"k{n}" for n in range(1, 50)]
    used = set(avoid) | set(taken) | {str(i) for i in e.atoms(sp.Idx)} | {str(s) for s in e.atoms(sp.Symbol)}
    used |= {str(b.label) for b in e.atoms(sp.IndexedBase)}

    def fresh() -> str:
        for name in pool:
            if name not in used:
                used.add(name)
                return name
        raise VerifyError("ran out of fresh index names")

    def walk(x: sp.Basic) -> sp.Basic:
        if isinstance(x, sp.Sum):
            body, limits = walk(x.function), []
            for var, lo, hi in x.limits:
                if str(var) in avoid:
                    new = sp.Idx(sp.Symbol(fresh(), integer=True), (lo, hi)) if isinstance(var, sp.Idx) \
                        else sp.Symbol(fresh(), integer=True)
                    body = body.xreplace({var: new})
                    var = new
                limits.append((var, lo, hi))
            return sp.Sum(body, *limits)
        if not x.args or isinstance(x, (sp.Indexed, sp.Idx)):
            return x
        return x.func(*[walk(a) for a in x.args])

    return walk(e)


def _inline(e: sp.Expr, definitions: Sequence[Definition], keep: str = "") -> sp.Expr:
    """Substitute every defined name (except ``keep``) by its right-hand side, innermost last."""
    by_name = {d.name: d for d in definitions if d.name != keep}
    for _ in range(len(by_name) + 1):
        hits: dict[sp.Basic, sp.Expr] = {}
        for node in e.atoms(sp.Indexed, sp.Symbol):
            d = by_name.get(name_of(node))
            if d is None or isinstance(node, sp.Idx):
                continue
            if isinstance(node, sp.Indexed) and d.indices:
                rhs = _rename_bound(d.rhs, {str(i) for i in node.indices} | {str(i) for i in d.indices})
                hits[node] = rhs.xreplace(dict(zip(d.indices, node.indices)))
            elif not d.indices and not isinstance(node, sp.Indexed):
                hits[node] = d.rhs
        if not hits:
            return e
        e = e.xreplace(hits)
    return e


def _is_abstract(e: sp.Basic) -> bool:
    """``f(x, theta)``, a derivative of it, or such a derivative at a point (``Subs``): an uninterpreted value."""
    if isinstance(e, sp.Subs):
        e = e.expr
    if isinstance(e, sp.Derivative):
        e = e.expr
    return isinstance(e, AppliedUndef)
