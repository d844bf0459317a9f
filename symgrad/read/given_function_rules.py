"""A fact stating the derivative of a function nothing defines, in terms of that function (``g'(z) = g(z)(1 - g(z))``
where the definitions only apply g, as Ng's CS229 notes state the logistic function's): a rule the page gives for its
unknown function. g stays unknown and every derivative of it follows the rule, so the claim is judged for any g with
that derivative, noted. A function the definitions define is no such fact: verify judges that statement as a claim
first (given_derivatives), and one defined after the fact is refused (``check_rules``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from .given_derivatives import _KNOWN, _STATED
from .tokens import _UNICODE, _split, _tokens

_RULE = "{fact}: read as the rule for {name}, a function nothing defines: each derivative of {name} follows it, and the claim is judged for any {name} with that derivative"


def stated_rule(latex: str, ctx: Any, side: Callable[[str, list, Any], tuple[Any, sp.Expr | None]]) -> bool:
    """Record ``g'(z) = g(z)(1 - g(z))`` (g applied nowhere defined, not a function symgrad knows; the right side a
    formula of z and g(z) alone) as g's rule in ``ctx.derivative_rules``, noted; False, nothing recorded, for any
    other fact. ``side`` reads one side of an equation alone (facts._side)."""
    m = _STATED.match(latex)
    name = m and (m["primed"] or m["over"] or m["applied"])
    by = m and (m["by"] or m["by_applied"] or (m["arg"] or "").strip())
    if not name or not by:
        return False
    name, by = _UNICODE.get(name, name).lstrip("\\"), _UNICODE.get(by, by)
    if f"\\{name}" in _KNOWN or name in _KNOWN or ctx.known(name) or name in ctx.derivative_rules or ctx.known(by):
        return False
    parts = _split(_tokens(latex), {"="})
    if len(parts) != 2 or len(parts[1]) < 2:
        return False
    rule: list[sp.Expr] = []
    fn = sp.Function(name, fdiff=lambda self, argindex=1: rule[0].xreplace({param: self.args[0]}))
    ctx.derivative_rules[name] = fn
    _, value = side(latex, parts[1][1:], ctx)
    param = sp.Symbol(by.lstrip("\\"))
    applied = value.atoms(AppliedUndef) if value is not None else set()
    if value is None or value.free_symbols - {param} or applied != {fn(param)} or value.atoms(sp.Derivative):
        del ctx.derivative_rules[name]
        return False
    rule.append(value)
    ctx.notes.append(_RULE.format(fact=" ".join(latex.split()), name=name))
    return True


def check_rules(ctx: Any) -> None:
    """Refuse a rule for a function the definitions went on to define: the stated derivative is then a claim about
    that definition, to be judged, never a rule to follow."""
    for name in ctx.derivative_rules:
        if name in ctx.functions or name in ctx.definitions:
            raise ParseError(f"{name}' is stated as a fact and {name} is defined too: give the derivative as the claim "
                             f"to check ({name}'(x) = ...), or leave the definition out", column=1)
