"""ONE table of elementary functions: what derive, read, compile, verify, check and matrix forms know of each.

To add a function, add one ``Elementary`` entry to ``FUNCTIONS`` (a SymPy ``Function`` class, of one argument
if it is to be differentiated): its derivative makes ``derive`` differentiate it, its reader names make the
LaTeX reader read it, ``numpy`` (or ``array``, its form in other functions, where NumPy lacks it) makes it compile,
``mpmath`` makes ``verify`` evaluate it, ``float64`` makes ``check`` evaluate it without SymPy, ``xp`` lets the
forward pass that autodiff checks call it. Leave a field out and that stage refuses the function by name. ``tests/test_functions.py`` then checks the new entry against SymPy,
mpmath and NumPy and takes ``log1p`` and ``expm1`` through every stage; ``erf`` shows a function NumPy lacks.

``sqrt`` is not here: SymPy writes it as the power ``u**(1/2)``, which every stage handles as a power.
Compositions the reader knows by name (sigmoid, ReLU, softplus, logit) are in ``read/vocabulary.py``:
they are written with the functions of this table, not new functions.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

Expr = Callable[[sp.Expr], sp.Expr]


@dataclass(frozen=True)
class Elementary:
    """One elementary function as every stage sees it; a field left at its default means "not known there"."""

    sympy: type  # the SymPy class: sp.sin
    derivative: Expr | None = None  # f'(u) as an expression of u; None: derive refuses f
    kink: Expr | None = None  # the set of u where f has no derivative (an Eq), recorded by derive
    kink_note: str = ""  # what derive uses there
    numpy: str | None = None  # array code np.<numpy>(u) (also the torch, jnp and xp spelling); None: see array
    xp: bool = False  # every namespace a checked forward pass meets has xp.<numpy> (autograd, torch, jax, tf, cupy)
    array: Expr | None = None  # for NumPy without f: f written with abs, Max, Min, Piecewise, Let and arithmetic
    torch: str | None = None  # torch's function where it is not torch.<numpy>: torch.erf
    jax: str | None = None  # JAX's function where it is not jnp.<numpy>: jax.lax.erf
    math: str | None = None  # the same for a Python number (a size): math.<...>(n)
    mpmath: Callable[..., Any] | None = None  # 50-digit evaluation for verify's numeric search
    float64: Callable[..., Any] | None = None  # float64 evaluation for check's reference; None: SymPy at 30 digits
    commands: tuple[str, ...] = ()  # LaTeX commands the reader reads as f: \sin
    words: tuple[str, ...] = ()  # upright names and plain words the reader reads as f: \operatorname{erf}, erf(x)
    latex: str | None = None  # f of a whole array in a matrix form, {0} the argument: \tanh\left({0}\right)
    inverse: type | None = None  # what f^{-1} u means (trigonometric, hyperbolic); None: f^{-1} u is 1 / f(u)
    stable: tuple[str, ...] = ()  # the stability rewrites of compile.REWRITES that keep f finite, by name

    @property
    def name(self) -> str:
        """The SymPy class name: how derive and compile name the function in their messages."""
        return self.sympy.__name__


# past this magnitude (log2) of an exponent mpmath works on integers of billions of bits and never returns
# (e^{e^{e^{e^x}}}, a power tower of sums): the point is skipped, as for an overflow
MAX_EXPONENT_MAG = 32


def _mp_exp(x: Any) -> Any:
    if mpmath.mag(x) > MAX_EXPONENT_MAG:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.exp(x)


def _mp_heaviside(x: Any, at_zero: Any = None) -> Any:
    """H(x) with SymPy's convention H(0) = 1/2 (its second argument when given)."""
    if x == 0:
        return mpmath.mpf(1) / 2 if at_zero is None else at_zero
    return mpmath.mpf(x > 0)


def _numpy(name: str) -> Callable[..., Any]:
    """NumPy's function ``name`` for check's float64 reference, NumPy imported at its first call: verify, which
    evaluates with mpmath, starts without it."""

    def call(*args: Any) -> Any:
        import numpy

        return getattr(numpy, name)(*args)

    return call


def _np_heaviside(x: Any, at_zero: Any = 0.5) -> Any:
    return _numpy("heaviside")(x, at_zero)


