"""A name that takes either sign of a number (``b_i = \\pm 1``, labels ±1): the set of the two values,
``b_i \\in \\{-1, 1\\}``, as a fact states it. ``\\pm`` anywhere else (``a \\pm b``, a side of more than a number) is
left to the reader's refusal: two values of an expression are no fact symgrad reads."""

from __future__ import annotations

from .tokens import _DECORATIONS, _FONTS, _GREEK, _Tok

_RELATIONS = {"=", r"\in"}
_CLOSING = {r"\)", r"\]", "$", ".", ",", ";"}  # what may follow the number: the formula's end, punctuation
_OPENING = {r"\(", r"\[", "$"}
_NAME_PARTS = {"_", "{", "}", *(f"\\{g}" for g in _GREEK), *_FONTS, *_DECORATIONS}


def _is_name(toks: list[_Tok]) -> bool:
    """Whether ``toks`` spell one name (``b_i``, ``\\hat{y}_{n}``, ``\\sigma``): no operator, no derivative."""
    written = [t for t in toks if t.text not in _OPENING]
    return bool(written) and written[0].kind in ("letter", "cmd") and all(
        t.kind in ("letter", "digit") or t.text in _NAME_PARTS for t in written)


def plus_minus(toks: list[_Tok]) -> list[_Tok]:
    """``toks`` with ``NAME = \\pm c`` (c a number) as ``NAME \\in \\{-c, c\\}``; ``toks`` unchanged otherwise."""
    at = [k for k, t in enumerate(toks) if t.text == r"\pm"]
    if len(at) != 1 or at[0] < 2 or toks[at[0] - 1].text not in _RELATIONS:
        return toks
    k = at[0]
    end = k + 1
    while end < len(toks) and (toks[end].kind == "digit" or toks[end].text == "." and end + 1 < len(toks)
                               and toks[end + 1].kind == "digit"):
        end += 1
    rest = toks[end:]
    if end == k + 1 or not _is_name(toks[:k - 1]) or not all(
            t.text in _CLOSING or t.kind == "end" for t in rest):
        return toks
    value, col = toks[k + 1:end], toks[k].col
    spelled = [_Tok("cmd", r"\{", col), _Tok("sym", "-", col), *value, _Tok("sym", ",", col), *value,
               _Tok("cmd", r"\}", col)]
    return [*toks[:k - 1], _Tok("cmd", r"\in", toks[k - 1].col), *spelled, *rest]
