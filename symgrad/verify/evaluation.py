"""The one numeric evaluator of verify: an expression compiled to a closure computing it with mpmath at 50
digits from exact inputs, abstract functions evaluated as uninterpreted values, and the equality of two values."""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from .printing import _text
from .problem import _is_abstract, _names_in
from .verdict import VerifyError

_DPS = 50  # working precision of the numeric search, in decimal digits
_RTOL_DIGITS = 30  # two values are equal when they agree to this many digits

Env = dict[str, int]
Values = dict[str, Any]
Fn = Callable[[Env, Values], Any]


# past this magnitude (log2) of an exponent mpmath works on integers of billions of bits and never returns
# (e^{e^{e^{e^x}}}, a power tower of sums): the point is skipped, as for an overflow
_MAX_EXPONENT_MAG = 32


def _exp(x: Any) -> Any:
    if mpmath.mag(x) > _MAX_EXPONENT_MAG:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.exp(x)


def _power(base: Any, exponent: Any) -> Any:
    if mpmath.mag(exponent) > _MAX_EXPONENT_MAG and base != 0 and abs(base) != 1:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.power(base, exponent)


def _heaviside(x: Any, at_zero: Any = None) -> Any:
    """H(x) with SymPy's convention H(0) = 1/2 (its second argument when given)."""
    if x == 0:
        return mpmath.mpf(1) / 2 if at_zero is None else at_zero
    return mpmath.mpf(x > 0)


class _SignOffKinks(sp.Function):
    """sign(u) in the derivative, where u = 0 is a kink of the loss: the derivative is undefined there (the
    engine's sign(0) = 0 is a convention, not a value a claim must match)."""


class _HeavisideOffKinks(sp.Function):
    """Heaviside(u) in the derivative, undefined at u = 0 for the same reason."""


def _off_kink(f: Callable[..., Any]) -> Callable[..., Any]:
    def at(x: Any, *rest: Any) -> Any:
        if x == 0:
            raise ValueError("a kink: the derivative is undefined here")
        return f(x, *rest)

    return at


def _kinks_undefined(e: sp.Expr) -> sp.Expr:
    """``e`` (a derivative) undefined where the argument of a sign or a step is 0."""
    return e.replace(sp.sign, _SignOffKinks).replace(sp.Heaviside, _HeavisideOffKinks)


_FUNCS: dict[type, Callable[..., Any]] = {
    sp.exp: _exp, sp.log: mpmath.log, sp.Abs: abs, sp.sign: mpmath.sign, sp.tanh: mpmath.tanh,
    sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.atan: mpmath.atan,
    sp.erf: mpmath.erf, sp.erfc: mpmath.erfc, sp.tan: mpmath.tan, sp.cot: mpmath.cot, sp.sec: mpmath.sec,
    sp.csc: mpmath.csc, sp.asin: mpmath.asin, sp.acos: mpmath.acos, sp.acot: mpmath.acot, sp.asec: mpmath.asec,
    sp.acsc: mpmath.acsc, sp.asinh: mpmath.asinh, sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh,
    sp.coth: mpmath.coth, sp.sech: mpmath.sech, sp.csch: mpmath.csch, sp.acoth: mpmath.acoth,
    sp.floor: mpmath.floor, sp.ceiling: mpmath.ceil, sp.Heaviside: _heaviside, sp.factorial: mpmath.factorial,
    sp.binomial: mpmath.binomial, sp.gamma: mpmath.gamma,
    _SignOffKinks: _off_kink(mpmath.sign), _HeavisideOffKinks: _off_kink(_heaviside),
}


_RELATIONS: dict[type, Callable[[Any, Any], bool]] = {
    sp.Eq: lambda a, b: a == b, sp.Ne: lambda a, b: a != b, sp.Lt: lambda a, b: a < b,
    sp.Le: lambda a, b: a <= b, sp.Gt: lambda a, b: a > b, sp.Ge: lambda a, b: a >= b,
}


def _constant(value: Any) -> Fn:
    return lambda env, vals: value


def _compile_symbol(e: sp.Symbol) -> Fn:
    name = str(e)
    return lambda env, vals: env[name] if name in env else vals[name]


def _compile_index(e: sp.Idx) -> Fn:
    name = str(e.label)
    return lambda env, vals: env[name]


