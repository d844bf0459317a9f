"""The numeric search: points (sizes, exact inputs, every defined name's values) and free-index assignments
where a claim and the derivative are both evaluated, smallest and simplest first."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Any

import mpmath
import sympy as sp

from .. import linalg
from ..tensors import Constraint, name_of
from .evaluation import (
    _ABSTRACT,
    _DPS,
    _STYLES,
    Env,
    Fn,
    Values,
    _compile,
    _draw,
    _equal,
    _finite_real,
    _kinks_undefined,
    _mp,
    _Uninterpreted,
)
from .printing import _case_text
from .problem import _free_indices, _is_size, _Problem, _tensors_in
from .verdict import VerifyError

_SIZES = (1, 2, 3, 4)
# one size past the small ones, where a claim off by a polynomial vanishing at 1..4 shows ((N-1)...(N-4) x_j)
_LARGE_SIZE = 7
_MAX_ELEMENTS = 100_000  # values drawn for one input or defined per point: beyond this a size is refused
_LARGE_STYLES = ("simple", "random", "unit")  # fewer points there: each costs up to 7^depth terms
_MAX_ASSIGNMENTS = 16  # free-index assignments evaluated per point



def _index_range(index: sp.Expr, env: Env) -> range:
    """The values an index of a definition's head takes: an Idx its range, a number (C_0 = ...) itself."""
    if isinstance(index, sp.Idx):
        return range(_as_int(index.lower, env), _as_int(index.upper, env) + 1)
    return range(_as_int(index, env), _as_int(index, env) + 1)

@dataclass
class _Point:
    """One concrete instance: sizes, input values (exact rationals) and every defined name's values."""

    sizes: dict[str, int]
    inputs: dict[str, Any]  # name -> Fraction or {index tuple: Fraction}
    vals: Values  # also holds the point's abstract functions under _ABSTRACT
    style: str
    space: _Space | None = field(default=None, repr=False, compare=False)  # to recompute ``vals`` more precisely

    def precise_vals(self) -> Values:
        """The defined names' values recomputed at the current mpmath precision (the confirmation of a difference
        must not reuse an intermediate rounded at the working precision: 1 - sigma(60) keeps 24 of 50 digits)."""
        if self.space is None:
            return self.vals
        again = self.space.values(self.sizes, {k: _mp(v) for k, v in self.inputs.items()}, self.vals.get(_ABSTRACT))
        return self.vals if again is None else again

    @cached_property
    def signs(self) -> set[int]:
        """The signs (-1, 0, 1) of the input values at this point: the search covers each one the domain allows."""
        values = [x for v in self.inputs.values() for x in (v.values() if isinstance(v, dict) else (v,))]
        return {(x > 0) - (x < 0) for x in values}


@dataclass
class _Sample:
    """The member and the derivative at one point and index assignment; ``claim`` is None where the member is
    undefined (it raises, no case applies, or its value is not a finite real number) and the derivative is not."""

    point: _Point
    env: Env
    claim: Any
    truth: Any


@dataclass
class _Tally:
    """How the evaluations of one member went: where both are defined, where only the derivative is, and the
    assignments skipped because the derivative is undefined there too."""

    compared: int = 0
    undefined: int = 0
    skipped: int = 0


# a value off the domain: 1/0, no case of a \begin{cases} applies, an order comparison of a complex value
_UNDEFINED = (ZeroDivisionError, ValueError, TypeError)
# what cannot be evaluated at all at a point (an exponent of billions of bits, a name without a value): skipped
_UNEVALUATED = (OverflowError, KeyError)
_SKIP = object()  # the value of what could not be evaluated


