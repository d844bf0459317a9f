"""Matrix and vector literals: ``\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}`` (pmatrix, matrix, an array of
entries) and a bracket list ``[a, b]``: an array value whose entries are given one by one.

The literal is one index expression on fresh indices sized by its shape (rows by ``\\\\``, columns by ``&``), the sum
of each entry times Kronecker deltas that pick its position (not a Piecewise: SymPy moves a sum into the pieces of a
Piecewise whose conditions name the summed index); so a 2 x 2 literal meets only 2 x 2 arrays. A column (one entry a
row) is a column vector, a single row a row vector. ``a_1 \\\\ \\vdots \\\\ a_n`` is the vector a (noted); entries that
are arrays themselves (block matrices) and dots in any other pattern are refused, naming them, never guessed.
"""

from __future__ import annotations

from typing import Protocol

import sympy as sp

from .tokens import _DOTS, _Tok
from .vocabulary import _Val

_END = r"\end{matrix}"
_ALL_DOTS = _DOTS | {r"\vdots", r"\ddots"}


class _Reader(Protocol):
    """The parts of the parser a literal uses."""

    pos: int

    def expr(self) -> _Val: ...
    def at(self, text: str) -> bool: ...
    def peek(self, k: int = 0) -> _Tok: ...
    def next(self) -> _Tok: ...
    def expect(self, text: str, opened: _Tok) -> _Tok: ...
    def error(self, msg: str, t: _Tok) -> Exception: ...
    def fresh(self, extent: sp.Expr, preferred: str | None = None) -> sp.Idx: ...
    def note(self, text: str) -> None: ...
    def size(self, name: str) -> sp.Symbol: ...


def _entry(p: _Reader) -> sp.Expr | None:
    """One entry: a scalar, or None for dots (``\\vdots``, ``\\cdots``); an array entry refused."""
    t = p.peek()
    if t.text in _ALL_DOTS:
        p.next()
        return None
    v = p.expr()
    if v.axes:
        raise p.error("an entry of a matrix literal is an array (a block matrix): write its entries out", t)
    return v.expr


def literal(rows: list[list[sp.Expr]], p: _Reader, t: _Tok) -> _Val:
    """The array value of ``rows`` (each a list of entries, all of one length) on fresh indices."""
    if any(e is None for row in rows for e in row):
        return _dotted(rows, p, t)
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        raise p.error(f"the rows of this matrix literal have {sorted({len(r) for r in rows})} entries: every row "
                      "needs the same number", t)
    if len(rows) == 1 and width == 1:
        return _Val(rows[0][0], ())
    i = p.fresh(sp.Integer(len(rows))) if len(rows) > 1 else None
    j = p.fresh(sp.Integer(width)) if width > 1 else None
    picked = sp.Add(*(e * sp.Mul(*(sp.KroneckerDelta(a, n) for a, n in ((i, r), (j, c)) if a is not None))
                      for r, row in enumerate(rows, 1) for c, e in enumerate(row, 1)))
    return _Val(picked, (i, j))


def _dotted(rows: list[list[sp.Expr | None]], p: _Reader, t: _Tok) -> _Val:
    """``a_1 \\\\ \\vdots \\\\ a_n`` (or a row ``a_1 & \\cdots & a_n``): the vector a, its elements numbered from 1
    then one generic last element; any other pattern around dots is refused, naming them."""
    column = all(len(r) == 1 for r in rows)
    entries = [r[0] for r in rows] if column else rows[0] if len(rows) == 1 else []
    firsts, last = entries[:-2], entries[-1] if entries else None
    run = len(entries) >= 3 and entries[-2] is None and isinstance(last, sp.Indexed) and len(last.indices) == 1 \
        and not last.indices[0].is_number and all(isinstance(e, sp.Indexed) and e.base == last.base and
                                                   e.indices == (n,) for n, e in enumerate(firsts, 1))
    if not run:
        raise p.error("dots in this matrix literal follow no pattern the reader knows (a_1, ..., a_n: a vector a): "
                      "write the entries out, or the array by its name with its index (a_i)", t)
    bound = last.indices[0]
    i = p.fresh(p.size(str(bound)) if isinstance(bound, (sp.Idx, sp.Symbol)) else bound)
    p.note(f"the literal {last.base}_1, ..., {last.base}_{bound} read as the vector {last.base}")
    return _Val(last.base[i], (i, None) if column else (None, i))


def matrix_environment(p: _Reader, t: _Tok) -> _Val:
    """``\\begin{bmatrix} ... \\end{bmatrix}`` after its opening token ``t``: entries by ``&``, rows by ``\\\\``
    (a trailing ``\\\\`` ends no row)."""
    rows: list[list[sp.Expr]] = [[]]
    while True:
        rows[-1].append(_entry(p))
        if p.at("&"):
            p.next()
        elif p.at("\\\\"):
            p.next()
            if p.at(_END):
                break
            rows.append([])
        else:
            break
    p.expect(_END, t)
    return literal(rows, p, t)


def bracket_list(first: _Val, p: _Reader, t: _Tok, close: str) -> _Val:
    """``[a, b, c]`` after its first entry ``first``, up to ``close``: a column vector of the entries."""
    if first.axes:
        raise p.error("an entry of a bracket list is an array: write its entries out", t)
    entries = [first.expr]
    while p.at(","):
        p.next()
        entries.append(_entry(p))
    p.expect(close, t)
    return literal([[e] for e in entries], p, t)
