"""``\\nabla \\ell_2(\\beta)`` where ``\\ell_2`` is a defined name (not a function: its definition wrote its inputs in a
way that names none, ``\\ell_2({\\boldsymbol \\beta}) = ...``) and the brackets write one declared variable: the
gradient of the name by that variable, as ``\\nabla f(x)`` of a function is by its parameter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def nabla_argument(p: object) -> str | None:
    """The variable ``\\nabla name(var)`` at ``p``'s position (the ``\\nabla``) differentiates by; nothing is read.
    None where the name is no defined name, or the brackets hold other than one declared variable."""
    save = p.pos
    p.pos += 1
    try:
        named = p.read_name()
        if named is None:
            return None
        name = (p.labelled(named[0]) if p.at("_") else None) or named[0]
        if name not in p.ctx.definitions or name in p.ctx.functions or not p.at("("):
            return None
        p.next()
        braced = p.at("{")
        p.pos += braced
        var = p.read_name()
        if var is None or (braced and not p.at("}")) or var[0] not in p.ctx.tensors:
            return None
        p.pos += braced
        return var[0] if p.at(")") else None
    finally:
        p.pos = save


def gradient_parameter(fn: Any, note: Callable[[str], None]) -> Any | None:
    """The parameter ``\\nabla f(...)`` differentiates a defined function by: its one parameter, or of several
    (``L(X, B, x) = \\sum_i \\ln(1 + \\exp(-b_i \\langle a_i, x \\rangle))``) the one its body uses, noted; None where
    that does not decide."""
    if len(fn.params) == 1:
        return fn.params[0]
    used = [p for p in fn.params if fn.body.has(p)]
    if len(used) != 1:
        return None
    others = ", ".join(str(p) for p in fn.params if p is not used[0])
    note(f"\\nabla {fn.name}(...) read as the gradient by {used[0]}, the one parameter its definition uses ({others} "
         "appear only in its signature)")
    return used[0]