class _Space:
    """Where the search looks: the sizes, the inputs and their shapes and declared domains, the definitions in
    order."""

    def __init__(self, problem: _Problem, exprs: Sequence[sp.Expr], domains: Mapping[str, sp.Set] | None = None):
        self.problem = problem
        self.domains = dict(domains or {})
        defs = [d for d in problem.definitions if d.name != name_of(problem.var)]
        self.definitions = [(d, _compile(d.rhs)) for d in defs]
        everything = [d.rhs for d in defs] + [d.lhs for d in defs] + list(exprs) + [problem.var, problem.of]
        everything += [c.lhs for c in problem.constraints]
        self.sizes = _size_names(everything)
        self.inputs = self._inputs(everything, {d.name for d in defs})
        self.symmetric = {name_of(b) for e in everything for b in e.atoms(linalg.Symmetric)}
        self.constraint_axes = [c for c in (_constraint_axis(c) for c in problem.constraints) if c is not None]
        # x = 2, \gamma = 3/10: a scalar input the facts fix to a number is drawn at that number, every point
        self.fixed = {f[0]: f[1] for f in map(_fixed_value, problem.constraints)
                      if f is not None and self.inputs.get(f[0]) == ()}
        self.unsupported = [c for c in problem.constraints
                            if _constraint_axis(c) is None and (_fixed_value(c) or ("",))[0] not in self.fixed]
        self.made = 0  # points made so far: each gets its own abstract functions

    def _inputs(self, everything: Sequence[sp.Expr], defined: set[str]) -> dict[str, tuple[sp.Expr, ...]]:
        """Every name that is not defined, with its shape (``()`` for a scalar)."""
        arrays = {str(b.label) for e in everything for b in e.atoms(sp.IndexedBase)}
        both = arrays & {str(s) for e in everything for s in _bare_symbols(e)}
        if both:
            name = min(both)
            raise VerifyError(f"{name} is used both as a scalar and as an array: declare its shape with --given "
                              f"(e.g. '{name} \\in \\mathbb{{R}}^{{n}}') before it is used")
        inputs: dict[str, tuple[sp.Expr, ...]] = {}
        for e in everything:
            for t in _tensors_in(e):
                name = name_of(t)
                if name not in defined and name not in inputs:
                    inputs[name] = self._shape(t, everything)
        bound = {str(limit[0].label if isinstance(limit[0], sp.Idx) else limit[0])
                 for e in everything for s in e.atoms(sp.Sum) for limit in s.limits}
        for name in sorted(n for n, shape in inputs.items() if not shape and n in bound):
            raise VerifyError(f"{name} has no value: it is used as a number but is neither given nor defined "
                              f"(it is the index of a sum elsewhere)")
        # the variable differentiated by, written also as an index (L = E_x + x): its derivative counts entries
        # (M_k = sum_i x_i^k by x_j, k a subscript and a power, is fine: k is not differentiated by)
        indices = {str(i.label) for e in everything for i in e.atoms(sp.Idx)} & {name_of(self.problem.var)}
        for name in sorted(n for n, shape in inputs.items() if not shape and n in indices):
            raise VerifyError(f"{name} is used both as an index (a subscript) and as a number: give the "
                              f"index another letter, or write the value apart from it")
        return inputs

    @staticmethod
    def _shape(t: sp.Basic, exprs: Sequence[sp.Expr]) -> tuple[sp.Expr, ...]:
        if not isinstance(t, sp.IndexedBase):
            return ()
        if t.shape:
            return tuple(t.shape)
        for e in exprs:
            for ix in e.atoms(sp.Indexed):
                if ix.base.label == t.label and all(isinstance(i, sp.Idx) and i.upper is not None for i in ix.indices):
                    return tuple(i.upper for i in ix.indices)
        raise VerifyError(f"the shape of {t} is not known: declare it, e.g. --given '{t} \\in \\mathbb{{R}}^{{n}}'")

    def size_plans(self) -> list[dict[str, int]]:
        """Small sizes (every one of 1..4 for a single size), smallest first, then every size at 7."""
        if not self.sizes:
            return [{}]
        if len(self.sizes) == 1:
            combos = [(n,) for n in _SIZES]
        else:
            combos = [tuple(n for _ in self.sizes) for n in (1, 2, 3)]
            rng = random.Random(len(self.sizes))
            combos += [tuple(rng.choice((1, 2, 3, 4)) for _ in self.sizes) for _ in range(3)]
        combos = sorted(set(combos), key=lambda c: (sum(c), c)) + [tuple(_LARGE_SIZE for _ in self.sizes)]
        return [dict(zip(self.sizes, c)) for c in combos]

    def point(self, sizes: dict[str, int], style: str, rng: random.Random) -> _Point | None:
        env: Env = dict(sizes)
        inputs: dict[str, Any] = {}
        for name, shape in self.inputs.items():
            dims = [_as_int(d, env) for d in shape]
            if math.prod(dims) > _MAX_ELEMENTS:  # a size written as a number, \sum_{k=1}^{10^9}: no memory for it
                raise VerifyError(f"{name} has {math.prod(dims)} elements at the sizes written; verify draws at most "
                                  f"{_MAX_ELEMENTS}: write the size as a letter (N) to have it checked at every size")
            domain = self.domains.get(name)
            if dims:
                inputs[name] = {ix: _inside(_draw(style, rng), domain, rng)
                                for ix in itertools.product(*(range(1, n + 1) for n in dims))}
                if name in self.symmetric:
                    inputs[name] = linalg.positive_definite_table(inputs[name])
            else:
                inputs[name] = _inside(_draw(style, rng), domain, rng)
        for name, axis, target in self.constraint_axes:
            if name in inputs:
                _impose(inputs[name], axis, target)
        inputs.update(self.fixed)
        self.made += 1
        vals = self.values(sizes, {k: _mp(v) for k, v in inputs.items()},
                           _Uninterpreted(f"{sorted(sizes.items())} {style} {self.made}", style))
        return None if vals is None else _Point(sizes, inputs, vals, style, self)

    def values(self, sizes: dict[str, int], inputs: Values, functions: _Uninterpreted) -> Values | None:
        """The inputs with every defined name's values added; None where a definition is undefined."""
        env: Env = dict(sizes)
        vals: Values = {**inputs, _ABSTRACT: functions}
        try:
            for d, fn in self.definitions:
                if d.indices:
                    ranges = [_index_range(i, env) for i in d.indices]
                    if math.prod(map(len, ranges)) > _MAX_ELEMENTS:
                        raise VerifyError(f"{d.name} has {math.prod(map(len, ranges))} elements at the sizes written; "
                                          f"verify evaluates at most {_MAX_ELEMENTS}: write the size as a letter (N)")
                    table = {}
                    names = [str(i.label) if isinstance(i, sp.Idx) else "" for i in d.indices]
                    for ix in itertools.product(*ranges):
                        table[ix] = fn({**env, **dict(zip(names, ix))}, vals)
                    vals[d.name] = table
                else:
                    vals[d.name] = fn(dict(env), vals)
                values = vals[d.name].values() if d.indices else (vals[d.name],)
                if not all(map(_finite_real, values)):  # off the real domain: arccosh z for z < 1 is complex
                    return None
        except (ZeroDivisionError, ValueError, OverflowError, TypeError):
            return None
        except KeyError as e:  # e.g. a letter n used as a number beside a sum over n (found by fuzzing)
            raise VerifyError(f"{e.args[0]} has no value: it is used as a number but is neither given nor defined") \
                from None
        return vals


