"""``\\delta`` where it opens an operand (a part of the parser's operators): ``\\delta F / \\delta x`` (a partial
derivative written with delta), ``\\delta^j_m`` (read.indices) and ``\\delta_{ij}``, the Kronecker delta of two
indices of one range; None for a bare ``\\delta``, a name."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok
from .vocabulary import _extent, _Val


def delta(p: object, t: _Tok) -> _Val | None:
    """What ``\\delta`` at ``t`` (``p``'s position) opens: a derivative written with delta, the Kronecker delta
    (indices up and down, or two subscripted), or None (nothing read) for a bare ``\\delta``."""
    if p.peek(1).text not in ("_", "^") and not p.ctx.declared_elsewhere("delta") and p.inline_derivative_ahead():
        return p.inline_derivative(t)  # \delta F / \delta x: the partial derivative, written with delta
    up = p.delta_up(t)
    if up is not None or p.peek(1).text != "_":
        return up
    start = p.pos
    p.pos += 1
    run = p.index_run(2)
    if run is None:
        p.next()
    kind, got = ("indices", run) if run is not None else p.subscript()
    if len(got) == 1:  # \delta_j: no Kronecker delta has one index - the name delta, element j
        p.pos = start
        p.note("\\delta with one index read as an element of a vector delta (a Kronecker delta has two indices)")
        return None
    if kind != "indices" or len(got) != 2:
        raise p.error(r"\delta_{ij} needs two indices", t)
    p.unify(_extent(got[0]), _extent(got[1]), t, "Kronecker delta")
    return _Val(sp.KroneckerDelta(*got))
