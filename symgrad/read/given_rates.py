"""A fact giving the derivative of a defined name by an expression (``\\frac{du}{dx} = \\sqrt{2/\\pi}(1 + 0.134145
x^2)`` beside ``u = \\sqrt{2/\\pi}(x + 0.044715 x^3)``): the page restating what its definition gives. Checked against
the definition once the definitions are read (noted where it agrees, refused where it does not); the rate of a name
nothing defines stays refused, as an upstream gradient must be a name of its own."""

from __future__ import annotations

import random

import sympy as sp

from ..errors import ParseError


def upstream_expression(loss: str, var: str) -> str:
    """Why an upstream gradient given as an expression is refused (``loss`` nothing defines, by ``var``)."""
    return (rf"the upstream gradient of {loss} by {var} is a name of its own (\frac{{\partial {loss}}}{{\partial {var}}}"
            " = g): an expression could depend on what the loss is differentiated by")


def _inlined(e: sp.Expr, definitions: dict) -> sp.Expr | None:
    """``e`` with every scalar defined name replaced by its definition (None where an array or a loop stands in it)."""
    for _ in range(len(definitions) + 1):
        names = {s: definitions[str(s)].rhs for s in e.free_symbols if str(s) in definitions
                 and not definitions[str(s)].indices}
        if not names:
            break
        e = e.xreplace(names)
    return None if e.atoms(sp.Indexed, sp.Sum, sp.Derivative) else e


def _agree(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether ``a`` and ``b`` (no arrays) agree at random points to 12 digits (a page's decimals, 3 x 0.044715 =
    0.134145, are exact; a rounded constant is not)."""
    if sp.expand(a - b) == 0:
        return True
    symbols = sorted((a - b).free_symbols, key=str)
    rng = random.Random(0)
    for _ in range(6):
        at = {s: sp.Rational(rng.randint(-300, 300), 100) for s in symbols}
        x, y = complex(a.xreplace(at).evalf(30)), complex(b.xreplace(at).evalf(30))
        if abs(x - y) > 1e-12 * (1 + abs(x)):
            return False
    return True


def check_rates(ctx) -> None:
    """Each rate the facts gave (``ctx.rates``: name, variable, value, the fact): the derivative of the name's
    definition, noted; refused where the name is not defined, is an array, or its definition gives another value."""
    rates, ctx.rates = ctx.rates, []
    for loss, var, value, source in rates:
        d = ctx.definitions.get(loss)
        inlined = _inlined(d.rhs, ctx.definitions) if d is not None and not d.indices else None
        if inlined is None or not isinstance(var, sp.Symbol) or value.atoms(sp.Indexed):
            raise ParseError(upstream_expression(loss, str(var)), column=1, source=source)
        names = {str(s): s for s in inlined.free_symbols}
        value = value.xreplace({s: names.get(str(s), s) for s in value.free_symbols})
        truth = sp.diff(inlined, names.get(str(var), var))
        if not _agree(truth, value):
            raise ParseError(f"'{source}' gives the derivative of {loss} by {var} as {value}, but the definition of "
                             f"{loss} gives {truth}: leave the fact out or correct it", column=1, source=source)
        ctx.notes.append(f"{source}: the derivative of {loss} by {var} its definition gives (checked), read as a "
                         "restatement")
