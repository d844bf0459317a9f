"""A fact that defines notation the way symgrad reads it already (``\\mathbf{1}\\{i=j\\} = \\begin{cases} 1 & i = j \\\\
0 & i \\neq j \\end{cases}``, ``\\delta_{ij} = \\mathbb{1}[i = j]``): both sides read alone, as functions of indices only,
and equal for every pattern of equal and unequal indices. It states nothing new, so it is noted, not imposed; a side
that reads otherwise, or any other value in it, leaves the fact to the fact reader."""

from __future__ import annotations

import itertools

import sympy as sp

from ..errors import ParseError
from .context import Context

_OPEN = ("{", "(", "[", r"\{", r"\left", r"\begin")
_CLOSE = ("}", ")", "]", r"\}", r"\right", r"\end")
_MOST_INDICES = 3  # values 1..3 give every pattern of equal and unequal among three indices


def _top_level_equals(text: str) -> int | None:
    """The place of the one ``=`` outside every bracket and environment, or None (none, or several)."""
    depth, found, k = 0, [], 0
    while k < len(text):
        opened = next((o for o in _OPEN if text.startswith(o, k)), None)
        closed = next((c for c in _CLOSE if text.startswith(c, k)), None)
        if opened or closed:
            depth += 1 if opened else -1
            k += len(opened or closed)
            continue
        if text[k] == "=" and depth == 0:
            found.append(k)
        k += 1
    return found[0] if len(found) == 1 else None


def _of_indices_only(expr: sp.Expr) -> bool:
    """Whether every symbol of ``expr`` stands in a Kronecker delta or an (in)equality between indices only."""
    tests = expr.atoms(sp.KroneckerDelta) | expr.atoms(sp.Eq) | expr.atoms(sp.Ne)
    blanked = expr.xreplace({t: sp.Dummy() for t in tests})
    return not (blanked.free_symbols - {d for d in blanked.free_symbols if isinstance(d, sp.Dummy)}) and all(
        isinstance(a, (sp.Symbol, sp.Idx)) for t in tests for a in t.args)


def restated_notation(latex: str) -> str | None:
    """The note for a fact that defines index notation as symgrad reads it (both sides equal for every pattern of
    equal indices), or None when ``latex`` is no such fact."""
    from .claims import parse_expression  # claims reads facts too: imported where used

    at = _top_level_equals(latex)
    if at is None:
        return None
    try:
        sides = [parse_expression(side, Context(), strict=False) for side in (latex[:at], latex[at + 1:])]
    except (ParseError, ValueError, TypeError):
        return None
    symbols = sorted(set().union(*(s.free_symbols for s in sides)), key=str)
    if not symbols or len(symbols) > _MOST_INDICES or not all(_of_indices_only(s) for s in sides):
        return None
    for values in itertools.product(range(1, len(symbols) + 1), repeat=len(symbols)):
        point = dict(zip(symbols, values))
        if sp.simplify(sides[0].subs(point) - sides[1].subs(point)) != 0:
            return None
    return (f"'{' '.join(latex.split())}' defines notation as symgrad reads it (both sides agree for every "
            f"{', '.join(map(str, symbols))}): states nothing new")
