"""A fact that gives a name its value written out (``y = np.array([0, 0, 1, 0])``, ``y = \\begin{bmatrix}1 \\\\ 0
\\end{bmatrix}``): code reaches the code reader whole (its ``np.`` kept), and the array is the name's definition, a
constant, not an equation about a scalar."""

from __future__ import annotations

from .code import code_pieces
from .tokens import _code_tokens, _Tok, _tokenize

_ENTRY = {"digit", "end"}
_LAYOUT = {"\\\\", "&", ".", ",", "-", "+"}


def fact_tokens(latex: str) -> list[_Tok]:
    """A fact's tokens; code through the code reader, whole (it notes what it decides), LaTeX and words as written."""
    pieces = code_pieces(latex) if isinstance(latex, str) else None
    return _tokenize(latex) if pieces is None else _code_tokens(pieces, latex)


def is_array_value(right: list[_Tok]) -> bool:
    """Whether the cleaned tokens ``right`` are one array of numbers written out (a vector or matrix literal)."""
    inner = right[1:-1] if right and right[-1].kind == "end" else right
    if len(inner) < 3 or inner[0].text != r"\begin{matrix}" or inner[-1].text != r"\end{matrix}":
        return False
    return all(t.kind in _ENTRY or t.text in _LAYOUT for t in inner[1:-1])
