"""Symbolic proof that ``claim - truth = 0`` for general sizes, by the engine's rules and then by algebra on the
definitions substituted inline, within a time budget."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

import sympy as sp
from sympy.functions.elementary.hyperbolic import HyperbolicFunction
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from .. import linalg
from ..rules.cpu_limit import cpu_limit
from ..rules.deadline import now
from ..tensors import name_of
from .problem import _inline, _is_size, _Problem


class _Timeout(Exception):
    """The symbolic proof ran past its time budget (internal: always caught)."""


def _time_limit(seconds: float) -> AbstractContextManager[None]:
    """Raise ``_Timeout`` inside the block after ``seconds`` of this process's CPU time (rules.cpu_limit: nested
    inside a verdict's whole budget)."""
    return cpu_limit(seconds, _Timeout)


def _apply_assumptions(e: sp.Expr, assumptions: Sequence[sp.Basic]) -> sp.Expr:
    """``i = j``: write j as i; ``i != j``: drop delta_ij."""
    for a in assumptions:
        if isinstance(a, sp.Eq) and all(isinstance(s, (sp.Idx, sp.Symbol)) for s in a.args):
            e = e.xreplace({a.rhs: a.lhs})
        elif isinstance(a, sp.Ne):
            x, y = a.args
            e = e.xreplace({sp.KroneckerDelta(x, y): 0, sp.KroneckerDelta(y, x): 0, sp.Eq(x, y): sp.false,
                            sp.Eq(y, x): sp.false, sp.Ne(x, y): sp.true, sp.Ne(y, x): sp.true})
    return e


def _index_case(e: sp.Expr) -> sp.Eq | None:
    """``i = j`` when a piecewise claim (``\\begin{cases}``) branches on two indices being equal."""
    for pw in e.atoms(sp.Piecewise):
        for _, cond in pw.args:
            for rel in [cond, *cond.atoms(sp.Eq, sp.Ne)]:
                if isinstance(rel, (sp.Eq, sp.Ne)) and all(isinstance(s, sp.Idx) for s in rel.args):
                    return sp.Eq(*rel.args)
    return None


def _canonical_dummies(e: sp.Expr) -> sp.Expr:
    """Name summation variables by depth and range, so equal sums written with other letters compare equal."""

    def walk(x: sp.Basic, depth: int) -> sp.Basic:
        if isinstance(x, sp.Sum):
            body, limits = x.function, []
            for n, (var, lo, hi) in enumerate(x.limits):
                new = sp.Idx(sp.Symbol(f"_s{depth}_{n}", integer=True), (lo, hi))
                body = body.xreplace({var: new})
                limits.append((new, lo, hi))
            return sp.Sum(walk(body, depth + 1), *limits)
        if not x.args or isinstance(x, (sp.Indexed, sp.Idx)):
            return x
        return x.func(*[walk(a, depth) for a in x.args])

    return walk(e, 0)


def _delta_diagonal(e: sp.Expr) -> sp.Expr:
    """``delta_ij f(i, j) = delta_ij f(i, i)`` for free i, j: each term with a delta written on its diagonal."""
    out = []
    for term in sp.Add.make_args(sp.expand(e)):
        for d in sp.Mul.make_args(term):
            if isinstance(d, sp.KroneckerDelta) and all(isinstance(x, sp.Idx) for x in d.args):
                keep, drop = sorted(d.args, key=str)
                rest = (term / d).xreplace({drop: keep})
                if not any(str(drop) == str(v) for s in rest.atoms(sp.Sum) for v, *_ in s.limits):
                    term = d * rest
                break
        out.append(term)
    return sp.Add(*out)


def _exponentials_as_unknowns(e: sp.Expr) -> sp.Expr:
    """``e`` with sums merged and each ``e^{c u}`` written ``t_u^c`` (``t_u > 0`` a new unknown), summands cancelled."""
    from .. import rules

    bases: dict[sp.Expr, sp.Dummy] = {}

    def power(x: sp.exp) -> sp.Expr:
        c, base = x.args[0].as_coeff_Mul()
        return bases.setdefault(base, sp.Dummy("t", positive=True)) ** c

    merged = rules.merge_sums(_canonical_dummies(e)).replace(lambda x: isinstance(x, sp.exp), power)
    return merged.replace(lambda x: isinstance(x, sp.Sum), lambda s: sp.Sum(sp.cancel(sp.together(s.function)),
                                                                            *s.limits))


def _as_real(e: sp.Expr) -> sp.Expr:
    """``e`` with its scalars and tensors declared real, so that SymPy simplifies ``|z|^2`` to ``z^2``."""
    subs = {s: sp.Symbol(s.name, real=True) for s in e.free_symbols
            if isinstance(s, sp.Symbol) and not isinstance(s, (sp.Dummy, sp.Idx)) and not s.is_integer}
    subs.update({b: sp.IndexedBase(b.label, shape=b.shape, real=True) for b in e.atoms(sp.IndexedBase)})
    return e.xreplace(subs)


