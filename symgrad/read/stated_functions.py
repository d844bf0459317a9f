"""A page that states the value of a known function (``\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}``): a claim
about that function (``\\tanh'(x)``) is read as about the page's formula only where the two are the same function.
Where they differ the equation has two readings (the function as known, or the page's formula) and is refused
naming both; a page's formula is never silently put in place of the function it names."""

from __future__ import annotations

import random

import sympy as sp

from ..errors import ParseError
from ..tensors import Definition
from .context import Context

_POINTS = 6
_TOLERANCE = sp.Float("1e-12", 30)


def expanded(value: sp.Expr, ctx: Context) -> sp.Expr:
    """``value`` with the scalar names defined so far replaced by their definitions (``u`` of ``\\tanh(x) = 2/u -
    1``); a function's name is no value."""
    for _ in range(len(ctx.definitions) + 1):
        names = {s: d.rhs for s in value.free_symbols if isinstance(s, sp.Symbol) and str(s) not in ctx.functions
                 for d in [ctx.definitions.get(str(s))] if d is not None and d.lhs == s}
        if not names:
            break
        value = value.xreplace(names)
    return value


def _difference_at(stated: sp.Expr, value: sp.Expr, symbols: list[sp.Symbol], seed: int) -> dict | None:
    """``stated - value`` at a random point of positive numbers (where a log or a root is defined), or None where
    either side has no number there."""
    rng = random.Random(seed)
    point = {s: sp.Rational(rng.randint(3, 17), 10) for s in symbols}
    try:
        a, b = (sp.N(e.xreplace(point), 30) for e in (stated, value))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not (a.is_number and b.is_number) or a.has(sp.nan, sp.zoo) or b.has(sp.nan, sp.zoo):
        return None
    return point if abs(a - b) > _TOLERANCE * (1 + abs(a)) else None


def checked_stated_value(name: str, latex: str, ctx: Context) -> None:
    """Refuse ``E = R`` (``ctx.stated[name]``: E known functions of names R uses, R the page's formula, defined as
    ``name``) where R differs from E at some point: the claim's E could mean either, and the stated value
    is taken back. Where they agree at every point (or cannot be evaluated: an array, a name nothing defines), the
    stated value stands as before."""
    stated, text = ctx.stated[name]
    value = expanded(ctx.definitions[name].rhs, ctx)
    if stated.atoms(sp.Indexed, sp.Derivative) or value.atoms(sp.Indexed, sp.Derivative):
        return
    symbols = sorted(stated.free_symbols | value.free_symbols, key=str)
    if not all(type(s) is sp.Symbol for s in symbols) or not stated.free_symbols <= value.free_symbols:
        return  # \log L = n \log \theta: L is a quantity the formula gives, not a known function of its names
    for seed in range(_POINTS):
        point = _difference_at(stated, value, symbols, seed)
        if point is not None:
            del ctx.stated[name], ctx.definitions[name]
            at = ", ".join(f"{s} = {v}" for s, v in point.items())
            raise ParseError(f"{text} = ... has two readings: {text} as the known function, or the page's formula, "
                             f"which differs from it at {at}; name the formula (L = ...) to differentiate it",
                             column=1, source=latex)


def side_noted(defn: Definition, side: str, ctx: Context) -> Definition:
    """The note of a stated value read from side 1 of its ``=`` chain (``E = R_1 = R_2``)."""
    ctx.notes.append(f"the stated value read from its side 1, {side}; the other sides of its = chain are not checked")
    return defn
