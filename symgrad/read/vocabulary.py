"""The values the reader builds (``_Val``) and the functions it knows by name."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .tokens import _FUNCS


@dataclass(frozen=True)
class _Val:
    """A parsed value: a scalar expression, or an array element with its free axes.

    ``axes`` is () for a scalar, ``(i, None)`` for a column vector, ``(None, i)`` for a row vector,
    ``(i, j)`` for a matrix, and longer for derivatives of arrays by arrays.
    """

    expr: sp.Expr
    axes: tuple = ()

    @property
    def free(self) -> tuple[sp.Idx, ...]:
        return tuple(a for a in self.axes if a is not None)


def _extent(idx: sp.Expr) -> sp.Expr | None:
    if not isinstance(idx, sp.Idx):
        return None
    return idx.upper if idx.lower == 1 else idx.upper - idx.lower + 1


def _free_indices(e: sp.Expr) -> set[sp.Idx]:
    return {s for s in e.free_symbols if isinstance(s, sp.Idx)}


def _sigmoid(x: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-x))


def _relu(x: sp.Expr) -> sp.Expr:
    return sp.Max(0, x)


def _softplus(x: sp.Expr) -> sp.Expr:
    return sp.log(1 + sp.exp(x))


def _logit(x: sp.Expr) -> sp.Expr:
    return sp.log(x / (1 - x))


_ELEMENTWISE = {
    r"\exp": sp.exp, "exp": sp.exp, r"\log": sp.log, "log": sp.log, r"\ln": sp.log, "ln": sp.log,
    r"\tanh": sp.tanh, "tanh": sp.tanh, r"\sin": sp.sin, r"\cos": sp.cos, "sigmoid": _sigmoid,
    "sqrt": sp.sqrt, r"\cosh": sp.cosh, "cosh": sp.cosh, r"\sinh": sp.sinh, "sinh": sp.sinh,
    r"\tan": sp.tan, r"\arctan": sp.atan, "arctan": sp.atan, "coth": sp.coth, "sech": sp.sech,
    "csch": sp.csch,
    # known only by name: \operatorname{erf}(x), \mathrm{ReLU}(z) (any case), or plain letters right before (
    "erf": sp.erf, "erfc": sp.erfc, "sign": sp.sign, "sgn": sp.sign, "relu": _relu, "softplus": _softplus,
    "logit": _logit, "abs": sp.Abs, "floor": sp.floor, "ceil": sp.ceiling, "ceiling": sp.ceiling,
    "heaviside": sp.Heaviside, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec,
    "csc": sp.csc, "arcsin": sp.asin, "asin": sp.asin, "arccos": sp.acos, "acos": sp.acos, "atan": sp.atan,
    "arccot": sp.acot, "acot": sp.acot, "arsinh": sp.asinh, "arcsinh": sp.asinh, "asinh": sp.asinh,
    "arcosh": sp.acosh, "arccosh": sp.acosh, "acosh": sp.acosh, "artanh": sp.atanh, "arctanh": sp.atanh,
    "atanh": sp.atanh,
}
_NAMED_FUNCS = frozenset(k for k in _ELEMENTWISE if not k.startswith("\\")) - _FUNCS
# operators people write upright that symgrad does not support: an error even without parentheses (\mathrm{tr} X)
_OPERATORS = frozenset({"argmax", "argmin", "tr", "trace", "det", "rank", "logsumexp", "lse", "kl", "vec"})
# f^{-1} of these is the inverse function (the convention for trigonometric and hyperbolic functions)
_INVERSES = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "cot": sp.acot, "sec": sp.asec, "csc": sp.acsc,
             "sinh": sp.asinh, "cosh": sp.acosh, "tanh": sp.atanh}
_REL_CLASSES = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}
_SAMPLE_NAMES = ("x", "y", "yhat")
_MODELS = ("f", "g", "h")  # names that, subscripted by a parameter, are models f_theta(x)

