"""A definition read before the function it applies: a fact ``z_i = g(b_i)`` is read before ``--define``'s
``g(\\xi) = \\frac{1}{1 + e^{-\\xi}}`` (facts come first: they settle shapes), so it holds g as a function nothing
defines. Once every definition is read, such an application is the function's body at its arguments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef

from ..tensors import Definition
from .context import Function


def applied_late(definitions: Sequence[Definition], functions: Mapping[str, Function]) -> list[Definition]:
    """``definitions`` with each application of a defined function of scalar parameters replaced by its body there."""
    out = []
    for d in definitions:
        rhs = d.rhs
        for _ in range(len(functions) + 1):  # a body may apply another function defined late
            hits = {app: _body_at(functions[str(app.func)], app.args) for app in rhs.atoms(AppliedUndef)
                    if str(app.func) in functions and str(app.func) != d.name}
            hits = {app: body for app, body in hits.items() if body is not None}
            if not hits:
                break
            rhs = rhs.xreplace(hits)
        out.append(d if rhs is d.rhs else Definition(d.lhs, rhs))
    return out


def _body_at(fn: Function, args: tuple[sp.Basic, ...]) -> sp.Expr | None:
    if len(args) != len(fn.params) or not all(isinstance(p, sp.Symbol) for p in fn.params):
        return None
    return fn.body.xreplace(dict(zip(fn.params, args)))
