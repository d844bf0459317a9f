"""A claim written in LaTeX read into a problem (``--given``, ``--define``, ``--assume``, ``--of``, ``--claim``)
and judged; bad input is the verdict unreadable, never an exception."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy as sp

from ..errors import ParseError, SelfCheckError, SymgradError
from ..tensors import Definition, Node, name_of
from .judging import judge
from .problem import _free_indices
from .proof import _is_zero
from .verdict import Verdict, VerifyError


def verify(claim: str, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0) -> Verdict:
    """Judge a hand derivation written in LaTeX (see the module docstring for the verdicts).

    ``claim`` may be a chain ``A = B = C``; ``of`` names the derivative (``\\frac{\\partial p_i}{\\partial a_j}``)
    when the claim does not start with it; ``define`` are equations naming things (``p_i = ...``),
    ``given`` shapes, ranges and constraints, ``assume`` a case (``i = j``). Never raises for bad input:
    an unreadable input gives the verdict "unreadable" with the column and the reason. Raises ``SelfCheckError``
    only when the engine's derivative disagrees with the definitions (a bug in symgrad, never a verdict).
    """
    from .. import parse

    ctx = parse.Context()
    try:
        source = "--given"  # shapes first: they decide how the definitions read
        for text in given:
            parse.parse_given(text, ctx)
        source = "--define"
        for text in define:
            parse.parse_definition(text, ctx)
        source = "--assume"
        assumptions = [a for a in (parse.parse_assumption(text, ctx) for text in assume) if a is not sp.true]
        source = "--given"
        ctx.settle()  # facts that wait for the definitions: dL/dy = g, y one-hot, A = A^T
        source = "--of"
        derivative = parse.parse_derivative(of, ctx) if of else None
        source = "--claim"
        members = [(m.text, m.value, m.indices) for m in parse.parse_claim(claim, ctx)]
        # parse_claim names an array member's axes after the derivative, in order; read it again alone
        # to keep its own axes, so that a transposed claim shows as a layout difference
        members = [(text, *_own_axes(text, ctx, parse)) if array and not _is_derivative(value)
                   else (text, value, array) for text, value, array in members]
        source = ""
        if derivative is None:
            derivative = _derivative_in(members, ctx)
        of_node, var = derivative
        if isinstance(of_node, sp.Basic) and of_node.atoms(sp.Derivative):
            raise VerifyError("a derivative of an expression that holds a derivative (a higher derivative) is not "
                              "supported: claim one first derivative at a time")
        definitions = list(ctx.definitions.values())
        if not isinstance(of_node, (sp.Indexed, sp.Symbol)) or name_of(of_node) not in ctx.definitions:
            of_node, extra = _named(of_node, definitions)
            definitions += extra
        marked = [(text, _marker(value), array) for text, value, array in members]
        # a case written after a claim (", i \ne j") is in ctx.assumptions too; one written i = j the reader has
        # already put into the members, so only the others are added
        written = [rel for rel in ctx.assumptions[len(assumptions):] if not isinstance(rel, sp.Eq)]
        verdict = judge(marked, of_node, var, definitions, ctx.constraints, assumptions + written, timeout)
        if ctx.notes:  # readings the context decided (e as a name, a definition restated in a chain, ...)
            verdict.message = " ".join([verdict.message, *(f"[read: {note}]" for note in ctx.notes)]).strip()
        return verdict
    except ParseError as e:
        where = f" (in {source})" if source else ""
        return Verdict("unreadable", message=f"{e}{where}", column=e.column)
    except SelfCheckError:  # the engine disagrees with the definitions: a bug in symgrad, never a verdict
        raise
    except SymgradError as e:
        return Verdict("unreadable", message=str(e))


def _is_derivative(value: Any) -> bool:
    return hasattr(value, "of") and hasattr(value, "var")


def _own_axes(text: str, ctx: Any, parse: Any) -> tuple[sp.Expr, tuple[sp.Idx | None, ...]]:
    """A member read alone: its value and its own axes (``(None, i)`` for a row vector when parse says so)."""
    (alone,) = parse.parse_claim(text, ctx)
    return alone.value, tuple(getattr(alone, "axes", alone.indices))


def _marker(value: Any) -> sp.Expr:
    """A parsed member as ``judge`` takes it: a written-out derivative becomes an unevaluated Derivative."""
    if _is_derivative(value):
        return sp.Derivative(value.of, value.var)
    return value


def _derivative_in(members: Sequence[tuple[str, Any, Any]], ctx: Any) -> tuple[sp.Expr, Node]:
    """The first derivative written in the chain: what the other members claim to equal."""
    for _, value, _ in members:
        if _is_derivative(value):
            return value.of, value.var
    raise VerifyError("the claim names no derivative: start it with \\frac{\\partial ...}{\\partial ...} = ... "
                      "or give --of")


def _named(expr: sp.Expr, definitions: Sequence[Definition]) -> tuple[Node, list[Definition]]:
    """A node standing for an inline expression: the definition it spells out, else a new one named ``f``."""
    free = list(_free_indices(expr).values())
    for d in definitions:
        if len(d.indices) == len(free) and _is_zero(d.at(*free) - expr if d.indices else d.rhs - expr):
            return (d.lhs.base[tuple(free)] if d.indices else d.lhs), []
        if isinstance(expr, sp.Symbol) and d.name == str(expr):
            return d.lhs, []
    if not free:
        node = sp.Symbol("f")
        return node, [Definition(node, expr)]
    base = sp.IndexedBase("f", shape=tuple(i.upper for i in free))
    return base[tuple(free)], [Definition(base[tuple(free)], expr)]
