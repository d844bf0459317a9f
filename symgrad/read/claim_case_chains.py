"""A case block whose rows are chains (``\\begin{cases} \\frac{1}{p_t}(p_t - p_t^2) = 1 - p_t, & i = t \\\\
\\frac{1}{p_t}(-p_i p_t) = -p_i, & i \\neq t \\end{cases}``): each row's = chain holds in its case, so the block is
read as a chain of blocks, the k-th holding each row's k-th member (a shorter row repeats its last), every block with
the rows' conditions: every member of every row is then checked in its case (noted)."""

from __future__ import annotations

from .context import Context
from .tokens import _Tok

_OPEN = {"{", "(", "[", r"\{", r"\begin{cases}", r"\begin{matrix}"}
_CLOSE = {"}", ")", "]", r"\}", r"\end{cases}", r"\end{matrix}"}


def case_chains(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each top-level case block whose rows hold an = chain written as a chain of blocks."""
    out: list[_Tok] = []
    k = 0
    while k < len(toks):
        end = _block_end(toks, k) if toks[k].text == r"\begin{cases}" and _depth(toks, k) == 0 else None
        rows = _rows(toks[k + 1:end]) if end is not None else None
        if rows is None or all(len(members) == 1 for members, _ in rows):
            out.append(toks[k])
            k += 1
            continue
        blocks = [[toks[k], *[t for members, condition in rows
                              for t in [*members[min(m, len(members) - 1)], *condition]], toks[end]]
                  for m in range(max(len(members) for members, _ in rows))]
        for n, block in enumerate(blocks):
            out += ([_Tok("sym", "=", block[0].col)] if n else []) + block
        note = "the = chains in the rows of the cases block read as a chain of blocks, each row's members in its case"
        if note not in ctx.notes:
            ctx.notes.append(note)
        k = end + 1
    return out


def _depth(toks: list[_Tok], k: int) -> int:
    depth = 0
    for t in toks[:k]:
        depth += (t.text in _OPEN) - (t.text in _CLOSE)
    return depth


def _block_end(toks: list[_Tok], k: int) -> int | None:
    """The index of the ``\\end{cases}`` that closes the block opened at ``k``."""
    depth = 0
    for m in range(k, len(toks)):
        depth += (toks[m].text in _OPEN) - (toks[m].text in _CLOSE)
        if depth == 0:
            return m if toks[m].text == r"\end{cases}" else None
    return None


def _rows(inside: list[_Tok]) -> list[tuple[list[list[_Tok]], list[_Tok]]] | None:
    """Each row as its members (the value's = chain, a trailing comma dropped) and its condition (from the ``&``,
    with the row break); None where a row has no ``&``."""
    rows, members, current, depth = [], [], [], 0
    condition: list[_Tok] | None = None
    for t in inside:
        depth += (t.text in _OPEN) - (t.text in _CLOSE)
        at_top = depth == 0 and t.text not in _OPEN and t.text not in _CLOSE
        if condition is not None:
            condition.append(t)
            if at_top and t.text == "\\\\":
                rows.append((members, condition))
                members, current, condition = [], [], None
        elif at_top and t.text == "&":
            members.append(current[:-1] if current and current[-1].text == "," else current)
            condition = [t]
        elif at_top and t.text == "=":
            members.append(current)
            current = []
        else:
            current.append(t)
    if condition is not None:
        rows.append((members, condition))
    elif current or members:
        return None
    if any(not m for members, _ in rows for m in members) or not rows:
        return None
    return rows
