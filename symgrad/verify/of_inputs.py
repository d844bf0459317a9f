"""``--of`` naming a defined quantity without a derivative (``--of y`` with ``y = Z.*(1./(1+exp(-Z)))`` defined, as
code names the function whose derivative it returns): the derivative is by the inputs the definition is computed
from, never by the name itself (dy/dy = 1 is no page's meaning)."""

from __future__ import annotations

from typing import Any

from ..errors import ParseError
from ..read.heads_gradient import inputs_of


def defined_inputs(names: list[str], of: str, ctx: Any) -> list[str] | None:
    """The one input a defined name (``names``, the only name --of ``of`` writes) is computed from, as a list, noted;
    refused naming them where there are several; None where ``names`` is not one defined name."""
    if len(names) != 1 or names[0] not in ctx.definitions:
        return None
    inputs = sorted(inputs_of(names[0], ctx) - {names[0]})
    if len(inputs) != 1:
        raise ParseError(rf"not a derivative: {names[0]} is defined from {', '.join(inputs) or 'no input'}: say by "
                         rf"which (\frac{{\partial {names[0]}}}{{\partial w}})", column=1, source=of)
    ctx.notes.append(f"--of {of} has no derivative: read as the derivative by {inputs[0]}, the one input its "
                     "definition is computed from")
    return inputs
