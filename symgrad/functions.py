"""ONE table of elementary functions: what derive, read, compile, verify, check and matrix forms know of each.

To add a function, add one ``Elementary`` entry to ``FUNCTIONS`` (a SymPy ``Function`` class, of one argument
if it is to be differentiated): its derivative makes ``derive`` differentiate it, its reader names make the
LaTeX reader read it, ``numpy`` makes it compile, ``mpmath`` makes ``verify`` evaluate it, ``float64`` makes
``check`` evaluate it without SymPy. Leave a field out and that stage refuses the function by name.
``tests/test_functions.py`` then checks the new entry against SymPy, mpmath and NumPy; ``log1p`` is the example.

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
import numpy as np
import sympy as sp
from sympy.codegen.cfunctions import log1p

Expr = Callable[[sp.Expr], sp.Expr]


@dataclass(frozen=True)
class Elementary:
    """One elementary function as every stage sees it; a field left at its default means "not known there"."""

    sympy: type  # the SymPy class: sp.sin
    derivative: Expr | None = None  # f'(u) as an expression of u; None: derive refuses f
    kink: Expr | None = None  # the set of u where f has no derivative (an Eq), recorded by derive
    kink_note: str = ""  # what derive uses there
    numpy: str | None = None  # array code np.<numpy>(u) (also the torch, jnp and xp spelling); None: not compiled
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


def _np_heaviside(x: Any, at_zero: Any = 0.5) -> Any:
    return np.heaviside(x, at_zero)


_NO_SLOPE = "0 away from the jump"
_BOUNDED = "no derivative at ±1"


FUNCTIONS: tuple[Elementary, ...] = (
    Elementary(sp.exp, sp.exp, numpy="exp", math="math.exp", mpmath=_mp_exp, float64=np.exp,
               commands=(r"\exp",), words=("exp",), latex="e^{{{0}}}",
               stable=("softmax", "logsumexp", "exp-product")),
    Elementary(sp.log, lambda u: 1 / u, numpy="log", math="math.log", mpmath=mpmath.log, float64=np.log,
               commands=(r"\log", r"\ln"), words=("log", "ln"), latex="\\log\\left({0}\\right)",
               stable=("log-softmax", "log-sigmoid", "log-split")),
    # log(1 + u) without the rounding of 1 + u: the digits of a small u survive
    Elementary(log1p, lambda u: 1 / (1 + u), numpy="log1p", math="math.log1p", mpmath=mpmath.log1p,
               float64=np.log1p, words=("log1p",), latex="\\operatorname{{log1p}}\\left({0}\\right)"),
    Elementary(sp.sin, sp.cos, numpy="sin", math="math.sin", mpmath=mpmath.sin, float64=np.sin,
               commands=(r"\sin",), words=("sin",), inverse=sp.asin),
    Elementary(sp.cos, lambda u: -sp.sin(u), numpy="cos", math="math.cos", mpmath=mpmath.cos, float64=np.cos,
               commands=(r"\cos",), words=("cos",), inverse=sp.acos),
    Elementary(sp.tan, lambda u: 1 + sp.tan(u) ** 2, numpy="tan", math="math.tan", mpmath=mpmath.tan,
               float64=np.tan, commands=(r"\tan",), words=("tan",), inverse=sp.atan),
    Elementary(sp.cot, lambda u: -1 - sp.cot(u) ** 2, mpmath=mpmath.cot, words=("cot",), inverse=sp.acot),
    Elementary(sp.sec, lambda u: sp.sec(u) * sp.tan(u), mpmath=mpmath.sec, words=("sec",), inverse=sp.asec),
    Elementary(sp.csc, lambda u: -sp.csc(u) * sp.cot(u), mpmath=mpmath.csc, words=("csc",), inverse=sp.acsc),
    Elementary(sp.asin, lambda u: 1 / sp.sqrt(1 - u**2), lambda u: sp.Eq(u**2, 1), _BOUNDED, numpy="arcsin",
               math="math.asin", mpmath=mpmath.asin, float64=np.arcsin, words=("arcsin", "asin")),
    Elementary(sp.acos, lambda u: -1 / sp.sqrt(1 - u**2), lambda u: sp.Eq(u**2, 1), _BOUNDED, numpy="arccos",
               math="math.acos", mpmath=mpmath.acos, float64=np.arccos, words=("arccos", "acos")),
    Elementary(sp.atan, lambda u: 1 / (1 + u**2), numpy="arctan", math="math.atan", mpmath=mpmath.atan,
               float64=np.arctan, commands=(r"\arctan",), words=("arctan", "atan")),
    Elementary(sp.acot, lambda u: -1 / (1 + u**2), mpmath=mpmath.acot, words=("arccot", "acot")),
    Elementary(sp.asec, lambda u: 1 / (u**2 * sp.sqrt(1 - 1 / u**2)), lambda u: sp.Eq(u**2, 1), _BOUNDED,
               mpmath=mpmath.asec),
    Elementary(sp.acsc, lambda u: -1 / (u**2 * sp.sqrt(1 - 1 / u**2)), lambda u: sp.Eq(u**2, 1), _BOUNDED,
               mpmath=mpmath.acsc),
    Elementary(sp.sinh, sp.cosh, numpy="sinh", math="math.sinh", mpmath=mpmath.sinh, float64=np.sinh,
               commands=(r"\sinh",), words=("sinh",), latex="\\sinh\\left({0}\\right)", inverse=sp.asinh),
    Elementary(sp.cosh, sp.sinh, numpy="cosh", math="math.cosh", mpmath=mpmath.cosh, float64=np.cosh,
               commands=(r"\cosh",), words=("cosh",), latex="\\cosh\\left({0}\\right)", inverse=sp.acosh,
               stable=("log-cosh",)),
    Elementary(sp.tanh, lambda u: 1 - sp.tanh(u) ** 2, numpy="tanh", math="math.tanh", mpmath=mpmath.tanh,
               float64=np.tanh, commands=(r"\tanh",), words=("tanh",), latex="\\tanh\\left({0}\\right)",
               inverse=sp.atanh, stable=("tanh",)),
    Elementary(sp.coth, lambda u: 1 - sp.coth(u) ** 2, mpmath=mpmath.coth, words=("coth",)),
    Elementary(sp.sech, lambda u: -sp.sech(u) * sp.tanh(u), mpmath=mpmath.sech, words=("sech",)),
    Elementary(sp.csch, lambda u: -sp.csch(u) * sp.coth(u), mpmath=mpmath.csch, words=("csch",)),
    Elementary(sp.asinh, lambda u: 1 / sp.sqrt(u**2 + 1), numpy="arcsinh", math="math.asinh", mpmath=mpmath.asinh,
               float64=np.arcsinh, words=("arsinh", "arcsinh", "asinh")),
    Elementary(sp.acosh, lambda u: 1 / (sp.sqrt(u - 1) * sp.sqrt(u + 1)), lambda u: sp.Eq(u, 1),
               "no derivative at 1", numpy="arccosh", math="math.acosh", mpmath=mpmath.acosh, float64=np.arccosh,
               words=("arcosh", "arccosh", "acosh")),
    Elementary(sp.atanh, lambda u: 1 / (1 - u**2), numpy="arctanh", math="math.atanh", mpmath=mpmath.atanh,
               float64=np.arctanh, words=("artanh", "arctanh", "atanh")),
    Elementary(sp.acoth, lambda u: 1 / (1 - u**2), mpmath=mpmath.acoth),
    Elementary(sp.erf, lambda u: 2 * sp.exp(-(u**2)) / sp.sqrt(sp.pi), mpmath=mpmath.erf, float64=math.erf,
               words=("erf",)),
    Elementary(sp.erfc, lambda u: -2 * sp.exp(-(u**2)) / sp.sqrt(sp.pi), mpmath=mpmath.erfc, float64=math.erfc,
               words=("erfc",)),
    # no array code for the steps: a compiled gradient would be 0 across the jumps with no note (the README lists
    # them among what derives but does not compile)
    Elementary(sp.floor, lambda u: sp.Integer(0), lambda u: sp.Eq(u, sp.floor(u)), "0 away from the jumps",
               mpmath=mpmath.floor, float64=np.floor, words=("floor",)),
    Elementary(sp.ceiling, lambda u: sp.Integer(0), lambda u: sp.Eq(u, sp.ceiling(u)), "0 away from the jumps",
               mpmath=mpmath.ceil, float64=np.ceil, words=("ceil", "ceiling")),
    Elementary(sp.Abs, sp.sign, lambda u: sp.Eq(u, 0), "sign(0) = 0, a subgradient", numpy="abs", math="abs",
               mpmath=abs, float64=np.abs, words=("abs",), latex="\\left|{0}\\right|"),
    Elementary(sp.sign, lambda u: sp.Integer(0), lambda u: sp.Eq(u, 0), _NO_SLOPE, numpy="sign",
               mpmath=mpmath.sign, float64=np.sign, words=("sign", "sgn"),
               latex="\\operatorname{{sign}}\\left({0}\\right)"),
    Elementary(sp.Heaviside, lambda u: sp.Integer(0), lambda u: sp.Eq(u, 0), _NO_SLOPE, numpy="heaviside",
               mpmath=_mp_heaviside, float64=_np_heaviside, words=("heaviside",)),
    # evaluated only (the reader meets them through latex2sympy2: \Gamma(x), n!, \binom{n}{k})
    Elementary(sp.gamma, mpmath=mpmath.gamma),
    Elementary(sp.factorial, mpmath=mpmath.factorial),
    Elementary(sp.binomial, mpmath=mpmath.binomial),
)

FUNCTION_OF: dict[type, Elementary] = {f.sympy: f for f in FUNCTIONS}  # the entry of a SymPy class
