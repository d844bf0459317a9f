"""Folding subexpressions back into the names the definitions give them (``e^{a_i}/sum_k e^{a_k} = p_i``)."""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition
from .terms import Rewrite, _expand, _tidy_rational


def _kernels(defn: Definition) -> list[sp.Expr]:
    """Subexpressions of a definition worth folding back: exponentials of its own indices."""
    own = set(defn.indices)
    out = []
    for e in sp.preorder_traversal(defn.rhs):
        if isinstance(e, sp.exp) and (not own or own <= e.free_symbols) and not _inside_sum_over(defn.rhs, e):
            out.append(e)
    return out


def _inside_sum_over(root: sp.Expr, target: sp.Expr) -> bool:
    for s in root.atoms(sp.Sum):
        if s.function.has(target):
            return True
    return False


@lru_cache(maxsize=256)
def _inverses(defn: Definition) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
    """``(kernel, kernel written in the defined name)`` pairs: ``e^{a_i} = p_i sum_k e^{a_k}``.

    The definition is solved for each kernel when it enters linearly after clearing
    denominators; SymPy's ``solve`` is avoided, it calls ``simplify`` and is slow.
    """
    out = []
    for kernel in _kernels(defn):
        u = sp.Dummy("u")
        rhs = defn.rhs.xreplace({kernel: u})
        factor = rhs / u
        if not factor.has(u):  # q = u c, the common case (softmax): u = q / c without clearing denominators
            out.append((kernel, defn.lhs / factor))
            continue
        num = sp.expand(sp.fraction(sp.together(defn.lhs - rhs))[0])
        a, b = num.coeff(u, 1), num.coeff(u, 0)
        if a == 0 or a.has(u) or b.has(u) or sp.expand(num - a * u - b) != 0:
            continue
        out.append((kernel, sp.cancel(-b / a)))
    return tuple(out)


def _fold_one(expr: sp.Expr, defn: Definition) -> sp.Expr | None:
    """Write ``expr`` in terms of the name ``defn`` defines, by solving the definition for a kernel."""
    own = list(defn.indices)
    wilds = [sp.Wild(f"w_{i}") for i in own]
    to_wild = dict(zip(own, wilds))
    # sums are compared up to the names of their summation variables: a derivation may
    # have renamed k to l to keep k free
    present = {_canonical(t): t for t in expr.atoms(sp.Sum)} if expr.has(sp.exp) else {}
    guards = [_canonical(t).xreplace(to_wild) for t in defn.rhs.atoms(sp.Sum)]
    for kernel, inverse in _inverses(defn) if expr.has(sp.exp) else ():
        # e^{c u} for an integer c is the kernel e^{u} to the power c (e^{-z}, e^{2z})
        power = sp.Wild("power", properties=[lambda c: c.is_Integer and c != 0])
        pattern = power * kernel.xreplace(to_wild).args[0]
        hits = 0

        def walk(e: sp.Expr, pattern=pattern, inverse=inverse, power=power) -> sp.Expr:
            nonlocal hits
            if isinstance(e, sp.Sum) and any(_canonical(e).match(g) is not None for g in guards):
                return e
            if isinstance(e, sp.exp):
                m = e.args[0].match(pattern)
                if m is not None and all(w in m for w in wilds):
                    hits += 1
                    inst = inverse.xreplace({w0: m[w] for w0, w in zip(own, wilds)})
                    inst = inst.xreplace({t: present.get(_canonical(t), t) for t in inst.atoms(sp.Sum)})
                    return inst ** m[power]
            if not e.args or isinstance(e, (sp.Indexed, sp.Idx)):
                return e
            return e.func(*[walk(a) for a in e.args])

        new = walk(expr)
        if not hits:
            continue
        new = _tidy_rational(new)
        if sp.count_ops(new) <= sp.count_ops(expr) + 2 and not any(new.has(k) for k in _kernel_bases(kernel)):
            return new
    # a scalar definition whose right side appears verbatim, up to the names of
    # summation variables (e.g. sqrt(sum_n r_n^2) = L)
    if not own and not defn.rhs.is_Atom:
        own_sums = {_canonical(s): s for s in defn.rhs.atoms(sp.Sum)}
        renamed = expr.xreplace({s: own_sums[_canonical(s)] for s in expr.atoms(sp.Sum) if _canonical(s) in own_sums})
        new = renamed.subs(defn.rhs, defn.lhs)
        if new != renamed:
            return new
    return None


@lru_cache(maxsize=4096)
def _canonical(s: sp.Sum) -> sp.Expr:
    """A sum with its summation variables renamed by position, to compare sums up to renaming."""
    out = s
    for pos, lim in enumerate(s.limits):
        var = lim[0]
        out = out.xreplace({var: sp.Idx(sp.Symbol(f"_bound{pos}", integer=True), (var.lower, var.upper))})
    return out


def _kernel_bases(kernel: sp.Expr) -> list[sp.Expr]:
    return [] if kernel.atoms(sp.Indexed) else [kernel]


def fold_definitions(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Fold subexpressions back into the names they define (``e^{a_i}/sum_k e^{a_k} -> p_i``)."""
    for defn in graph.definitions:
        new = _fold_one(expr, defn)
        if new is not None and new != expr:
            return _expand(new), "substitute the definition", sp.Eq(defn.lhs, defn.rhs, evaluate=False)
    return None
