"""A claim that starts with ``J`` (``J = diag(s) - s s^T``, ``J_s``, ``J_{ij}``) and no name J in the problem: the
Jacobian of the page's one vector definition (or of the defined s it names), as pages write it."""

from __future__ import annotations

import sympy as sp

from ..tensors import Definition, name_of
from .context import Context
from .tokens import _Tok


def jacobian_named(latex: str, side: list[_Tok], ctx: Context) -> str | None:
    """``J``, ``J_{ij}``, ``\\mathbf{J}`` left of a claim's first ``=``, no name J in the problem, and one vector
    definition of one vector input (``s_i = e^{z_i}/...``): the derivative it names, ``\\frac{\\partial s_i}{\\partial
    z_j}`` (noted); ``J_s``, ``Js`` (the subscript copied flat) name the defined s whose Jacobian it is. None for
    anything else."""
    toks = [t for t in side if t.text not in ("{", "}", r"\mathbf", r"\boldsymbol", r"\mathrm", r"\mathfrak")]
    texts = [t.text for t in toks]
    if not texts or texts[0] != "J" or any(k in ctx.definitions or k in ctx.tensors for k in ("J", "j")):
        return None
    rest = texts[2:] if texts[1:2] == ["_"] else texts[1:]
    of = rest[0].lstrip("\\") if len(rest) == 1 else None
    node, rows = _jacobian_of(of, rest, ctx)
    if node is None:
        return None
    inputs = {a.base for a in node.rhs.atoms(sp.Indexed) if name_of(a.base) not in ctx.definitions and len(a.indices) == 1}
    if len(inputs) != 1 or (isinstance(node.lhs, sp.Indexed) and len(node.lhs.indices) != 1):
        return None
    var = name_of(inputs.pop())
    top = rest[0] if of in ctx.definitions else name_of(node.lhs)
    row = f"_{{{rows[0]}}}" if isinstance(node.lhs, sp.Indexed) else ""
    ctx.notes.append(f"{'J_' + of if of in ctx.definitions else 'J'} read as the Jacobian ∂{top.lstrip(chr(92))}"
                     f"{row.replace('{', '').replace('}', '')}/∂{var}_{rows[1]}")
    return rf"\frac{{\partial {top}{row}}}{{\partial {var}_{{{rows[1]}}}}}"


def _jacobian_of(of: str | None, rest: list[str], ctx: Context) -> tuple[Definition | None, list[str]]:
    """The definition a Jacobian ``J_s`` (the defined s) or ``J``, ``J_{ij}`` (the last vector defined) is of, and
    its two index letters."""
    if of in ctx.definitions:
        return ctx.definitions[of], ["i", "j"]
    rows = rest or ["i", "j"]
    vectors = [d for d in ctx.definitions.values() if isinstance(d.lhs, sp.Indexed) and len(d.lhs.indices) == 1]
    if not vectors or len(rows) != 2 or not all(len(r) == 1 and r.isalpha() for r in rows):
        return None, rows
    return vectors[-1], rows
