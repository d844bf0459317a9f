"""Facts that hold identically: ``\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))`` stated beside the sigmoid's definition is,
spelled out, an equation between two forms of one function of x. It restricts no point, so the numeric search need
not (and cannot) impose it: it is set aside, noted, rather than left as a fact a counterexample might break."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from ..tensors import Constraint
from .printing import _text
from .proof import _is_zero


def set_aside(constraints: Sequence[Constraint]) -> tuple[list[Constraint], list[str]]:
    """The constraints that restrict something, and a note for each one that holds identically (proved by algebra)."""
    kept, notes = [], []
    for c in constraints:
        if _holds(c):
            notes.append(f"the fact {_text(sp.Eq(c.lhs, c.rhs, evaluate=False))} holds identically (by algebra): it "
                         "restricts nothing")
        else:
            kept.append(c)
    return kept, notes


def _holds(c: Constraint) -> bool:
    """Whether ``c`` holds at every point: its sides equal by algebra (a sum or an array entry is left to the search)."""
    difference = c.lhs - c.rhs
    if difference.atoms(sp.Sum, sp.Indexed, sp.Derivative):
        return False
    try:
        return _is_zero(difference)
    except (TypeError, ValueError, sp.PolynomialError):
        return False
