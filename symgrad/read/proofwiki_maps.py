"""ProofWiki's ``\\map {f} {x}`` (its macro for a function applied, ``f(x)``): the function's tokens, then the argument
in brackets, so that ``\\map {D_z} {\\tanh z}`` reads as ``D_z(\\tanh z)``."""

from __future__ import annotations

from collections.abc import Callable


def mapped(toks: list, k: int, tok: Callable[..., object]) -> tuple[list, int] | None:
    """The tokens ``f(x)`` that ``\\map {f} {x}`` at ``k`` stands for, and the index past it; None for anything else."""
    if toks[k].text != r"\map" or toks[k + 1].text != "{":
        return None
    first = group_end(toks, k + 1)
    if first is None or toks[first].text != "{":
        return None
    second = group_end(toks, first)
    if second is None:
        return None
    return [*toks[k + 2:first - 1], tok("sym", "(", toks[first].col), *toks[first + 1:second - 1],
            tok("sym", ")", toks[second - 1].col)], second


def group_end(toks: list, start: int) -> int | None:
    """The index past the brace group opening at ``start``, or None where it does not close."""
    depth = 0
    for m in range(start, len(toks)):
        depth += (toks[m].text == "{") - (toks[m].text == "}")
        if depth == 0:
            return m + 1
    return None
