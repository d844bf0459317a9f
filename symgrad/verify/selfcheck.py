"""An independent truth: the engine's derivative checked against central differences of the definitions
themselves, at high precision, by verify's one evaluator. It shares no code with the engine's rules, so a bug
in them (a sum's term count off by one) shows as a disagreement, an internal error, never as a verdict."""

from __future__ import annotations

import itertools
from typing import Any

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from ..derivation import Derivation
from ..errors import SelfCheckError
from ..tensors import name_of
from .evaluation import _ABSTRACT, _DPS, Fn, Values, _compile, _mp
from .printing import _derivative_text, _text
from .problem import _Problem
from .search import _SKIP, _as_int, _Point, _Search, _value

_STEP_DIGITS = 20  # central step 10^-20 at 50 digits: truncation error ~1e-40, rounding ~1e-30
_AGREE_DIGITS = 12  # the derivative and the difference quotient agree to this many digits
_CHECKS = 6  # (point, assignment) pairs checked where the derivative is not 0: generic points first
_TRIES = 3 * _CHECKS  # at most this many pairs evaluated (a derivative that is 0 everywhere stops here)


def self_check(derivation: Derivation) -> None:
    """Check every result of ``derivation`` against central differences of its definitions at sample points;
    raise ``SelfCheckError`` naming the point where they disagree. Returns None when all agree."""
    graph = derivation.graph
    with mpmath.workdps(_DPS):
        for r in derivation.results:
            problem = _Problem(graph.definitions, r.of, r.var, graph.constraints)
            check_truth(_Search(problem, r.expr, []))


def check_truth(search: _Search) -> None:
    """Raise ``SelfCheckError`` where the search's derivative disagrees with the definitions."""
    problem = search.problem
    if not _checkable(search):
        return
    of = _compile(problem.of)
    checked = tried = 0
    for p, (point, assignments) in sorted(enumerate(search.points), key=_informative_first):
        if point.style != "random" and tried >= _CHECKS:  # special points (zeros: a jump of sign at 0) only
            return  # where generic points were too few, as before
        if not _holds_constraints(search, point):
            continue
        for a, env in enumerate(assignments):
            truth = search._truth_at(p, a)
            slope = _difference_quotient(search, point, env, of)
            if truth is None or slope is None:
                continue
            if not _close(truth, slope) and _confirmed(search, point, env, of, truth):
                where = ", ".join(f"{k}={v}" for k, v in sorted(env.items()))
                raise SelfCheckError(
                    f"internal error: the engine's derivative {_derivative_text(problem.of, problem.var)} = "
                    f"{_text(search.truth_expr)} is {mpmath.nstr(truth, 12)} at {where or 'a point'} ({point.style} "
                    f"inputs), but central differences of the definitions give {mpmath.nstr(slope, 12)}: "
                    "a bug in symgrad's rules, please report it")
            tried += 1
            checked += truth != 0  # 0 = 0 (layernorm at D = 1, where its gradient vanishes) confirms little
            if checked >= _CHECKS or tried >= _TRIES:
                return


def _informative_first(numbered: tuple[int, tuple[_Point, Any]]) -> tuple[bool, bool]:
    """Generic points (random values) first, and among them sizes of at least 2: at size 1 a normalisation is
    constant and its derivative 0, which agrees with any rule that also gives 0 there."""
    point = numbered[1][0]
    return point.style != "random", min(point.sizes.values(), default=2) < 2


def _checkable(search: _Search) -> bool:
    """Central differences need the definitions to be functions of the inputs alone: not abstract functions
    (their values are fresh draws at every argument), not a variable held to a constraint, and points that
    hold every constraint."""
    problem = search.problem
    exprs = [search.truth_expr, *(d.rhs for d in problem.definitions)]
    if any(e.atoms(AppliedUndef, sp.Derivative, sp.Subs) for e in exprs):
        return False
    return not any(name_of(problem.var) in {str(b.label) for b in c.lhs.atoms(sp.IndexedBase)} | {str(c.lhs)}
                   for c in problem.constraints)


def _holds_constraints(search: _Search, point: _Point) -> bool:
    """Whether ``point`` obeys every constraint: one on a defined name (sum_k t_k = 1) is not imposed when the
    points are drawn, and the engine may have used it, so a point that breaks it checks nothing."""
    for c in search.problem.constraints:
        free = sorted({i for i in c.lhs.free_symbols if isinstance(i, sp.Idx)}, key=str)
        lhs, rhs = _compile(c.lhs), _compile(sp.sympify(c.rhs))
        ranges = [range(_as_int(i.lower, point.sizes), _as_int(i.upper, point.sizes) + 1) for i in free]
        for ix in itertools.product(*ranges):
            env = {**point.sizes, **{str(i.label): k for i, k in zip(free, ix)}}
            a, b = _value(lhs, env, point.vals), _value(rhs, env, point.vals)
            if a is None or b is None or a is _SKIP or b is _SKIP or not _close(a, b):
                return False
    return True


def _confirmed(search: _Search, point: _Point, env: dict[str, int], of: Fn, truth: Any) -> bool:
    """Whether a disagreement survives three times the precision and a step 10^-40: a target with a huge constant
    part (e^{100} + x) loses digits in f(x + h) - f(x - h) at 50 digits; a true disagreement does not go away."""
    with mpmath.workdps(3 * _DPS):
        finer = _difference_quotient(search, point, env, of, 2 * _STEP_DIGITS)
    return finer is not None and not _close(truth, finer)


def _difference_quotient(search: _Search, point: _Point, env: dict[str, int], of: Fn, step_digits: int = _STEP_DIGITS) -> Any:
    """(f(x + h) - f(x - h)) / 2h for the target f and the variable x at this point; None where f is undefined
    or not smooth (the one-sided quotients differ: a kink or a jump, such as floor z at an integer)."""
    var = search.problem.var
    name = name_of(var)
    if name not in point.inputs:
        return None
    at = tuple(int(i) if i.is_Integer else env[str(i)] for i in var.indices) if isinstance(var, sp.Indexed) else None
    base = point.inputs[name][at] if at is not None else point.inputs[name]
    h = max(mpmath.mpf(1), abs(_mp(base))) * mpmath.mpf(10) ** -step_digits
    ends = []
    for sign in (0, 1, -1):  # the middle again too, at the working precision
        inputs: Values = {k: _mp(v) for k, v in point.inputs.items()}
        if at is not None:
            inputs[name][at] += sign * h
        else:
            inputs[name] += sign * h
        vals = search.space.values(point.sizes, inputs, point.vals[_ABSTRACT])
        ends.append(None if vals is None else _value(of, env, vals))
    if not all(isinstance(v, (mpmath.mpf, mpmath.mpc)) for v in ends):
        return None
    middle, right, left = ends
    forward, backward = (right - middle) / h, (middle - left) / h
    if not _close(forward, backward):
        return None
    return (right - left) / (2 * h)


def _close(a: Any, b: Any) -> bool:
    return abs(a - b) <= max(mpmath.mpf(1), abs(a), abs(b)) * mpmath.mpf(10) ** -_AGREE_DIGITS