# erf for NumPy, which has none: polynomials fitted to mpmath's erf by mpmath.chebyfit at 40 digits, highest degree
# first (Horner). |u| <= 1: u P(u^2), fit error 1.3e-19 relative; 1 < |u| <= 3.5 and 3.5 < |u| <= 6: 1 - erfc with
# erfc a polynomial in the interval's own variable s in [-1, 1], fit error 2.0e-18 and 8.7e-19 absolute; past 6,
# +-1 (erfc(6) = 2.2e-17). In float64 it is within 2 ulp of mpmath at 120,000 points of [-7, 7] and 1e-300 to 1
# (tests/test_functions.py measures it again); every branch is evaluated on clamped arguments, so none warns. Each
# element pays for all three polynomials (np.where): 2.8-4x the time of SciPy's erf (benchmarks/layers.md).
_ERF_SMALL = (
    5.957176147748911e-11, -1.1372848856791674e-09, 1.4659775274047436e-08, -1.6350312701054695e-07,
    1.6461000484121368e-06, -1.4925595266831182e-05, 0.0001205533111164271, -0.000854832698083379,
    0.0052239776248180145, -0.026866170645076792, 0.11283791670954879, -0.3761263890318375, 1.1283791670955126,
)
_ERFC_MID = (
    1.2314889440709622e-10, 8.837162151670264e-10, -3.611155441463807e-09, -7.594117964290111e-09,
    4.6116124055438836e-08, -8.974651554514824e-09, -3.2920937536202885e-07, 6.558611631860122e-07,
    9.84245047159104e-07, -6.065382202485983e-06, 5.571204901649032e-06, 2.4475728220361967e-05,
    -7.776222355169161e-05, 2.4229455501451168e-05, 0.000330157359262649, -0.0007582703240323275,
    0.00010679088161967749, 0.0027520985368255815, -0.005957446769970304, 0.0031969831979402974,
    0.011079242977407063, -0.03252465565717135, 0.04659029208240726, -0.04243076892962527, 0.025109715311781976,
    -0.00892789877752253, 0.0014627165866811518,
)
_ERFC_TAIL = (
    6.220222135931384e-12, -1.5844954087325438e-12, -7.823846966447616e-11, 2.0185659174619624e-10,
    -1.7745839622294736e-10, -3.071055684249185e-10, 2.167634749871758e-09, -7.361794851546806e-09,
    1.823361582626348e-08, -3.6277541135157624e-08, 6.075411628152225e-08, -8.736547483894223e-08,
    1.0860105489043897e-07, -1.1679353410502185e-07, 1.083183159167227e-07, -8.600335622337296e-08,
    5.777251637727108e-08, -3.22644324607459e-08, 1.4601858169995286e-08, -5.152039592957801e-09,
    1.3310655652520984e-09, -2.2417947940301463e-10, 1.8485047721485312e-11,
)


# erfc for NumPy: 1 - erf for |u| <= 1/2, then e^{-u^2} erfcx(u) with erfcx fitted by mpmath.chebyfit: on [1/2, 2]
# in u (fit error 1.7e-18 relative), on [2, 27] as u erfcx(u), a polynomial in 1/u (4.0e-19); past 27, 0 (erfc(27)
# = 5e-319); erfc(-u) = 2 - erfc(u). e^{-u^2} from u split in two halves (Veltkamp), so that u^2 does not round.
# Within 5 ulp of mpmath from 1e-300 to 26.5 and -6 (tests/test_functions.py; Python's math.erfc: 3 ulp).
_ERFCX_NEAR = (
    -3.742011062040615e-12, 1.9186770431173552e-11, -7.769143402587221e-11, 3.7825555544472486e-10,
    -1.8389844796621545e-09, 8.55445698417564e-09, -3.8739624976084095e-08, 1.7090856600008298e-07,
    -7.325300576500216e-07, 3.043976860686883e-06, -1.2235801034080474e-05, 4.7450548658523766e-05,
    -0.00017697065842131287, 0.0006323772265443285, -0.0021551128074231833, 0.006964533219988774,
    -0.021185834510773556, 0.06007250896683709, -0.15661640697345738, 0.3678229164523611,
)
_ERFCX_FAR = (
    1.1631635296767173e-11, -2.0693102342768975e-11, -6.002400238275206e-11, 1.9217491864506538e-10,
    -1.3292880605995893e-10, -2.759152553999346e-10, 1.3211112406233579e-09, -3.285756985162098e-09,
    3.67272417648601e-09, 7.48002183333773e-09, -4.748050741455423e-08, 1.1195658007507429e-07,
    -6.423676592492388e-08, -5.617697380719324e-07, 2.4092503092809397e-06, -3.9492577149299805e-06,
    -6.602428638013913e-06, 6.0366549854936564e-05, -0.0001515502597657905, -0.0001471627426059197,
    0.002685991777555061, -0.008341125250296157, -0.029036172994878397, 0.5457297006052771,
)