def _inside(value: Fraction, domain: sp.Set | None, rng: random.Random) -> Fraction:
    """``value`` moved into the declared ``domain`` (``\\epsilon > 0``, ``0 < p < 1``, ``y \\in \\{0, 1\\}``) when it
    lies outside: a claim is judged only where the inputs can be; as drawn when there is no domain or it is inside."""
    if domain is None or domain.contains(sp.Rational(value.numerator, value.denominator)) is sp.true:
        return value
    if isinstance(domain, sp.FiniteSet) and all(e.is_Rational for e in domain):
        return Fraction(str(rng.choice(sorted(domain))))
    if not isinstance(domain, sp.Interval):
        return value  # a domain of another form: the search's own rejection of undefined points applies
    lo, hi = domain.start, domain.end
    step = abs(value) or Fraction(1, 2)
    if lo.is_finite and hi.is_finite:
        inner = Fraction(rng.randint(1, 9), 10)
        return Fraction(str(lo)) + (Fraction(str(hi)) - Fraction(str(lo))) * inner
    if lo.is_finite:
        return Fraction(str(lo)) + step
    if hi.is_finite:
        return Fraction(str(hi)) - step
    return value


def _size_names(exprs: Sequence[sp.Expr]) -> list[str]:
    """The sizes the expressions depend on: positive integer symbols, and those in declared shapes."""
    return sorted({str(s) for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol) and _is_size(s)}
                  | {str(s) for e in exprs for b in e.atoms(sp.IndexedBase) for dim in (b.shape or ())
                     for s in dim.free_symbols})


def _bare_symbols(e: sp.Basic) -> set[sp.Symbol]:
    """Symbols of ``e`` outside any Indexed (so not the labels of arrays)."""
    if isinstance(e, sp.Indexed):
        return set().union(*(_bare_symbols(i) for i in e.indices))
    if isinstance(e, sp.IndexedBase):  # a whole tensor, as an abstract function's argument
        return set()
    if isinstance(e, sp.Symbol) and not isinstance(e, sp.Idx):
        return {e}
    return set().union(*(_bare_symbols(a) for a in e.args)) if e.args else set()


def _as_int(e: sp.Expr, env: Env) -> int:
    return int(sp.sympify(e).xreplace({s: env[str(s)] for s in sp.sympify(e).free_symbols}))


