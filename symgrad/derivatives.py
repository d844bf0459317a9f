"""Differentiation in index notation; the elementary functions' derivatives come from ``functions.FUNCTIONS``.

``d(expr, var)`` differentiates with every other name held fixed; ``d x_n / d x_m`` is
``delta_nm``. It replaces SymPy's ``diff`` for the engine's vocabulary because it is
several times faster on ``Indexed`` expressions and because it refuses what it does not
know (an unknown function, a non-smooth construct without a stated rule) instead of
leaving an unevaluated ``Derivative`` behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from .errors import DeriveError
from .functions import FUNCTIONS


@dataclass(frozen=True)
class Rule:
    """The derivative of a one-argument function, and where the function has none."""

    derivative: Callable[[sp.Expr], sp.Expr]
    kink: Callable[[sp.Expr], sp.Expr] | None = None  # the set where f is not differentiable
    note: str = ""


Kink = tuple[sp.Expr, str]  # (where, what the engine uses there)

# one rule per function of the table that has a derivative (functions.py: add a function there)
DERIVATIVES: dict[type, Rule] = {f.sympy: Rule(f.derivative, f.kink, f.kink_note) for f in FUNCTIONS if f.derivative}


def _element(e: sp.Indexed, var: sp.Indexed) -> sp.Expr:
    if e.base != var.base:
        return sp.Integer(0)
    if len(e.indices) != len(var.indices):
        raise DeriveError(f"{e} and {var} have different numbers of indices")
    return sp.Mul(*[sp.KroneckerDelta(a, b) for a, b in zip(e.indices, var.indices)])


def _sum(e: sp.Sum, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    taken = set(var.indices) if isinstance(var, sp.Indexed) else set()
    for lim in e.limits:
        if lim[0] in taken:
            raise DeriveError(f"summation index {lim[0]} of {e} clashes with the variable {var}; rename it")
    inner = d(e.function, var, kinks)
    return sp.Integer(0) if inner == 0 else sp.Sum(inner, *e.limits)


def _pow(e: sp.Pow, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    base, ex = e.args
    db = d(base, var, kinks)
    if not _depends(ex, var):
        return ex * base ** (ex - 1) * db if db != 0 else sp.Integer(0)
    return e * (d(ex, var, kinks) * sp.log(base) + ex * db / base)


def _mul(e: sp.Mul, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    terms = []
    args = e.args
    for k, a in enumerate(args):
        da = d(a, var, kinks)
        if da != 0:
            terms.append(sp.Mul(*args[:k], da, *args[k + 1:]))
    return sp.Add(*terms)


def _undefined(e: sp.Function, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    """An abstract function ``f(x, theta)`` (the seed's ``f_theta(x)``): the chain rule over its
    arguments, with ``df/d(argument)`` left as an unevaluated derivative. Symbolic, not a guess."""
    terms = []
    for k, a in enumerate(e.args):
        if isinstance(a, sp.IndexedBase):  # a whole parameter vector f(x, w): df/dw_j stays symbolic
            if isinstance(var, sp.Indexed) and var.base == a:
                terms.append(sp.Derivative(e, var))
            continue
        da = d(a, var, kinks)
        if da == 0:
            continue
        if "fdiff" in vars(e.func):  # a rule stated for it (g'(z) = g(z)(1 - g(z)), read/given_function_rules)
            terms.append(e.fdiff(k + 1) * da)
        elif isinstance(a, sp.Symbol):
            terms.append(sp.Derivative(e, a) * da)
        else:
            u = sp.Dummy("u")
            inner = e.func(*e.args[:k], u, *e.args[k + 1:])
            terms.append(sp.Subs(sp.Derivative(inner, u), u, a) * da)
    return sp.Add(*terms)


def _function(e: sp.Function, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    if isinstance(e, sp.core.function.AppliedUndef):
        return _undefined(e, var, kinks)
    rule = DERIVATIVES.get(type(e))
    if rule is None:
        raise DeriveError(f"no derivative rule for {type(e).__name__} in {e}")
    # SymPy keeps Heaviside's value at 0 as a second, constant argument: Heaviside(x, 1/2)
    if len(e.args) != 1 and not (isinstance(e, sp.Heaviside) and all(a.is_number for a in e.args[1:])):
        raise DeriveError(f"{type(e).__name__} takes one argument, got {len(e.args)} in {e}")
    inner = d(e.args[0], var, kinks)
    if inner == 0:
        return sp.Integer(0)
    if rule.kink is not None:
        kinks.append((rule.kink(e.args[0]), rule.note))
    return rule.derivative(e.args[0]) * inner


def _extremum(e: sp.Max | sp.Min, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    """max(a, b)' = H(a - b) a' + H(b - a) b'; at a tie H(0) = 1/2 averages the two, a subgradient."""
    if len(e.args) != 2:
        raise DeriveError(f"{type(e).__name__} of {len(e.args)} arguments: write it as nested pairs")
    a, b = e.args
    sign = 1 if isinstance(e, sp.Max) else -1
    kinks.append((sp.Eq(a, b), "the average of the two one-sided derivatives, a subgradient"))
    return sp.Heaviside(sign * (a - b)) * d(a, var, kinks) + sp.Heaviside(sign * (b - a)) * d(b, var, kinks)


def _piecewise(e: sp.Piecewise, var: sp.Expr, kinks: list[Kink]) -> sp.Expr:
    """Branch by branch; on a boundary the branch whose condition holds there is used."""
    for _, cond in e.args:
        if _depends(cond, var) and cond is not sp.true:
            kinks.append((cond, "the derivative of the branch whose condition holds"))
    return sp.Piecewise(*[(d(expr, var, kinks), cond) for expr, cond in e.args])


def _depends(e: sp.Expr, var: sp.Expr) -> bool:
    return e.has(var.base) if isinstance(var, sp.Indexed) else e.has(var)


def d(e: sp.Expr, var: sp.Expr, kinks: list[Kink] | None = None) -> sp.Expr:
    """The derivative of ``e`` with respect to ``var`` (a scalar ``Symbol`` or an element ``x[i, j]``).

    Where a function has no derivative (``|x|`` at 0, ``max`` at a tie, a branch
    boundary), ``(where, what is used there)`` is appended to ``kinks``.
    """
    kinks = [] if kinks is None else kinks
    if not _depends(e, var):
        return sp.Integer(0)
    own = getattr(e, "derivative_by", None)
    if own is not None:  # an object with its own rule (a matrix function: det, inverse), see linalg
        return own(var, kinks)
    if isinstance(e, sp.Indexed):
        return _element(e, var) if isinstance(var, sp.Indexed) else sp.Integer(0)
    if isinstance(e, sp.Symbol):
        return sp.Integer(1) if e == var else sp.Integer(0)
    if isinstance(e, sp.Add):
        return sp.Add(*[d(a, var, kinks) for a in e.args])
    if isinstance(e, sp.Mul):
        return _mul(e, var, kinks)
    if isinstance(e, sp.Pow):
        return _pow(e, var, kinks)
    if isinstance(e, sp.Sum):
        return _sum(e, var, kinks)
    if isinstance(e, sp.Piecewise):
        return _piecewise(e, var, kinks)
    if isinstance(e, (sp.Max, sp.Min)):
        return _extremum(e, var, kinks)
    if isinstance(e, sp.Function):
        return _function(e, var, kinks)
    raise DeriveError(f"cannot differentiate {type(e).__name__} in {e}")
