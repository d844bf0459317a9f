"""A claim written as a literal array (a 2 x 2 ``bmatrix`` Jacobian) of a derivative whose axes have a symbolic size
(z in R^n): the literal fixes the size, n = 2, everywhere in the problem (noted); judged at another n its missing
entries would be zeros and a right claim wrong. Refused where the size cannot be fixed (an expression such as n - 1,
two literals that disagree, or a derivative ``--of`` read before the claim)."""

from __future__ import annotations

import dataclasses

import sympy as sp

from ..errors import ParseError
from ..tensors import Definition, indices_of
from .context import Context, DerivativeOf, Function, Member


def literal_sizes(members: list[Member], target: tuple[sp.Expr, sp.Expr], ctx: Context, latex: str,
                  fixed_target: bool) -> tuple[list[Member], tuple[sp.Expr, sp.Expr]]:
    """``members`` and ``target`` with each symbolic size a literal member fixes replaced by its number, in ``ctx``
    too; unchanged where no literal meets a symbolic size."""
    axes = indices_of(target[0]) + indices_of(target[1])
    fixes: dict[sp.Symbol, sp.Integer] = {}
    for m in members:
        if isinstance(m.value, DerivativeOf) or len(m.indices) != len(axes):
            continue
        for own, axis in zip(m.indices, axes):
            size, wanted = own.upper, axis.upper
            if size is None or wanted is None or not size.is_Integer or not wanted.free_symbols:
                continue
            if not isinstance(wanted, sp.Symbol) or fixes.get(wanted, size) != size or fixed_target:
                raise ParseError(f"{m.text} is a literal of size {size} along an axis of size {wanted}: declare that "
                                 rf"size as the number (\mathbb{{R}}^{{{size}}}) to judge it", column=m.column,
                                 source=latex)
            fixes[wanted] = size
    if not fixes:
        return members, target
    _fix(ctx, fixes)
    ctx.notes.append(", ".join(f"{n} read as {v}" for n, v in fixes.items()) +
                     ", the size of the literal array the claim writes")
    members = [dataclasses.replace(m, value=_replaced(m.value, fixes), indices=tuple(i.xreplace(fixes) for i in m.indices),
                                   axes=tuple(a if a is None else a.xreplace(fixes) for a in m.axes)) for m in members]
    return members, (target[0].xreplace(fixes), target[1].xreplace(fixes))


def _replaced(value: sp.Expr | DerivativeOf, fixes: dict) -> sp.Expr | DerivativeOf:
    if isinstance(value, DerivativeOf):
        return DerivativeOf(value.of.xreplace(fixes), value.var.xreplace(fixes))
    return value.xreplace(fixes)


def _fix(ctx: Context, fixes: dict) -> None:
    """Every definition, declaration, range and constraint of ``ctx`` at the fixed sizes."""
    ctx.definitions = {k: Definition(d.lhs.xreplace(fixes), d.rhs.xreplace(fixes)) for k, d in ctx.definitions.items()}
    ctx.functions = {k: Function(f.name, tuple(p.xreplace(fixes) for p in f.params), f.body.xreplace(fixes))
                     for k, f in ctx.functions.items()}
    ctx.tensors = {k: t.xreplace(fixes) for k, t in ctx.tensors.items()}
    ctx.ranges = {k: i.xreplace(fixes) for k, i in ctx.ranges.items()}
    ctx.constraints = [dataclasses.replace(c, lhs=c.lhs.xreplace(fixes), rhs=c.rhs.xreplace(fixes))
                       for c in ctx.constraints]
    ctx.sizes = {k: s for k, s in ctx.sizes.items() if s not in fixes}