def _constraint_axis(c: Constraint) -> tuple[str, int, Fraction] | None:
    """``Sum(y[n, k], k) = 1`` as (tensor y, axis 1, total 1): a constraint the search can impose by scaling."""
    if not (isinstance(c.lhs, sp.Sum) and len(c.lhs.limits) == 1 and isinstance(c.lhs.function, sp.Indexed)):
        return None
    if not c.rhs.is_Rational:
        return None
    var = str(c.lhs.limits[0][0])
    positions = [n for n, i in enumerate(c.lhs.function.indices) if str(i) == var]
    if len(positions) != 1:
        return None
    return str(c.lhs.function.base.label), positions[0], Fraction(int(c.rhs.p), int(c.rhs.q))


def _fixed_value(c: Constraint) -> tuple[str, Fraction] | None:
    """``x = 2`` or ``\\gamma = 3/10`` (either side) as (x, 2): a plain name fixed to a real number, written as a
    fraction or a decimal; None for any other fact."""
    for name, value in ((c.lhs, c.rhs), (c.rhs, c.lhs)):
        if isinstance(name, sp.Symbol) and (value.is_Rational or value.is_Float):
            return str(name), Fraction(int(value.p), int(value.q)) if value.is_Rational else Fraction(str(value))
    return None


def _impose(table: dict[tuple[int, ...], Fraction], axis: int, total: Fraction) -> None:
    """Scale each slice along ``axis`` so it sums to ``total`` (uniform when it sums to 0)."""
    groups: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for ix in table:
        groups.setdefault(ix[:axis] + ix[axis + 1:], []).append(ix)
    for members in groups.values():
        s = sum(table[ix] for ix in members)
        for ix in members:
            table[ix] = table[ix] * total / s if s != 0 else total / len(members)


class _Search:
    """The points of one problem, made once and shared by every member of the chain (at ``sizes`` when given,
    else at the space's size plans)."""

    def __init__(self, problem: _Problem, truth: sp.Expr, members: Sequence[sp.Expr],
                 constraints: Sequence[Constraint] | None = None, sizes: Sequence[dict[str, int]] = (),
                 domains: Mapping[str, sp.Set] | None = None):
        if constraints is not None:
            problem = _Problem(problem.definitions, problem.of, problem.var, tuple(constraints), problem.assumptions)
        self.problem = problem
        self.truth_expr, self.members = truth, list(members)
        self.space = _Space(problem, [truth, *members], domains)
        self.truth = _compile(truth)
        # undefined at a kink: a claim may be undefined where the engine's value is a convention (sign(0) = 0)
        self.smooth_truth = _compile(_kinks_undefined(truth))
        self.kinked = truth.has(sp.sign, sp.Heaviside)
        self.free = _free_indices(truth)
        for m in members:
            self.free.update({k: v for k, v in _free_indices(m).items() if k not in self.free})
        for node in (problem.of, problem.var):
            self.free.update({k: v for k, v in _free_indices(node).items() if k not in self.free})
        _check_assumptions(problem.assumptions, self.free)
        self.conditions = [_compile(a) for a in problem.assumptions]
        self.points: list[tuple[_Point, list[Env]]] = []
        self.rejected = 0  # points where a definition is undefined: the loss itself has no value there
        self._make_points(list(sizes) or self.space.size_plans(), bool(sizes))
        self._truth_cache: dict[tuple[int, int], Any] = {}
        self.signs = set().union(*(point.signs for point, _ in self.points))  # every sign the points have

    def _make_points(self, plans: list[dict[str, int]], as_given: bool) -> None:
        """The points of every size plan, in order; the last (large) plan gets fewer styles unless ``as_given``."""
        rng = random.Random(20240601)
        small = plans if as_given or len(plans) == 1 else plans[:-1]
        extra = max(0, 40 - len(small) * len(_STYLES)) // len(small)  # at least ~40 points in all
        styles = _STYLES + tuple(_STYLES[2 + n % (len(_STYLES) - 2)] for n in range(extra))
        for sizes in plans:
            for style in styles if sizes in small else _LARGE_STYLES:
                point = self.space.point(sizes, style, rng)
                if point is None:
                    self.rejected += 1
                    continue
                assignments = self._assignments(point, rng)
                if assignments:
                    self.points.append((point, assignments))

    def _assignments(self, point: _Point, rng: random.Random) -> list[Env]:
        env: Env = dict(point.sizes)
        names = sorted(self.free)
        both = sorted(set(names) & set(env))
        if both:  # dL/dX_{nj} beside a sum to n: the index's value would replace the size (the self-check disagreed)
            raise VerifyError(f"{both[0]} is both an index of the derivative and a size (a sum or a shape runs to "
                              f"{both[0]}): write another letter for the index")
        ranges = []
        for name in names:
            idx = self.free[name]
            unsized = sorted(str(s) for s in sp.sympify(idx.upper).free_symbols if str(s) not in env) \
                if isinstance(idx, sp.Idx) and idx.upper is not None else []
            if not isinstance(idx, sp.Idx) or idx.upper is None or unsized:  # a size nothing in the problem fixes
                raise VerifyError(f"the range of index {name} is not known: declare it, e.g. --given '{name} \\in \\{{1, \\dots, n\\}}'")
            ranges.append(range(_as_int(idx.lower, env), _as_int(idx.upper, env) + 1))
        out = []
        for values in itertools.product(*ranges):
            e = {**env, **dict(zip(names, values))}
            if all(cond(e, point.vals) for cond in self.conditions):
                out.append(e)
        if len(out) > _MAX_ASSIGNMENTS:
            diagonal = [e for e in out if len({e[n] for n in names}) < len(names)]
            rest = [e for e in out if len({e[n] for n in names}) == len(names)]  # not `e not in diagonal`: quadratic
            half = _MAX_ASSIGNMENTS // 2
            out = rng.sample(diagonal, min(half, len(diagonal))) if diagonal else []
            out += rng.sample(rest, min(_MAX_ASSIGNMENTS - len(out), len(rest)))
        return out

    def samples(self, member: sp.Expr | Fn, truth: Fn | None = None, tally: _Tally | None = None) -> Iterator[_Sample]:
        """Member and derivative at every point where the derivative is defined, smallest sizes and simplest
        values first; the member's value is None where it is undefined. ``tally`` counts what happened."""
        claim = member if callable(member) else _compile(member)
        tally = tally if tally is not None else _Tally()
        for p, (point, assignments) in enumerate(self.points):
            for a, env in enumerate(assignments):
                t = self._truth_at(p, a) if truth is None else _value(truth, env, point.vals)
                c = _value(claim, env, point.vals) if t not in (None, _SKIP) else None
                # at a kink the derivative's value is a convention (sign(0) = 0, H(0) = 1/2): any claimed value,
                # or none, is not a counterexample there
                if t in (None, _SKIP) or c is _SKIP or (
                        (c is None or self.kinked) and _value(self.smooth_truth, env, point.vals) is None):
                    tally.skipped += 1
                    continue
                tally.compared += c is not None
                tally.undefined += c is None
                yield _Sample(point, env, c, t)

    def _truth_at(self, p: int, a: int) -> Any:
        """The derivative at point ``p``, assignment ``a`` (None where undefined), computed once."""
        if (p, a) not in self._truth_cache:
            point, assignments = self.points[p]
            value = _value(self.truth, assignments[a], point.vals)
            self._truth_cache[(p, a)] = None if value is _SKIP else value
        return self._truth_cache[(p, a)]