def _symmetric_in_one_order(e: sp.Expr) -> sp.Expr:
    """``A_ki`` as ``A_ik`` for a matrix declared symmetric: one index order, so both spellings cancel."""
    hits = {x: x.base[tuple(sorted(x.indices, key=sp.default_sort_key))] for x in e.atoms(sp.Indexed)
            if isinstance(x.base, linalg.Symmetric) and len(x.indices) == 2}
    return e.xreplace(hits) if hits else e


def _is_zero(e: sp.Expr) -> bool:
    e = _symmetric_in_one_order(_canonical_dummies(_delta_diagonal(e)))
    if e == 0:
        return True
    return sp.cancel(sp.together(e)) == 0


def _prove(claim: sp.Expr, truth: sp.Expr, problem: _Problem, seconds: float) -> str | None:
    """How ``claim = truth`` was shown symbolically, or None. Raises ``_Timeout`` when out of time."""
    from .. import rules

    diff = _apply_assumptions(claim - truth, problem.assumptions)
    case = _index_case(diff)
    if case is not None:  # prove each case on its own
        start = now()
        cases = [(*problem.assumptions, case), (*problem.assumptions, sp.Ne(*case.args))]
        hows = []
        for asm in cases:
            left = seconds - (now() - start)
            hows.append(_prove(claim, truth, _Problem(problem.definitions, problem.of, problem.var,
                                                      problem.constraints, asm), max(left, 0.01)))
        return f"case by case ({', '.join(h for h in hows if h)})" if all(hows) else None
    graph = problem.graph()
    asm = problem.assumptions
    with _time_limit(seconds):
        if _is_zero(diff):
            return "by algebra"
        reduced = _apply_assumptions(rules.simplify(diff, graph), asm)
        if _is_zero(reduced):
            return "with the engine's rules"
        inlined = _apply_assumptions(_inline(diff, problem.definitions, keep=name_of(problem.var)), asm)
        plain = tuple(r for r in rules.SIMPLIFY if r.name != "fold")
        reduced = _apply_assumptions(rules.simplify(inlined, graph, rules=plain), asm)
        if _is_zero(reduced):
            return "with the definitions substituted"
        # trigonometric and hyperbolic identities (tan' = 1 + tan^2 = sec^2); only on sum-free
        # expressions, where SymPy's trigsimp is safe, and still under the time limit
        if not reduced.atoms(sp.Sum) and reduced.atoms(TrigonometricFunction, HyperbolicFunction) \
                and _is_zero(sp.trigsimp(sp.expand_trig(reduced))):
            return "with trigonometric identities"
        # e^{c u} = t^c with t = e^u > 0 an unknown: an identity in t (after merging sums written with
        # other letters) is an identity; this proves sigmoids written out inline (logistic regression)
        if reduced.atoms(sp.exp) and _is_zero(_exponentials_as_unknowns(rules.split_sums(reduced))):
            return "with the exponentials as unknowns"
        # every quantity is real (|z|^2 = z^2): say so to SymPy and try again; then sign(u) = u/|u|,
        # which holds except where u = 0 (the kink, also sampled by the numeric search)
        if reduced.atoms(sp.Abs, sp.sign):
            real = _as_real(reduced)
            if _is_zero(real):
                return "for real values"
            if _is_zero(real.replace(sp.sign, lambda u: u / sp.Abs(u))):
                return "for real values away from the kinks where sign jumps"
    return None


def _size_where_it_differs(claim: sp.Expr, truth: sp.Expr, problem: _Problem, seconds: float) -> dict[str, int] | None:
    """A size at which ``claim - truth`` is not 0, read symbolically: with the definitions inlined, the difference
    as a polynomial in a size (its sums, tensors and deltas held fixed), nonzero at the first size that is not one
    of its roots. None where that reading does not apply (a sum runs up to the size) or the polynomial is 0."""
    with _time_limit(seconds):
        diff = _apply_assumptions(_inline(claim - truth, problem.definitions, keep=name_of(problem.var)),
                                  problem.assumptions)
        sizes = sorted({s for s in diff.free_symbols if isinstance(s, sp.Symbol) and _is_size(s)}, key=str)
        for s in sizes:
            if any(s in b.free_symbols for r in diff.atoms(sp.Sum, sp.Product) for lim in r.limits for b in lim[1:]):
                continue
            plain = diff.xreplace({a: sp.Dummy() for a in diff.atoms(sp.Indexed, sp.KroneckerDelta, sp.Sum, sp.Product)})
            if s not in plain.free_symbols or not plain.is_polynomial(s):
                continue
            poly = sp.Poly(sp.expand(plain), s)
            for n in range(1, poly.degree() + 2):  # a nonzero polynomial of degree d has at most d roots
                if sp.expand(poly.eval(n)) != 0:
                    return {str(s): n}
    return None
