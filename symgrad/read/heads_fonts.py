"""A name set in a font with its subscript inside the braces: ``\\mathcal{L_2}``, ``\\mathbf{x_i}``,
``\\boldsymbol{\\theta_{k}}``: the font is the name's, the subscript its label or index, as ``\\mathcal{L}_2`` writes
it; read so in definitions, claims and derivatives alike, so that the head and its uses name the same thing."""

from __future__ import annotations

from .tokens import _GREEK, _group_end, _Tok

_FONTS = frozenset({r"\mathcal", r"\mathscr", r"\mathbf", r"\boldsymbol", r"\bm", r"\mathrm", r"\mathit", r"\mathbb"})


def font_subscripts(toks: list[_Tok]) -> list[_Tok]:
    """``toks`` with each ``\\font{x_s}`` written ``\\font{x}_s`` (``s`` one token or a brace group)."""
    out: list[_Tok] = []
    k = 0
    while k < len(toks):
        moved = _moved(toks, k)
        if moved is None:
            out.append(toks[k])
            k += 1
            continue
        end, new = moved
        out += new
        k = end
    return out


def _moved(toks: list[_Tok], k: int) -> tuple[int, list[_Tok]] | None:
    """(end, replacement) of ``\\font { x _ s }`` at ``k``, else None."""
    if toks[k].text not in _FONTS or k + 4 >= len(toks) or toks[k + 1].text != "{" or toks[k + 3].text != "_":
        return None
    base = toks[k + 2]
    if not (base.kind == "letter" or base.kind == "cmd" and base.text[1:] in _GREEK):
        return None
    sub_end = _group_end(toks, k + 4) if toks[k + 4].text == "{" else k + 5
    if sub_end >= len(toks) or toks[sub_end].text != "}":
        return None
    return sub_end + 1, [*toks[k:k + 3], toks[sub_end], *toks[k + 3:sub_end]]