def _horner(coefficients: tuple[float, ...], s: sp.Expr) -> sp.Expr:
    value: sp.Expr = sp.Float(coefficients[0])
    for c in coefficients[1:]:
        value = value * s + sp.Float(c)
    return value


class Let(sp.Function):
    """``Let(name, value, body)``: ``body`` with ``name`` standing for ``value``, an array form's step computed once
    (printed ``(lambda name: body)(value)``)."""

    nargs = 3


def _erfc_piece(coefficients: tuple[float, ...], a: sp.Symbol, lo: float, hi: float) -> sp.Expr:
    """1 - erfc(a) from the polynomial fitted on [lo, hi], in that interval's own variable in [-1, 1]; ``a`` is
    clamped into the interval first, so that no branch overflows where it is not taken."""
    s, mid, half = sp.Symbol("_s"), sp.Rational(lo + hi) / 2, sp.Rational(hi - lo) / 2
    return Let(s, (sp.Min(sp.Max(a, lo), hi) - mid) / half, 1 - _horner(coefficients, s))


def _exp_minus_square(a: sp.Expr) -> sp.Expr:
    """e^{-a^2} with a = hi + lo split so that hi^2 is exact (Veltkamp, 2^27 + 1): the digits of a^2 survive; the
    subtractions are left unevaluated, or SymPy would cancel them back to a."""
    c, hi, lo = sp.symbols("_c _hi _lo")
    split = sp.Add(c, sp.Mul(-1, sp.Add(c, -a, evaluate=False), evaluate=False), evaluate=False)
    return Let(c, 134217729 * a, Let(hi, split, Let(lo, sp.Add(a, -hi, evaluate=False),
                                                   sp.exp(-hi**2) * sp.exp(-(2 * hi * lo + lo**2)))))


def _erfc_array(u: sp.Symbol) -> sp.Expr:
    """erfc(u) for arrays from the polynomials above, relative digits kept far into the tail (Phi(x) at x = -38)."""
    a, value, s, near, far = sp.symbols("_a _erfc _s _near _far")
    small = Let(s, sp.Min(a, sp.Rational(1, 2)), 1 - s * _horner(_ERF_SMALL, s**2))
    near_part = Let(near, sp.Min(sp.Max(a, sp.Rational(1, 2)), 2), _exp_minus_square(near)
                    * _horner(_ERFCX_NEAR, (near - sp.Rational(5, 4)) / sp.Rational(3, 4)))
    far_part = Let(far, sp.Min(sp.Max(a, 2), 27), _exp_minus_square(far)
                   * _horner(_ERFCX_FAR, (1 / far - sp.Rational(29, 108)) / sp.Rational(25, 108)) / far)
    pieces = sp.Piecewise((small, a <= sp.Rational(1, 2)), (near_part, a <= 2), (far_part, a <= 27), (sp.Float(0), True))
    return Let(a, sp.Abs(u), Let(value, pieces, sp.Piecewise((2 - value, u < 0), (value, u >= 0), (u, True),
                                                             evaluate=False)))


def _erf_array(u: sp.Symbol) -> sp.Expr:
    """erf(u) for arrays from the polynomials above: erf(|u|) piece by piece, then its sign put back."""
    a, value, s, square = sp.symbols("_a _erf _s _square")
    small = Let(s, sp.Min(a, 1), Let(square, s**2, s * _horner(_ERF_SMALL, square)))
    pieces = sp.Piecewise((small, a <= 1), (_erfc_piece(_ERFC_MID, a, 1, 3.5), a <= sp.Rational(7, 2)),
                          (_erfc_piece(_ERFC_TAIL, a, 3.5, 6), a <= 6), (sp.Float(1), True))
    # unevaluated: SymPy would drop the last branch, which is NaN's (no comparison holds for it)
    return Let(a, sp.Abs(u), Let(value, pieces, sp.Piecewise((-value, u < 0), (value, u >= 0), (u, True),
                                                             evaluate=False)))


_NO_SLOPE = "0 away from the jump"
_BOUNDED = "no derivative at ±1"