def _compile_indexed(e: sp.Indexed) -> Fn:
    name, subs = str(e.base.label), [_compile(i) for i in e.indices]
    return lambda env, vals: vals[name][tuple(int(f(env, vals)) for f in subs)]


def _compile_fold(e: sp.Add | sp.Mul) -> Fn:
    """A sum or product of the arguments, accumulated in place (mpmath values are immutable, so this is safe)."""
    first, *rest = (_compile(a) for a in e.args)
    is_add = isinstance(e, sp.Add)

    def fold(env: Env, vals: Values) -> Any:
        total = first(env, vals)
        for f in rest:
            if is_add:
                total += f(env, vals)
            else:
                total *= f(env, vals)
        return total

    return fold


def _compile_pow(e: sp.Pow) -> Fn:
    base = _compile(e.base)
    if isinstance(e.exp, sp.Integer):
        n = int(e.exp)
        # sizes and indices are Python ints: 3 ** -1 would be a float
        return lambda env, vals: mpmath.mpmathify(base(env, vals)) ** n
    ex = _compile(e.exp)
    return lambda env, vals: _power(base(env, vals), ex(env, vals))


def _compile_delta(e: sp.KroneckerDelta) -> Fn:
    x, y = (_compile(a) for a in e.args[:2])
    one, zero = mpmath.mpf(1), mpmath.mpf(0)
    return lambda env, vals: one if int(x(env, vals)) == int(y(env, vals)) else zero


def _compile_piecewise(e: sp.Piecewise) -> Fn:
    """The first piece whose condition holds; none holding is a point where the expression is undefined."""
    pieces = [(_compile(v), _compile(c)) for v, c in e.args]

    def piecewise(env: Env, vals: Values) -> Any:
        for value, cond in pieces:
            if cond(env, vals):
                return value(env, vals)
        raise ValueError("no piece applies")

    return piecewise


def _compile_relation(e: sp.Rel) -> Fn:
    rel, x, y = _RELATIONS[type(e)], _compile(e.lhs), _compile(e.rhs)
    return lambda env, vals: rel(x(env, vals), y(env, vals))


def _compile_logic(e: sp.And | sp.Or | sp.Not) -> Fn:
    fs = [_compile(a) for a in e.args]
    combine = {sp.And: all, sp.Or: any}.get(type(e))
    if combine is None:
        return lambda env, vals: not fs[0](env, vals)
    return lambda env, vals: combine(f(env, vals) for f in fs)


def _compile_extremum(e: sp.Max | sp.Min) -> Fn:
    fs, pick = [_compile(a) for a in e.args], max if isinstance(e, sp.Max) else min
    return lambda env, vals: pick(f(env, vals) for f in fs)


def _compile_function(e: sp.Function) -> Fn:
    fs = [_compile(a) for a in e.args]
    func = mpmath.log if isinstance(e, sp.log) else _FUNCS[type(e)]  # log(x, b): the base as mpmath's 2nd argument
    return lambda env, vals: func(*(f(env, vals) for f in fs))


# what each kind of expression compiles to, tried in order (Integer before Rational: it is one)
_COMPILERS: tuple[tuple[type | tuple[type, ...], Callable[[Any], Fn]], ...] = (
    (sp.Integer, lambda e: _constant(mpmath.mpf(int(e)))),
    (sp.Rational, lambda e: _constant(mpmath.mpf(e.p) / e.q)),
    (sp.Float, lambda e: _constant(mpmath.mpf(e._mpf_))),
    (type(sp.pi), lambda e: lambda env, vals: +mpmath.pi),
    (type(sp.E), lambda e: lambda env, vals: +mpmath.e),
    (type(sp.EulerGamma), lambda e: lambda env, vals: +mpmath.euler),
    (sp.Idx, _compile_index),
    (sp.Symbol, _compile_symbol),
    (sp.Indexed, _compile_indexed),
    ((sp.Add, sp.Mul), _compile_fold),
    (sp.Pow, _compile_pow),
    (sp.KroneckerDelta, _compile_delta),
    ((sp.Sum, sp.Product), lambda e: _compile_reduction(e)),
    (sp.Piecewise, _compile_piecewise),
    (tuple(_RELATIONS), _compile_relation),
    ((sp.And, sp.Or, sp.Not), _compile_logic),
    ((type(sp.true), type(sp.false)), lambda e: _constant(bool(e))),
    ((sp.Max, sp.Min), _compile_extremum),
    (tuple(_FUNCS), _compile_function),
)


