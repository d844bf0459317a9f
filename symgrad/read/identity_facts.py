"""A stated fact that holds by the rules symgrad differentiates with: the rule of differentiating by a matrix entry
(``\\frac{\\partial X_{ij}}{\\partial X_{kl}} = \\delta_{ik} \\delta_{jl}``), ``\\frac{\\partial x_i}{\\partial x_j} =
\\delta_{ij}``. Its two sides are equal once its derivatives are taken, so it restricts no point: it is noted as
holding (set aside with the other facts that hold identically, in one table: ``verify.identities``), not kept as a
constraint the numeric search would have to impose (a wrong one, ``\\delta_{il}
\\delta_{jk}``, is no identity and stays a constraint). Such a rule is what a page writes when it works in index
notation (tensor notation): ``index_notation`` says so, and the reader then sums an index written twice in one
product, in no sum and not on the claim's left (Einstein's convention, read.einstein)."""

from __future__ import annotations

import sympy as sp

from ..tensors import Constraint


def entry_rule(c: Constraint) -> bool:
    """Whether ``c`` is a derivative of an array's entry by an entry of that array (or a name by itself) whose two
    sides are equal once the derivative is taken."""
    lhs = c.lhs
    if not isinstance(lhs, sp.Derivative) or len(lhs.variables) != 1:
        return False
    top, by = lhs.expr, lhs.variables[0]
    same = isinstance(top, sp.Indexed) and isinstance(by, sp.Indexed) and top.base == by.base
    if not same:
        return False
    try:
        return sp.expand(lhs.doit() - c.rhs) == 0
    except (TypeError, ValueError, NotImplementedError):
        return False


def written(c: Constraint) -> str:
    """``c`` as the page wrote it (its reason), else as SymPy prints it."""
    return c.reason or sp.sstr(sp.Eq(c.lhs, c.rhs, evaluate=False))


def stated_rule(constraints: list[Constraint]) -> str | None:
    """The first entry rule among ``constraints`` as written, or None: a page that states one works in index notation
    (the constraint itself is set aside, noted as holding, with the other identities: ``verify.identities``)."""
    return next((written(c) for c in constraints if entry_rule(c)), None)
