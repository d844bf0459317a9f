"""A structure stated in words of a matrix whose shape only the claim settles (``\\Sigma is the covariance matrix``,
``P is symmetric``), applied once the claim is read."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..tensors import Definition


def _structures_by_use(ctx: Any, structured: list, members: list, derivative: tuple | None) -> tuple[list, tuple | None]:
    """``\\Sigma is the covariance matrix``, ``P is symmetric``: a structure stated of a matrix whose shape only the
    claim settled (square there) is applied now, to the declarations, the definitions, the claim and the derivative
    asked, as ``Context.settle`` applies it to a matrix declared square; one the claim leaves unsquare stays noted
    "recorded, not used"."""
    swap = {}
    for name, kind, source, pending in structured:
        old = ctx.tensors.get(name)
        shape = tuple(getattr(old, "shape", None) or ())
        if pending not in ctx.notes or not isinstance(old, sp.IndexedBase) or isinstance(old, kind) or \
                len(shape) != 2 or shape[0] != shape[1]:
            continue
        swap[old] = ctx.tensors[name] = kind(name, shape=shape)
        ctx.notes.remove(pending)
        ctx.notes.append(f"{name} declared {_structure_words()[kind]} ({source}): square as the claim uses it")
    if not swap:
        return members, derivative
    for key, d in list(ctx.definitions.items()):
        ctx.definitions[key] = Definition(d.lhs, d.rhs.xreplace(swap))
    members = [(text, value.xreplace(swap) if isinstance(value, sp.Basic) else value, array)
               for text, value, array in members]
    return members, tuple(e.xreplace(swap) for e in derivative) if derivative else derivative


def _structure_words() -> dict:
    """What each matrix structure is called (``symgrad.read.context.STRUCTURES``)."""
    from ..read.context import STRUCTURES

    return STRUCTURES
