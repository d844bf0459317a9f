"""``--of`` written as an expression without a derivative whose variables are several (``\\|Ax - b\\|^2``): the
derivative is by the one variable whose shape the claim's value has, noted."""

from __future__ import annotations

import re
from typing import Any

import sympy as sp

from ..errors import SymgradError
from ..tensors import name_of
from .problem import _tensors_in


def by_shape(parse: Any, of: str, value: sp.Expr, claim: str, ctx: Any, names: list[str]) -> list[str]:
    """Of the variables of an expression ``--of`` names without a derivative, the one whose shape the claim's value
    has (``\\|Ax - b\\|^2`` with A m x n, x n, b m and a claim of length n: by x), noted; ``names`` unchanged when
    not exactly one has it (scalars all have one shape) or the claim does not read alone."""
    import copy

    try:
        members = parse.parse_claim(claim, copy.deepcopy(ctx))
    except SymgradError:
        return names
    shape = tuple(i.upper for i in members[-1].indices or ()) if members else None
    tensors = {name_of(t): t for t in _tensors_in(value)}
    shapes = {n: tuple(getattr(tensors[n], "shape", None) or ()) for n in names}
    fits = [n for n in names if shapes[n] == shape]
    transposed_scalars = [n for n in names if not shapes[n] and re.search(
        rf"(?<![A-Za-z\\]){re.escape(n)}\s*\^\s*\{{?\s*(?:T|\\top|\\intercal)(?![A-Za-z])", of + claim)]
    if shape is None or len(fits) != 1 or any(isinstance(d, sp.Dummy) for d in shape) or transposed_scalars:
        return names  # a scalar written transposed (A^T with A read as a number): the shapes are not the page's
    sizes = " x ".join(map(str, shape)) or "a scalar"
    ctx.notes.append(f"--of {of.strip()} has no derivative: read as the derivative by "
                     f"{fits[0]}, the one variable of the claim's shape ({sizes})")
    return fits