FUNCTIONS: tuple[Elementary, ...] = (
    Elementary(sp.exp, sp.exp, numpy="exp", xp=True, math="math.exp", mpmath=_mp_exp, float64=_numpy("exp"),
               commands=(r"\exp",), words=("exp",), latex="e^{{{0}}}",
               stable=("softmax", "logsumexp", "exp-product")),
    Elementary(sp.log, lambda u: 1 / u, numpy="log", xp=True, math="math.log", mpmath=mpmath.log, float64=_numpy("log"),
               commands=(r"\log", r"\ln"), words=("log", "ln"), latex="\\log\\left({0}\\right)",
               stable=("log-softmax", "log-sigmoid", "log-split")),
    # log(1 + u) without the rounding of 1 + u: the digits of a small u survive
    Elementary(log1p, lambda u: 1 / (1 + u), numpy="log1p", xp=True, math="math.log1p", mpmath=mpmath.log1p,
               float64=_numpy("log1p"), words=("log1p",), latex="\\operatorname{{log1p}}\\left({0}\\right)"),
    # e^u - 1 without the cancellation: the digits of a small u survive
    Elementary(expm1, sp.exp, numpy="expm1", xp=True, math="math.expm1", mpmath=mpmath.expm1, float64=_numpy("expm1"),
               words=("expm1",), latex="\\operatorname{{expm1}}\\left({0}\\right)"),
    Elementary(sp.sin, sp.cos, numpy="sin", math="math.sin", mpmath=mpmath.sin, float64=_numpy("sin"),
               commands=(r"\sin",), words=("sin",), inverse=sp.asin),
    Elementary(sp.cos, lambda u: -sp.sin(u), numpy="cos", math="math.cos", mpmath=mpmath.cos, float64=_numpy("cos"),
               commands=(r"\cos",), words=("cos",), inverse=sp.acos),
    Elementary(sp.tan, lambda u: 1 + sp.tan(u) ** 2, numpy="tan", math="math.tan", mpmath=mpmath.tan,
               float64=_numpy("tan"), commands=(r"\tan",), words=("tan",), inverse=sp.atan),
    Elementary(sp.cot, lambda u: -1 - sp.cot(u) ** 2, mpmath=mpmath.cot, words=("cot",), inverse=sp.acot),
    Elementary(sp.sec, lambda u: sp.sec(u) * sp.tan(u), mpmath=mpmath.sec, words=("sec",), inverse=sp.asec),
    Elementary(sp.csc, lambda u: -sp.csc(u) * sp.cot(u), mpmath=mpmath.csc, words=("csc",), inverse=sp.acsc),
    Elementary(sp.asin, lambda u: 1 / sp.sqrt(1 - u**2), lambda u: sp.Eq(u**2, 1), _BOUNDED, numpy="arcsin",
               math="math.asin", mpmath=mpmath.asin, float64=_numpy("arcsin"), words=("arcsin", "asin")),
    Elementary(sp.acos, lambda u: -1 / sp.sqrt(1 - u**2), lambda u: sp.Eq(u**2, 1), _BOUNDED, numpy="arccos",
               math="math.acos", mpmath=mpmath.acos, float64=_numpy("arccos"), words=("arccos", "acos")),
    Elementary(sp.atan, lambda u: 1 / (1 + u**2), numpy="arctan", xp=True, math="math.atan", mpmath=mpmath.atan,
               float64=_numpy("arctan"), commands=(r"\arctan",), words=("arctan", "atan")),
    Elementary(sp.acot, lambda u: -1 / (1 + u**2), mpmath=mpmath.acot, words=("arccot", "acot")),
    Elementary(sp.asec, lambda u: 1 / (u**2 * sp.sqrt(1 - 1 / u**2)), lambda u: sp.Eq(u**2, 1), _BOUNDED,
               mpmath=mpmath.asec),
    Elementary(sp.acsc, lambda u: -1 / (u**2 * sp.sqrt(1 - 1 / u**2)), lambda u: sp.Eq(u**2, 1), _BOUNDED,
               mpmath=mpmath.acsc),
    Elementary(sp.sinh, sp.cosh, numpy="sinh", xp=True, math="math.sinh", mpmath=mpmath.sinh, float64=_numpy("sinh"),
               commands=(r"\sinh",), words=("sinh",), latex="\\sinh\\left({0}\\right)", inverse=sp.asinh),
    Elementary(sp.cosh, sp.sinh, numpy="cosh", xp=True, math="math.cosh", mpmath=mpmath.cosh, float64=_numpy("cosh"),
               commands=(r"\cosh",), words=("cosh",), latex="\\cosh\\left({0}\\right)", inverse=sp.acosh,
               stable=("log-cosh",)),
    Elementary(sp.tanh, lambda u: 1 - sp.tanh(u) ** 2, numpy="tanh", xp=True, math="math.tanh", mpmath=mpmath.tanh,
               float64=_numpy("tanh"), commands=(r"\tanh",), words=("tanh",), latex="\\tanh\\left({0}\\right)",
               inverse=sp.atanh, stable=("tanh",)),
    Elementary(sp.coth, lambda u: 1 - sp.coth(u) ** 2, mpmath=mpmath.coth, words=("coth",)),
    Elementary(sp.sech, lambda u: -sp.sech(u) * sp.tanh(u), mpmath=mpmath.sech, words=("sech",)),
    Elementary(sp.csch, lambda u: -sp.csch(u) * sp.coth(u), mpmath=mpmath.csch, words=("csch",)),
    Elementary(sp.asinh, lambda u: 1 / sp.sqrt(u**2 + 1), numpy="arcsinh", math="math.asinh", mpmath=mpmath.asinh,
               float64=_numpy("arcsinh"), words=("arsinh", "arcsinh", "asinh")),
    Elementary(sp.acosh, lambda u: 1 / (sp.sqrt(u - 1) * sp.sqrt(u + 1)), lambda u: sp.Eq(u, 1),
               "no derivative at 1", numpy="arccosh", math="math.acosh", mpmath=mpmath.acosh, float64=_numpy("arccosh"),
               words=("arcosh", "arccosh", "acosh")),
    Elementary(sp.atanh, lambda u: 1 / (1 - u**2), numpy="arctanh", math="math.atanh", mpmath=mpmath.atanh,
               float64=_numpy("arctanh"), words=("artanh", "arctanh", "atanh")),
    Elementary(sp.acoth, lambda u: 1 / (1 - u**2), mpmath=mpmath.acoth),
    # NumPy has no erf: NumPy code and checked forward passes use the polynomials of _erf_array, torch and JAX their own
    Elementary(sp.erf, lambda u: 2 * sp.exp(-(u**2)) / sp.sqrt(sp.pi), math="math.erf", mpmath=mpmath.erf,
               float64=math.erf, words=("erf",), latex="\\operatorname{{erf}}\\left({0}\\right)", array=_erf_array,
               torch="torch.erf", jax="jax.lax.erf"),
    Elementary(sp.erfc, lambda u: -2 * sp.exp(-(u**2)) / sp.sqrt(sp.pi), math="math.erfc", mpmath=mpmath.erfc,
               float64=math.erfc, words=("erfc",), latex="\\operatorname{{erfc}}\\left({0}\\right)",
               array=_erfc_array, torch="torch.erfc", jax="jax.lax.erfc"),
    # no array code for the steps: a compiled gradient would be 0 across the jumps with no note (the README lists
    # them among what derives but does not compile)
    Elementary(sp.floor, lambda u: sp.Integer(0), lambda u: sp.Eq(u, sp.floor(u)), "0 away from the jumps",
               mpmath=mpmath.floor, float64=_numpy("floor"), words=("floor",)),
    Elementary(sp.ceiling, lambda u: sp.Integer(0), lambda u: sp.Eq(u, sp.ceiling(u)), "0 away from the jumps",
               mpmath=mpmath.ceil, float64=_numpy("ceil"), words=("ceil", "ceiling")),
    Elementary(sp.Abs, sp.sign, lambda u: sp.Eq(u, 0), "sign(0) = 0, a subgradient", numpy="abs", xp=True, math="abs",
               mpmath=abs, float64=_numpy("abs"), words=("abs",), latex="\\left|{0}\\right|"),
    Elementary(sp.sign, lambda u: sp.Integer(0), lambda u: sp.Eq(u, 0), _NO_SLOPE, numpy="sign",
               mpmath=mpmath.sign, float64=_numpy("sign"), words=("sign", "sgn"),
               latex="\\operatorname{{sign}}\\left({0}\\right)"),
    Elementary(sp.Heaviside, lambda u: sp.Integer(0), lambda u: sp.Eq(u, 0), _NO_SLOPE, numpy="heaviside",
               mpmath=_mp_heaviside, float64=_np_heaviside, words=("heaviside",)),
    # evaluated only (the reader meets them through latex2sympy2: \Gamma(x), n!, \binom{n}{k})
    Elementary(sp.gamma, mpmath=mpmath.gamma),
    Elementary(sp.factorial, mpmath=mpmath.factorial),
    Elementary(sp.binomial, mpmath=mpmath.binomial),
)

FUNCTION_OF: dict[type, Elementary] = {f.sympy: f for f in FUNCTIONS}  # the entry of a SymPy class
# the elementwise ops a checked forward pass calls as xp.<op>: each check namespace offers exactly these
XP_FUNCTIONS: tuple[str, ...] = tuple(f.numpy for f in FUNCTIONS if f.xp and f.numpy)