def _check_assumptions(assumptions: Sequence[sp.Basic], free: dict[str, sp.Basic]) -> None:
    """Each assumed case (``i = j``) relates free indices of the derivative; any other name is an error saying so."""
    for a in assumptions:
        names = {str(s.label) if isinstance(s, sp.Idx) else str(s) for s in a.atoms(sp.Idx, sp.Symbol)}
        names -= {str(s) for s in a.atoms(sp.Symbol) if _is_size(s)}
        for name in sorted(names - set(free)):
            known = ", ".join(sorted(free)) or "none"
            raise VerifyError(f"the assumption {_case_text([a])} names {name}, which is not a free index of the derivative "
                              f"(its free indices: {known})")


def _value(fn: Fn, env: Env, vals: Values) -> Any:
    """``fn`` at a point: its finite real value, None where it is undefined, ``_SKIP`` where it cannot be
    evaluated at all."""
    try:
        v = fn(dict(env), vals)
    except _UNDEFINED:
        return None
    except _UNEVALUATED:
        return _SKIP
    return v if _finite_real(v) else None


def _first_difference(samples: Sequence[_Sample], claim: Fn, truth: Fn) -> _Sample | None:
    """The first sample where claim and derivative differ, confirmed at three times the precision; else the first
    where the claim is undefined.

    A claim that cancels huge terms (sum of e^{5a} minus (sum e^a)^5) loses digits at the working
    precision; a true difference survives more digits, a rounding artefact does not.
    """
    for s in samples:
        if s.claim is None or _equal(s.claim, s.truth):
            continue
        with mpmath.workdps(3 * _DPS):
            try:
                vals = s.point.precise_vals()
                c, t = claim(dict(s.env), vals), truth(dict(s.env), vals)
            except (ZeroDivisionError, ValueError, OverflowError, KeyError, TypeError):
                return s
        if not _equal(c, t):
            return s
    return next((s for s in samples if s.claim is None), None)  # else a point where only the derivative is defined