def _compile(e: sp.Basic) -> Fn:
    """A closure computing ``e`` at 50 digits from index values ``env`` and tensor tables ``vals``."""
    for kind, build in _COMPILERS:
        if isinstance(e, kind):
            return build(e)
    if _is_abstract(e):
        return _compile_abstract(e)
    raise VerifyError(f"cannot evaluate {e} numerically")


_ABSTRACT = "<abstract functions>"  # where a point keeps its _Uninterpreted table among the values
Wrt = tuple[tuple[int, tuple[sp.Expr, ...]], ...]  # per differentiation: argument position, component indices


def _abstract_parts(e: sp.Expr) -> tuple[AppliedUndef, Wrt]:
    """The application ``f(args)`` behind ``e`` and what it is differentiated by, argument by argument: theta is
    the argument theta, ``w_j`` component j of the argument w, ``Subs`` a derivative by an argument at a point."""
    point: dict[sp.Basic, sp.Basic] = {}
    if isinstance(e, sp.Subs):
        point = dict(zip(e.variables, e.point))
        e = e.expr
    wrt: list[tuple[int, tuple[sp.Expr, ...]]] = []
    if isinstance(e, sp.Derivative):
        app = e.expr
        for v, count in e.variable_count:
            base = v.base if isinstance(v, sp.Indexed) else v
            hits = [k for k, a in enumerate(app.args) if a.has(base)]
            if len(hits) != 1 or app.args[hits[0]] not in (v, base):
                raise VerifyError(f"cannot evaluate {e} numerically: {v} must be exactly one argument of {app.func}")
            whole = app.args[hits[0]] == base and isinstance(v, sp.Indexed)
            wrt += [(hits[0], tuple(v.indices) if whole else ())] * int(count)
        e = app
    return e.xreplace(point) if point else e, tuple(wrt)


def _compile_abstract(e: sp.Expr) -> Fn:
    app, wrt = _abstract_parts(e)
    name = str(app.func)
    args = [(lambda env, vals, t=str(a.label): vals[t]) if isinstance(a, sp.IndexedBase) else _compile(a)
            for a in app.args]
    comps = [(k, [_compile(i) for i in idx]) for k, idx in wrt]

    def value(env: Env, vals: Values) -> Any:
        spec = tuple(sorted((k, tuple(int(f(env, vals)) for f in fs)) for k, fs in comps))
        return vals[_ABSTRACT].value(name, spec, [f(env, vals) for f in args], lambda: _abstract_label(app, spec, env))

    return value


def _key(v: Any) -> Any:
    """An argument value as a hashable key: 40 digits of a number, every entry of a whole tensor."""
    if isinstance(v, dict):
        return tuple((ix, _key(x)) for ix, x in sorted(v.items()))
    return mpmath.nstr(v, 40)


def _abstract_label(app: AppliedUndef, spec: tuple[tuple[int, tuple[int, ...]], ...], env: Env) -> str:
    """``f(x_1, θ)``, ``∂f/∂θ(x_1, θ)``, ``∂f/∂w_2(x_1, w)``: an abstract value as a person reads it."""
    at: dict[sp.Basic, sp.Basic] = {i: sp.Integer(env[str(i.label)]) for i in app.atoms(sp.Idx) if str(i.label) in env}
    app = app.xreplace(at)
    app = app.xreplace({s: sp.Integer(env[str(s)]) for s in app.atoms(sp.Symbol) if s.is_integer and str(s) in env})
    head = str(app.func)
    if spec:
        by = []
        for k, comp in spec:
            a = app.args[k]
            a = a[comp] if comp else a
            by.append(f"∂{_text(a)}" if isinstance(a, (sp.Symbol, sp.Indexed, sp.IndexedBase)) else f"∂(argument {k + 1})")
        order = f"^{len(spec)}" if len(spec) > 1 else ""
        head = f"∂{order}{head}/{''.join(by)}"
    return f"{head}({', '.join(_text(a) for a in app.args)})"


