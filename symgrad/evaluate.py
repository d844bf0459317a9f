"""One expression walker for numeric evaluation, shared by verify (mpmath, 50 digits) and check (float64).

``compile_expression(e, backend)`` turns an expression into a closure ``f(env, values)`` computing it: ``env``
maps index and summation names to ints, ``values`` maps the other names to numbers or to tables of elements.
What verify and check do differently (numbers, powers, elements, a case with no branch, what else they
evaluate) is a ``Backend``; the elementary functions come from ``functions.FUNCTIONS``, the backend says which
field (``mpmath`` or ``float64``) it evaluates them with. Compiled once, a closure is evaluated at many points.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import sympy as sp

from .functions import FUNCTION_OF, Elementary

Env = dict[str, int]
Values = Mapping[str, Any]
Fn = Callable[[Env, Values], Any]


@dataclass(frozen=True)
class Backend:
    """What one kind of numeric evaluation does where verify and check differ."""

    function: Callable[[Elementary], Callable[..., Any] | None]  # a table entry's evaluator (None: not known)
    number: Callable[[sp.Number], Any]  # the value of an explicit number (None: refused)
    constant: Callable[[sp.Expr], Fn | None]  # a numeric subexpression as one value (None: walk it)
    power: Callable[[Any, Any], Any]  # base ** exponent
    integer_power: Callable[[Any, int], Any]  # base ** n for an integer n
    zero: Any  # the empty sum, and a Kronecker delta that does not hold
    one: Any  # the empty product, and a Kronecker delta that holds
    index_shift: int  # subtracted from a (1-based) index: 1 into a 0-based array, 0 into a table keyed by indices
    no_branch: Callable[[], Any]  # a Piecewise none of whose conditions holds
    other: Callable[[sp.Basic], Fn | None]  # what else the backend evaluates (abstract functions, SymPy's own)
    refuse: Callable[[sp.Basic], Exception]  # the error for what it cannot evaluate
    too_deep: Callable[[int], Exception] | None = None  # refuse sums nested deeper than max_nested_sums
    max_nested_sums: int = 0
    too_long: Callable[[int], Exception] | None = None  # refuse one sum or product of more than max_terms terms
    max_terms: int = 0


def call(func: Callable[..., Any], args: list[Fn]) -> Fn:
    """``func`` applied to the values of ``args``."""
    return lambda env, vals: func(*(a(env, vals) for a in args))


def compile_expression(e: sp.Basic, backend: Backend) -> Fn:
    """A closure computing ``e`` from index values ``env`` and the values of names ``values``."""
    own = getattr(e, "numeric_form", None)
    if own is not None:  # an object with its own value (a matrix function: det, inverse), see linalg
        return own(lambda a: compile_expression(a, backend))
    folded = backend.constant(e)
    if folded is not None:
        return folded
    if e.is_Number:
        value = backend.number(e)
        if value is None:
            raise backend.refuse(e)
        return lambda env, vals: value
    for kind, build in _NODES:
        if isinstance(e, kind):
            return build(e, backend)
    entry = next((FUNCTION_OF[c] for c in type(e).__mro__ if c in FUNCTION_OF), None)
    func = None if entry is None else backend.function(entry)
    if func is not None:
        return call(func, [compile_expression(a, backend) for a in e.args])
    found = backend.other(e)
    if found is None:
        raise backend.refuse(e)
    return found


def _symbol(e: sp.Symbol, b: Backend) -> Fn:
    name = e.name
    return lambda env, vals: env[name] if name in env else vals[name]


def _index(e: sp.Idx, b: Backend) -> Fn:
    name = str(e.label)
    return lambda env, vals: env[name]


def _element(e: sp.Indexed, b: Backend) -> Fn:
    name, shift = str(e.base.label), b.index_shift
    subs = [compile_expression(i, b) for i in e.indices]
    return lambda env, vals: vals[name][tuple(int(f(env, vals)) - shift for f in subs)]


def _fold(e: sp.Add | sp.Mul, b: Backend) -> Fn:
    """A sum or product of the arguments (never in place: a value may be the caller's 0-d array)."""
    first, *rest = (compile_expression(a, b) for a in e.args)

    def add(env: Env, vals: Values) -> Any:
        total = first(env, vals)
        for f in rest:
            total = total + f(env, vals)
        return total

    def mul(env: Env, vals: Values) -> Any:
        total = first(env, vals)
        for f in rest:
            total = total * f(env, vals)
        return total

    return add if isinstance(e, sp.Add) else mul


def _power(e: sp.Pow, b: Backend) -> Fn:
    base = compile_expression(e.base, b)
    if isinstance(e.exp, sp.Integer):
        n, integer_power = int(e.exp), b.integer_power
        return lambda env, vals: integer_power(base(env, vals), n)
    exponent, power = compile_expression(e.exp, b), b.power
    return lambda env, vals: power(base(env, vals), exponent(env, vals))


def _delta(e: sp.KroneckerDelta, b: Backend) -> Fn:
    x, y = (compile_expression(a, b) for a in e.args[:2])
    one, zero = b.one, b.zero
    return lambda env, vals: one if int(x(env, vals)) == int(y(env, vals)) else zero


def _nested_sums(e: sp.Basic) -> int:
    """How many summation variables are nested at the deepest point of ``e``."""
    inner = max((_nested_sums(a) for a in e.args), default=0)
    return inner + len(e.limits) if isinstance(e, (sp.Sum, sp.Product)) else inner


def _reduction(e: sp.Sum | sp.Product, b: Backend) -> Fn:
    """A sum or product over its limits, each summation variable bound in ``env`` while it runs."""
    if b.too_deep is not None and _nested_sums(e) > b.max_nested_sums:
        raise b.too_deep(_nested_sums(e))
    body = compile_expression(e.function, b)
    limits = [(str(var), compile_expression(lo, b), compile_expression(hi, b)) for var, lo, hi in e.limits]
    combine, start = (operator.add, b.zero) if isinstance(e, sp.Sum) else (operator.mul, b.one)

    def loop(env: Env, vals: Values, depth: int) -> Any:
        if depth == len(limits):
            return body(env, vals)
        name, lo, hi = limits[depth]
        saved = env.get(name)
        total = start
        terms = range(int(lo(env, vals)), int(hi(env, vals)) + 1)
        if b.too_long is not None and len(terms) > b.max_terms:  # a limit written as 10^9: no end in sight
            raise b.too_long(len(terms))
        try:
            for k in terms:
                env[name] = k
                total = combine(total, loop(env, vals, depth + 1))
        finally:
            if saved is None:
                env.pop(name, None)
            else:
                env[name] = saved
        return total

    return lambda env, vals: loop(env, vals, 0)


def _piecewise(e: sp.Piecewise, b: Backend) -> Fn:
    """The first branch whose condition holds; none holding is the backend's ``no_branch``."""
    branches = [(compile_expression(v, b), compile_expression(c, b)) for v, c in e.args]
    no_branch = b.no_branch

    def piecewise(env: Env, vals: Values) -> Any:
        for value, cond in branches:
            if cond(env, vals):
                return value(env, vals)
        return no_branch()

    return piecewise


_RELATIONS: dict[type, Callable[[Any, Any], bool]] = {
    sp.Eq: operator.eq, sp.Ne: operator.ne, sp.Lt: operator.lt, sp.Le: operator.le, sp.Gt: operator.gt,
    sp.Ge: operator.ge,
}


def _relation(e: sp.Rel, b: Backend) -> Fn:
    return call(_RELATIONS[type(e)], [compile_expression(e.lhs, b), compile_expression(e.rhs, b)])


def _logic(e: sp.And | sp.Or | sp.Not, b: Backend) -> Fn:
    fs = [compile_expression(a, b) for a in e.args]
    combine = {sp.And: all, sp.Or: any}.get(type(e))
    if combine is None:
        return lambda env, vals: not fs[0](env, vals)
    return lambda env, vals: combine(f(env, vals) for f in fs)


def _extremum(e: sp.Max | sp.Min, b: Backend) -> Fn:
    fs, pick = [compile_expression(a, b) for a in e.args], max if isinstance(e, sp.Max) else min
    return lambda env, vals: pick(f(env, vals) for f in fs)


def _truth(e: sp.logic.boolalg.BooleanAtom, b: Backend) -> Fn:
    value = bool(e)
    return lambda env, vals: value


# how each kind of node is compiled, by class (the first class the node is an instance of)
_NODES: tuple[tuple[type | tuple[type, ...], Callable[[Any, Backend], Fn]], ...] = (
    (sp.Idx, _index),
    (sp.Symbol, _symbol),
    (sp.Indexed, _element),
    ((sp.Add, sp.Mul), _fold),
    (sp.Pow, _power),
    (sp.KroneckerDelta, _delta),
    ((sp.Sum, sp.Product), _reduction),
    (sp.Piecewise, _piecewise),
    (tuple(_RELATIONS), _relation),
    ((sp.And, sp.Or, sp.Not), _logic),
    (sp.logic.boolalg.BooleanAtom, _truth),
    ((sp.Max, sp.Min), _extremum),
)
