"""Verify's numeric evaluation: the shared walker (``symgrad.evaluate``) with an mpmath backend at 50 digits from
exact inputs, abstract functions evaluated as uninterpreted values, and the equality of two values."""

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

from ..evaluate import Backend, Env, Fn, Values, call, compile_expression
from ..functions import FUNCTION_OF, MAX_EXPONENT_MAG
from .printing import _text
from .problem import _is_abstract, _names_in
from .verdict import VerifyError

_DPS = 50  # working precision of the numeric search, in decimal digits
_RTOL_DIGITS = 30  # two values are equal when they agree to this many digits


def _power(base: Any, exponent: Any) -> Any:
    if mpmath.mag(exponent) > MAX_EXPONENT_MAG and base != 0 and abs(base) != 1:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.power(base, exponent)


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


_OFF_KINKS = {_SignOffKinks: _off_kink(FUNCTION_OF[sp.sign].mpmath),
              _HeavisideOffKinks: _off_kink(FUNCTION_OF[sp.Heaviside].mpmath)}
_CONSTANTS = {sp.pi: lambda: +mpmath.pi, sp.E: lambda: +mpmath.e, sp.EulerGamma: lambda: +mpmath.euler}


def _mp_number(e: sp.Number) -> Any:
    if isinstance(e, sp.Rational):
        return mpmath.mpf(e.p) / e.q
    return mpmath.mpf(e._mpf_) if isinstance(e, sp.Float) else None


def _mp_constant(e: sp.Basic) -> Fn | None:
    """pi, e and Euler's gamma at the working precision of the point (the rest is walked)."""
    value = _CONSTANTS.get(e) if isinstance(e, sp.NumberSymbol) else None
    return None if value is None else lambda env, vals: value()


def _other(e: sp.Basic) -> Fn | None:
    """The two kink markers and the abstract functions (``f(x)``, its derivatives): all verify adds."""
    if type(e) in _OFF_KINKS:
        return call(_OFF_KINKS[type(e)], [_compile(a) for a in e.args])
    return _compile_abstract(e) if _is_abstract(e) else None


def _no_branch() -> Any:
    raise ValueError("no piece applies")


def _too_deep(depth: int) -> VerifyError:
    return VerifyError(f"{depth} nested sums are more than the numeric search evaluates ({_MAX_NESTED_SUMS})")


def _too_long(terms: int) -> VerifyError:
    return VerifyError(f"a sum of {terms} terms is more than the numeric search evaluates ({_MAX_TERMS}): "
                       "write its upper limit as a letter (N) to have it checked at every size")


_MAX_TERMS = 100_000  # terms of one sum at one point: a limit written as a number can be 10^9

# summation variables nested deeper than this are not evaluated: each level multiplies the work by the size
# (up to 4), and no derivation a person writes nests more than a handful
_MAX_NESTED_SUMS = 5

MPMATH = Backend(
    function=lambda f: f.mpmath, number=_mp_number, constant=_mp_constant, power=_power,
    integer_power=lambda base, n: mpmath.mpmathify(base) ** n,  # sizes and indices are ints: 3 ** -1 is a float
    zero=mpmath.mpf(0), one=mpmath.mpf(1), index_shift=0,  # a point's tables are keyed by the LaTeX indices
    no_branch=_no_branch, other=_other, refuse=lambda e: VerifyError(f"cannot evaluate {e} numerically"),
    too_deep=_too_deep, max_nested_sums=_MAX_NESTED_SUMS, too_long=_too_long, max_terms=_MAX_TERMS,
)


def _compile(e: sp.Basic) -> Fn:
    """A closure computing ``e`` at 50 digits from index values ``env`` and tensor tables ``vals``."""
    return compile_expression(e, MPMATH)


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
