"""A subscript that writes an index letter and a column number together: ``x_{i1}``, ``x_{i2}`` under a sum over i (or
in the definition of z_i) is the entry (i, 1) of a matrix x, the page's features of sample i; read as a word
(``x_i1``) it would not depend on i. Only where the letter is an index in play; ``a_{11}`` (two digits: the entry
(1, 1), or the eleventh) is left to the name reader."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok


def entry_indices(p: object, body: list[_Tok]) -> list[sp.Expr] | None:
    """The indices ``[i, 1]`` (``[1, j]``) of a braced subscript ``{i1}`` (``{1j}``) whose letter is an index in play;
    None for anything else."""
    letters = [b for b in body if b.kind == "letter"]
    digits = [b for b in body if b.kind == "digit"]
    if len(letters) != 1 or not digits or len(letters) + len(digits) != len(body) or \
            body.index(letters[0]) not in (0, len(body) - 1) or not _in_play(p, letters[0].text):
        return None
    number = sp.Integer(int("".join(b.text for b in digits)))
    index = p.index(letters[0].text, letters[0])
    return [index, number] if body[0] is letters[0] else [number, index]


def _in_play(p: object, letter: str) -> bool:
    """Whether ``letter`` is an index here: bound by a sum, given a range, or the index of the name being defined."""
    return letter in p.ctx.ranges or any(letter in scope for scope in p.binders) or \
        letter in {str(i) for i in p.protected}
