"""A claim that names no derivative beside one definition written without a name (``--define 'tanh(x)'``, the function
a page differentiates, then code for its derivative): the derivative of that function by its one variable, a number,
noted. With another variable, or another definition, nothing decides it and the claim stays refused."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..tensors import Node
from .printing import _text


def bare_definition(ctx: Any) -> tuple[sp.Expr, Node] | None:
    """A claim that names no derivative beside one definition written without a name (``--define 'tanh(x)'``, the
    function the page differentiates) of one variable, a number: the derivative of it by that variable, noted."""
    defined = ctx.definitions.get(ctx.unnamed) if ctx.unnamed else None
    if defined is None or len(ctx.definitions) != 1 or not isinstance(defined.rhs, sp.Expr):
        return None
    names = defined.rhs.free_symbols
    if len(names) != 1 or defined.rhs.atoms(sp.Indexed, sp.Idx) or not isinstance(next(iter(names)), sp.Symbol):
        return None
    (var,) = names
    ctx.notes.append(f"the claim names no derivative: read as the derivative of {_text(defined.rhs)}, the one function "
                     f"defined, by {var}, its one variable")
    return defined.lhs, var
