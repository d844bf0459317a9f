"""Facts that hold identically: ``\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))`` stated beside the sigmoid's definition is,
spelled out, an equation between two forms of one function of x. It restricts no point, so the numeric search need
not (and cannot) impose it: it is set aside, noted, rather than left as a fact a counterexample might break. So is the rule of
differentiating by an entry (``\\frac{\\partial X_{ij}}{\\partial X_{kl}} = \\delta_{ik}\\delta_{jl}``, ``read.identity_facts``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from ..read.identity_facts import entry_rule, written
from ..tensors import Constraint
from .printing import _text
from .proof import _is_zero


def set_aside(constraints: Sequence[Constraint]) -> tuple[list[Constraint], list[str]]:
    """The constraints that restrict something, and a note for each one that holds identically (``_IDENTITIES``)."""
    kept, notes = [], []
    for c in constraints:
        note = next((said(c) for holds, said in _IDENTITIES if holds(c)), None)
        if note is None:
            kept.append(c)
        else:
            notes.append(note)
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


# the facts that hold identically, each (whether a constraint is one, the note that says why it restricts nothing):
# one table, read by ``set_aside``
_IDENTITIES: tuple[tuple[Callable[[Constraint], bool], Callable[[Constraint], str]], ...] = (
    (entry_rule, lambda c: f"{written(c)}: the rule of differentiating by an entry, which symgrad applies (it holds at "
                           "every point; the page works in index notation)"),
    (_holds, lambda c: f"the fact {_text(sp.Eq(c.lhs, c.rhs, evaluate=False))} holds identically (by algebra): it "
                       "restricts nothing"),
)
