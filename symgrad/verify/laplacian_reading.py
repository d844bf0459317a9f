"""``\\nabla^2 f(x)`` of a function of one vector is read as the Hessian, the optimiser's meaning (noted by
``read.heads_partials``). A claim that sets it equal to a number (``\\nabla^2 f(x) = 2n``) may mean the physicist's
Laplacian, the Hessian's trace, which is a number: judged as the Hessian it would be wrong where the page may be
right. Such a claim is refused naming both readings, unless both give one verdict: a claim of 0 the Hessian reading
proves (every second derivative 0, so their sum too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from .problem import _free_indices
from .verdict import Verdict

_HESSIAN_NOTE = "a vector: not the Laplacian, the Hessian's trace"


def _number(value: Any) -> bool:
    """Whether a claimed member is a number: no derivative written, no index left free."""
    return isinstance(value, sp.Expr) and not value.atoms(sp.Derivative) and not _free_indices(value)


def hessian_or_laplacian(verdict: Verdict, members: Sequence[tuple[str, Any, Any]], notes: Sequence[str]) -> Verdict:
    """``verdict``, unless ``\\nabla^2`` of a function of a vector was read as its Hessian and a member of the claim is
    a number: then refused naming both readings (the verdict stands, noted, for a claim of 0 the Hessian proves)."""
    read = next((note for note in notes if _HESSIAN_NOTE in note), None)
    numbers = [(text, value) for text, value, _ in members if _number(value)]
    if read is None or not numbers or verdict.verdict == "unreadable":
        return verdict
    if verdict.exit_code == 0 and all(value == 0 for _, value in numbers):
        verdict.message = (f"{verdict.message} [read: \\nabla^2 is 0 read as the Hessian and as the Laplacian, its "
                           "trace]").strip()
        return verdict
    written = numbers[0][0].strip()
    return Verdict("unreadable", column=1, message=(
        f"\\nabla^2 of a function of a vector set equal to a number ({written}) has two readings: the Hessian (the "
        f"matrix of second derivatives: {verdict.verdict} with every entry that number) or the Laplacian (its trace, "
        "a number), which symgrad does not judge; write \\frac{\\partial^2 f}{\\partial x^2} = ... with a matrix for "
        "the Hessian"))
