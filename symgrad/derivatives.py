"""Differentiation in index notation: one line of data per elementary function.

``d(expr, var)`` differentiates with every other name held fixed; ``d x_n / d x_m`` is
``delta_nm``. It replaces SymPy's ``diff`` for the engine's vocabulary because it is
several times faster on ``Indexed`` expressions and because it refuses what it does not
know (an unknown function, a non-smooth construct without a stated rule) instead of
leaving an unevaluated ``Derivative`` behind.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from .errors import DeriveError

# f -> (argument -> f'(argument)), for functions of one argument
DERIVATIVES: dict[type, Callable[[sp.Expr], sp.Expr]] = {
    sp.exp: sp.exp,
    sp.log: lambda x: 1 / x,
    sp.sin: sp.cos,
    sp.cos: lambda x: -sp.sin(x),
    sp.tanh: lambda x: 1 - sp.tanh(x) ** 2,
    sp.cosh: sp.sinh,
    sp.sinh: sp.cosh,
    sp.atan: lambda x: 1 / (1 + x**2),
    sp.Abs: sp.sign,  # a subgradient at 0: sign(0) = 0
    sp.sign: lambda x: sp.Integer(0),  # almost everywhere
    sp.Heaviside: lambda x: sp.Integer(0),  # almost everywhere
}


def _element(e: sp.Indexed, var: sp.Indexed) -> sp.Expr:
    if e.base != var.base:
        return sp.Integer(0)
    if len(e.indices) != len(var.indices):
        raise DeriveError(f"{e} and {var} have different numbers of indices")
    return sp.Mul(*[sp.KroneckerDelta(a, b) for a, b in zip(e.indices, var.indices)])


def _sum(e: sp.Sum, var: sp.Expr) -> sp.Expr:
    taken = set(var.indices) if isinstance(var, sp.Indexed) else set()
    for lim in e.limits:
        if lim[0] in taken:
            raise DeriveError(f"summation index {lim[0]} of {e} clashes with the variable {var}; rename it")
    inner = d(e.function, var)
    return sp.Integer(0) if inner == 0 else sp.Sum(inner, *e.limits)


def _pow(e: sp.Pow, var: sp.Expr) -> sp.Expr:
    base, ex = e.args
    db = d(base, var)
    if not _depends(ex, var):
        return ex * base ** (ex - 1) * db if db != 0 else sp.Integer(0)
    return e * (d(ex, var) * sp.log(base) + ex * db / base)


def _mul(e: sp.Mul, var: sp.Expr) -> sp.Expr:
    terms = []
    args = e.args
    for k, a in enumerate(args):
        da = d(a, var)
        if da != 0:
            terms.append(sp.Mul(*args[:k], da, *args[k + 1:]))
    return sp.Add(*terms)


def _function(e: sp.Function, var: sp.Expr) -> sp.Expr:
    rule = DERIVATIVES.get(type(e))
    if rule is None:
        raise DeriveError(f"no derivative rule for {type(e).__name__} in {e}")
    if len(e.args) != 1:
        raise DeriveError(f"{type(e).__name__} takes one argument, got {len(e.args)} in {e}")
    inner = d(e.args[0], var)
    return sp.Integer(0) if inner == 0 else rule(e.args[0]) * inner


def _depends(e: sp.Expr, var: sp.Expr) -> bool:
    return e.has(var.base) if isinstance(var, sp.Indexed) else e.has(var)


def d(e: sp.Expr, var: sp.Expr) -> sp.Expr:
    """The derivative of ``e`` with respect to ``var`` (a scalar ``Symbol`` or an element ``x[i, j]``)."""
    if not _depends(e, var):
        return sp.Integer(0)
    if isinstance(e, sp.Indexed):
        return _element(e, var) if isinstance(var, sp.Indexed) else sp.Integer(0)
    if isinstance(e, sp.Symbol):
        return sp.Integer(1) if e == var else sp.Integer(0)
    if isinstance(e, sp.Add):
        return sp.Add(*[d(a, var) for a in e.args])
    if isinstance(e, sp.Mul):
        return _mul(e, var)
    if isinstance(e, sp.Pow):
        return _pow(e, var)
    if isinstance(e, sp.Sum):
        return _sum(e, var)
    if isinstance(e, sp.Function):
        return _function(e, var)
    raise DeriveError(f"cannot differentiate {type(e).__name__} in {e}")
