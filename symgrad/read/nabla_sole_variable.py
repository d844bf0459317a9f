"""``\\nabla`` with no subscript before an expression written in one variable (``\\nabla \\|x\\|^2``, ``\\nabla (x_1^2 +
\\dots + x_n^2)``): the gradient by that variable, noted. With two variables or more (``\\nabla (x^T A x)``: by x, or
by A) nothing decides, and the reader keeps asking for ``\\nabla_x``."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..errors import ParseError
from .tokens import _Tok
from .vocabulary import _Val


def _variables(expr: sp.Expr, sizes: set[sp.Symbol]) -> set[sp.Basic]:
    """The arrays and scalars ``expr`` is written in: not its sizes, indices or numbers."""
    arrays = {a.base for a in expr.atoms(sp.Indexed)}
    labels = {b.label for b in arrays}
    bounds = {s for i in expr.atoms(sp.Idx) for s in sp.sympify(i.upper).free_symbols | sp.sympify(i.lower).free_symbols}
    scalars = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Idx)
               and s not in labels and s not in sizes and s not in bounds}
    return arrays | scalars


def sole_variable_gradient(p: Any, t: _Tok) -> Any | None:
    """The gradient ``\\nabla body`` at ``p``'s position (the ``\\nabla``) by the one variable ``body`` is written in,
    noted; None, with nothing read, where the body does not read or has another number of variables."""
    save = p.pos
    p.next()
    start = p.peek().col
    try:
        body = p.term()
    except ParseError:
        p.pos = save
        return None
    sizes = set(p.ctx.sizes.values()) | set(p.sizes.values())
    found = _variables(sp.sympify(body.expr), sizes)
    if len(found) != 1 or str(next(iter(found))) in p.ctx.definitions:  # \nabla f(u, w): f's node, no variable
        p.pos = save
        return None
    (var,) = found
    last = p.toks[p.pos - 1]
    text = p.src[start - 1:last.col - 1 + len(last.text)].strip()
    p.note(f"\\nabla {text} read as the gradient by {var}, the one variable it is written in")
    return p.derivative(body, p.array(var, t) if isinstance(var, sp.IndexedBase) else _Val(var), t)
