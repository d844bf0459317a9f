"""Bold letters written as a page's own macros: ``\\bX``, ``\\bx``, ``\\btheta`` (``\\newcommand{\\bX}{\\mathbf{X}}``,
as textbooks' and papers' sources define them) and ``\\bb{X}``, read as ``\\mathbf{X}``.

``\\b`` followed by one letter or by a Greek letter's name is no LaTeX command (``\\bm`` and ``\\bf`` are, and stay
theirs); the reader knows it only as such a macro. ``\\bb`` is defined as bold by some pages and as blackboard bold
(``\\mathbb``) by others: after ``\\in`` it is the blackboard set (``x \\in \\bb{R}^n``), elsewhere a name in bold
(``\\bb{R}^T \\bb{R} = \\bb{I}``: a matrix R); ``\\bb{1}`` is the ones vector either way.

The Deep Learning book's notation (Goodfellow et al., and its Chinese translation's source) writes vectors ``\\Vx``,
``\\Vomega`` (``\\V`` then one lower-case letter or a Greek letter's name), matrices ``\\MA`` (``\\M`` then one capital)
and the transpose ``^\\Tsp``: no LaTeX command is spelled so (``\\Vert`` is, and stays the norm's bar)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

_LETTER = re.compile(r"\\b([A-Za-z]|[A-Za-z]{2,})$")
_COMMANDS = {"m", "f"}  # \bm{x} (the bm package's bold) and \bf (plain TeX's bold switch) are LaTeX's own
_BOOK = re.compile(r"\\(?:V([a-z]|[a-z]{2,})|M([A-Z]))$")  # the Deep Learning book's \Vx, \Vtheta, \MA
_TRANSPOSE = {r"\Tsp": r"\top"}  # the same book's transpose, \MA^\Tsp


def bolded(toks: list[Any], greek: Collection[str], tok: Callable[..., Any]) -> list[Any]:
    """``toks`` with each bold macro spelled ``\\mathbf{...}`` (``\\mathbb`` for ``\\bb`` after ``\\in``)."""
    out: list[Any] = []
    for k, t in enumerate(toks):
        if t.kind != "cmd":
            out.append(t)
            continue
        if t.text == r"\bb" and k + 1 < len(toks) and toks[k + 1].text == "{":
            out.append(tok("cmd", r"\mathbb" if out and out[-1].text == r"\in" else r"\mathbf", t.col))
            continue
        if t.text in _TRANSPOSE:
            out.append(tok("cmd", _TRANSPOSE[t.text], t.col))
            continue
        m = _LETTER.match(t.text) or _BOOK.match(t.text)
        rest = next((g for g in m.groups() if g), None) if m else None
        if rest is None or rest in _COMMANDS or t.text[1:] in greek or (len(rest) > 1 and rest not in greek):
            out.append(t)
            continue
        inner = tok("letter", rest, t.col) if len(rest) == 1 else tok("cmd", "\\" + rest, t.col)
        out.extend([tok("cmd", r"\mathbf", t.col), tok("sym", "{", t.col), inner, tok("sym", "}", t.col)])
    return out