class _Uninterpreted:
    """The abstract functions of one point: each value (of f, or of a derivative of f) at given argument values is
    a pseudo-random draw in the point's style, fixed by (point, function, derivative, arguments)."""

    def __init__(self, seed: str, style: str):
        self.seed, self.style = seed, style
        self.seen: dict[str, Any] | None = None  # when recording: label -> value of every value handed out

    def value(self, name: str, spec: tuple, args: Sequence[Any], label: Callable[[], str]) -> Any:
        key = repr((self.seed, name, spec, tuple(_key(a) for a in args)))
        v = _mp(_draw(self.style, random.Random(hashlib.sha256(key.encode()).digest())))
        if self.seen is not None:
            self.seen.setdefault(label(), v)
        return v


def _outside_abstract(e: sp.Basic) -> set[str]:
    """Names of ``e`` used other than as arguments of abstract functions."""
    if _is_abstract(e):
        return set()
    if isinstance(e, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
        return _names_in(e)
    return set().union(*(_outside_abstract(a) for a in e.args)) if e.args else set()


# summation variables nested deeper than this are not evaluated: each level multiplies the work by the size
# (up to 4), and no derivation a person writes nests more than a handful
_MAX_NESTED_SUMS = 5


def _nested_sums(e: sp.Basic) -> int:
    """How many summation variables are nested at the deepest point of ``e``."""
    inner = max((_nested_sums(a) for a in e.args), default=0)
    return inner + len(e.limits) if isinstance(e, (sp.Sum, sp.Product)) else inner


def _compile_reduction(e: sp.Sum | sp.Product) -> Fn:
    depth = _nested_sums(e)
    if depth > _MAX_NESTED_SUMS:
        raise VerifyError(f"{depth} nested sums are more than the numeric search evaluates ({_MAX_NESTED_SUMS})")
    body = _compile(e.function)
    limits = [(str(var), _compile(lo), _compile(hi)) for var, lo, hi in e.limits]
    is_sum = isinstance(e, sp.Sum)

    def loop(env: Env, vals: Values, depth: int) -> Any:
        if depth == len(limits):
            return body(env, vals)
        name, lo, hi = limits[depth]
        saved = env.get(name)
        total = mpmath.mpf(0 if is_sum else 1)
        for k in range(int(lo(env, vals)), int(hi(env, vals)) + 1):
            env[name] = k
            if is_sum:
                total += loop(env, vals, depth + 1)
            else:
                total *= loop(env, vals, depth + 1)
        if saved is None:
            env.pop(name, None)
        else:
            env[name] = saved
        return total

    return lambda env, vals: loop(env, vals, 0)


def _finite_real(v: Any) -> bool:
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > abs(v.real) * mpmath.mpf(10) ** -_RTOL_DIGITS and v.imag != 0:
            return False
        v = v.real
    return bool(mpmath.isfinite(v))


def _equal(a: Any, b: Any) -> bool:
    scale = max(mpmath.mpf(1), abs(a), abs(b))
    return abs(a - b) <= scale * mpmath.mpf(10) ** -_RTOL_DIGITS


_STYLES = ("zeros", "ones", "simple", "simple", "unit", "unit", "positive", "random", "random", "random")


def _draw(style: str, rng: random.Random) -> Fraction:
    if style == "zeros":
        return Fraction(0)
    if style == "ones":
        return Fraction(1)
    if style == "simple":
        return Fraction(rng.choice((0, 1, -1, 2)))
    if style == "unit":
        return Fraction(rng.randint(1, 9), 10)
    if style == "positive":
        return Fraction(rng.randint(1, 20), rng.choice((1, 2, 3, 4, 5)))
    return Fraction(rng.randint(-30, 30), rng.choice((7, 11, 13)))


def _mp(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _mp(x) for k, x in v.items()}
    return mpmath.mpf(v.numerator) / v.denominator


def _rational(v: Any, max_den: int = 1000) -> Fraction | None:
    if isinstance(v, mpmath.mpc):
        v = v.real
    if not mpmath.isfinite(v) or abs(v) > mpmath.mpf(10) ** 30:
        return None  # printed in fixed point it would have millions of digits (e^{e^{e^{a}}} in a fuzzed claim)
    f = Fraction(str(mpmath.nstr(v, _DPS - 5, strip_zeros=False, min_fixed=-math.inf, max_fixed=math.inf)))
    f = f.limit_denominator(max_den)
    return f if _equal(_mp(f), v) else None
