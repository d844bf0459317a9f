"""A conditional probability nothing defines, ``p(y = +1 | x)`` or ``P(A \\mid B)``: a number that depends on the
names written in it, read as an unknown function of them, one per event and condition as written (spaces aside).
Its derivative by a variable it does not mention is 0 (``\\partial / \\partial b`` of ``p(y=+1|x)(b-1)^2``); by one it
mentions it stays unknown, so no claim that drops it is proved. Read only where every name in it is a number: a
probability of arrays (``p(\\mathbf{t}|\\mathbf{w})``) is left to the reader as before."""

from __future__ import annotations

from typing import Any

import sympy as sp

from .tokens import _GREEK, _Tok
from .vocabulary import _Val

_LETTERS = {"p", "q"}  # a capital glued to its ( is refused before (read.applications): P(A) or P times A
_BARS = {"|", r"\mid"}
_ALLOWED = {"=", "+", "-", ","} | _BARS


def conditional_probability(p: Any, name: str, tok: _Tok) -> _Val | None:
    """The value of ``name(A | B)`` at the parser ``p`` (at its ``(``, glued to the letter ``tok``), as an unknown
    function of the names in A and B, past its ``)``; None where it is no such probability."""
    if name not in _LETTERS or not p.at("(") or p.peek().col != tok.col + 1 or p.declared(name) or \
            name in p.ctx.functions:
        return None
    inside = _inside(p.toks, p.pos)
    if inside is None or sum(t.text in _BARS for t in inside) != 1:
        return None
    names = sorted({t.text.lstrip("\\") for t in inside if t.kind == "letter" or t.text[1:] in _GREEK}, key=str)
    values = [p.ctx.tensors.get(n, sp.Symbol(n)) for n in names]
    if not all(type(v) is sp.Symbol for v in values):
        return None
    written = "".join("|" if t.text in _BARS else t.text for t in inside)
    p.pos += len(inside) + 2
    p.note(f"{name}({written}) read as a conditional probability nothing defines: an unknown function of "
           f"{', '.join(names)}")
    return _Val(sp.Function(f"{name}({written})")(*values), ())


def _inside(toks: list[_Tok], k: int) -> list[_Tok] | None:
    """The tokens between the ``(`` at ``k`` and its ``)`` where each is a letter, a digit, a Greek letter or one of
    ``= + - , |``; else None."""
    for j in range(k + 1, len(toks)):
        t = toks[j]
        if t.text == ")":
            return toks[k + 1:j] if j > k + 1 else None
        if not (t.kind in ("letter", "digit") or t.text in _ALLOWED or t.text[1:] in _GREEK):
            return None
    return None
