"""What kind of slip a wrong claim is: sign, factor, swapped indices, a case (an index case or a missing
constraint), or other."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import sympy as sp

from ..tensors import Constraint
from .evaluation import Env, Fn, _equal, _mp, _rational
from .search import _Sample, _Search


def _diagnose(member: Fn, samples: list[_Sample], search: _Search) -> tuple[str, str]:
    """The kind of slip of a wrong member, with a sentence saying it."""
    if all(_equal(s.claim, -s.truth) for s in samples):
        return "sign", "The claim is −1 × the derivative (a sign slip)."
    factor = _factor(samples)
    if factor is not None:
        missing = f" (a factor {sp.sstr(1 / factor)} is missing)" if factor.free_symbols else ""
        return "factor", f"The claim is {sp.sstr(factor)} × the derivative{missing}."
    for a, b in _index_pairs(search):
        if all(_equal(s.claim, search.truth(_swap(s.env, a, b), s.point.vals)) for s in samples):
            return "indices", f"The indices {a} and {b} are swapped: the claim is the derivative with {a} ↔ {b}."
        same = [s for s in samples if s.env[a] == s.env[b]]
        apart = [s for s in samples if s.env[a] != s.env[b]]
        if same and apart:
            if all(_equal(s.claim, s.truth) for s in same):
                return "case", f"The claim holds only when {a} = {b}; for {a} ≠ {b} it is wrong."
            if all(_equal(s.claim, s.truth) for s in apart):
                return "case", f"The claim holds only when {a} ≠ {b}; for {a} = {b} it is wrong."
    missing = _missing_constraint(member, search)
    if missing is not None:
        return "case", f"The claim holds only if {missing}; it was not given (add it with --given)."
    return "other", "The claim differs from the derivative (not by a sign, a factor, swapped indices or a case)."


def _swap(env: Env, a: str, b: str) -> Env:
    out = dict(env)
    out[a], out[b] = env[b], env[a]
    return out


def _index_pairs(search: _Search) -> list[tuple[str, str]]:
    """Pairs of free indices over the same range that the assumptions leave apart."""
    tied = {frozenset(map(str, a.args)) for a in search.problem.assumptions if isinstance(a, (sp.Eq, sp.Ne))}
    names = sorted(search.free)
    out = []
    for a, b in itertools.combinations(names, 2):
        ia, ib = search.free[a], search.free[b]
        if getattr(ia, "upper", None) == getattr(ib, "upper", None) and frozenset((a, b)) not in tied:
            out.append((a, b))
    return out


def _factor(samples: Sequence[_Sample]) -> sp.Expr | None:
    """c with claim = c × truth at every sample: a rational constant or a rational times a power of a size."""
    ratios: list[tuple[dict[str, int], Any]] = []
    for s in samples:
        if _equal(s.truth, 0):
            if not _equal(s.claim, 0):
                return None
            continue
        ratios.append((s.point.sizes, s.claim / s.truth))
    if not ratios:
        return None
    names = sorted(ratios[0][0])
    candidates: list[tuple[sp.Expr, Callable[[dict[str, int]], int | Fraction]]] = [(sp.Integer(1), lambda z: 1)]
    for name in names:
        for power in (1, -1, 2, -2):
            candidates.append((sp.Symbol(name) ** power, lambda z, n=name, k=power: Fraction(z[n]) ** k))
    if len(names) > 1:
        for power in (1, -1):
            candidates.append((sp.Mul(*map(sp.Symbol, names)) ** power,
                               lambda z, k=power: Fraction(math.prod(z.values())) ** k))
    for expr, value in candidates:
        q = [r / _mp(Fraction(value(z))) for z, r in ratios]
        if all(_equal(x, q[0]) for x in q):
            c = _rational(q[0])
            if c is not None and c not in (1, -1, 0):
                return sp.Rational(c.numerator, c.denominator) * expr
            if c is not None and expr != 1 and c != 0:
                return sp.Rational(c.numerator, c.denominator) * expr
    return None


def _missing_constraint(member: Fn, search: _Search) -> str | None:
    """``\\sum_k y_k = 1`` when imposing it on an input makes the claim agree everywhere."""
    given = {(n, a) for n, a, _ in search.space.constraint_axes}
    for name, shape in search.space.inputs.items():
        if not shape:
            continue
        axis = len(shape) - 1
        if (name, axis) in given:
            continue
        k = sp.Idx(sp.Symbol("k", integer=True), (1, shape[axis]))
        others = [sp.Idx(sp.Symbol(o, integer=True), (1, d)) for o, d in zip("nmlrst", shape[:-1])]  # not k
        base = sp.IndexedBase(name, shape=shape)
        c = Constraint(sp.Sum(base[(*others, k)], (k, 1, shape[axis])), sp.Integer(1))
        trial = _Search(search.problem, search.truth_expr, search.members, [*search.problem.constraints, c])
        samples = list(trial.samples(member))
        if samples and all(s.claim is not None and _equal(s.claim, s.truth) for s in samples):
            k_name = "k"
            sub = ",".join([*(str(o) for o in others), k_name])
            return f"\\sum_{{{k_name}}} {name}_{{{sub}}} = 1"
    return None
