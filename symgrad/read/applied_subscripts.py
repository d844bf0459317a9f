"""A subscript after an application, ``\\sigma(\\mathbf{z})_i`` or ``[\\sigma(\\mathbf{a})]_i``: element i of a vector
function's value, which the reader spells ``\\sigma_i(\\mathbf{z})`` (a function with an index): as a definition's head,
and in a derivative or a claim where the function is defined with an index (``\\nabla f(x)_i`` of a scalar f is the
gradient's element, ``\\sigma(z)_k`` of the undefined sigmoid is refused elsewhere)."""

from __future__ import annotations

import sympy as sp

from .context import Context
from .tokens import _GREEK, _group_close, _group_end, _Tok

_UPRIGHT = (r"\mathrm", r"\operatorname", r"\text", r"\textrm")


def subscript_moved(toks: list[_Tok], ctx: Context, head: bool = False) -> list[_Tok]:
    """``toks`` with each ``name(args)_i`` and ``[name(args)]_i`` written ``name_i(args)``: the first name of a
    definition's ``head``, else the names of functions defined with an index."""
    out = list(toks)
    k = 0
    while k < len(out) - 3:
        bracket = out[k].text in ("[", r"\left[")
        at = k + 1 if bracket else k
        defined = ctx.definitions.get(out[at].text.lstrip("\\"))
        vector = defined is not None and isinstance(defined.lhs, sp.Indexed) and out[at].text.lstrip("\\") in ctx.functions
        if not (head and k == next((j for j, t in enumerate(out) if t.text not in ("{", "$")), 0) or vector) or (
                at and out[at - 1].text == r"\nabla"):
            k += 1
            continue
        moved = _moved(out, at, bracket)
        if moved is not None:
            end, new = moved
            out[k:end] = new
        k += 1
    return out


def _moved(toks: list[_Tok], k: int, bracket: bool) -> tuple[int, list[_Tok]] | None:
    """(end, replacement) of ``name(args)_sub`` (``]`` before ``_`` when ``bracket``) at ``toks[k]``, else None."""
    t = toks[k]
    named = _name_end(toks, k)
    if not (t.kind == "letter" or t.kind == "cmd" and t.text[1:] in _GREEK or named > k + 1) or named >= len(toks) or \
            toks[named].text != "(" or (k and toks[k - 1].kind == "letter" and toks[k - 1].col + 1 == t.col):
        return None
    close = _group_close(toks, named)
    after = close + 1 + bracket
    if close is None or (bracket and (after > len(toks) or toks[close + 1].text not in ("]", r"\right]"))):
        return None
    if after + 1 >= len(toks) or toks[after].text != "_":
        return None
    sub_end = _group_end(toks, after + 1) if toks[after + 1].text == "{" else after + 2
    return sub_end, [*toks[k:named], *toks[after:sub_end], *toks[named:close + 1]]


def _name_end(toks: list[_Tok], k: int) -> int:
    """Past the name at ``k``: one letter or Greek command, a word of glued letters (``softmax``), or an upright word
    (``\\mathrm{softmax}``, ``\\operatorname{softmax}``)."""
    if toks[k].text in _UPRIGHT and k + 1 < len(toks) and toks[k + 1].text == "{":
        return _group_end(toks, k + 1)
    end = k + 1
    while toks[k].kind == "letter" and end < len(toks) and toks[end].kind == "letter" and \
            toks[end].col == toks[end - 1].col + 1:
        end += 1
    return end

