"""A fact that gives a name its value written out (``y = np.array([0, 0, 1, 0])``, ``y = \\begin{bmatrix}1 \\\\ 0
\\end{bmatrix}``): code reaches the code reader whole (its ``np.`` kept), and the array is the name's definition, a
constant, not an equation about a scalar."""

from __future__ import annotations

import re
from collections.abc import Callable

from .bold_macros import bolded
from .code import code_pieces
from .context import Context
from .damage_stars import starred
from .given_chains import named_chain
from .given_conditions import condition
from .given_identities import restated_notation
from .given_plus_minus import plus_minus
from .plain_names import plain_name
from .tokens import _GREEK, _code_tokens, _plain_rewritten, _Tok, _tokenize

_ENTRY = {"digit", "end"}
_LAYOUT = {"\\\\", "&", ".", ",", "-", "+"}


def fact_tokens(latex: str) -> list[_Tok]:
    """A fact's tokens; code through the code reader, whole (it notes what it decides), LaTeX and words as written
    (a name equal to either sign of a number as the set of the two), a plain-text name with its label as the formula
    reader reads it (``x1 = 2`` is x_{1} = 2, not x times 1 = 2)."""
    pieces = code_pieces(latex) if isinstance(latex, str) else None
    if pieces is not None:
        return _code_tokens(pieces, latex)
    toks = _plain_rewritten(_tokenize(latex), latex, lambda t, k, src: plain_name(t, k, src, _Tok))  # h0: h_{0}
    toks = bolded(toks, _GREEK, _Tok)  # \bx \in \bb{R}^n: a page's macros for bold letters
    return plus_minus(starred(toks, _Tok))  # j^*: a name; b_i = \pm 1: b_i \in \{-1, 1\}


def is_array_value(right: list[_Tok]) -> bool:
    """Whether the cleaned tokens ``right`` are one array of numbers written out (a vector or matrix literal)."""
    inner = right[1:-1] if right and right[-1].kind == "end" else right
    if len(inner) < 3 or inner[0].text != r"\begin{matrix}" or inner[-1].text != r"\end{matrix}":
        return False
    return all(t.kind in _ENTRY or t.text in _LAYOUT for t in inner[1:-1])


_SCIENTIFIC = re.compile(r"(\s*\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?\s*=\s*)(\d+(?:\.\d+)?)[eE]([-+]?\d+)(\s*[.,;]?\s*)")


def scientific_value(latex: str) -> tuple[str, str] | None:
    """``eps = 1e-100``, ``\\epsilon = 1e-8``: a name given a value in scientific notation (as code writes it), as
    LaTeX (``eps = 1 \\cdot 10^{-100}``) and the note saying how it was read; None for anything else (``e-1`` alone
    has two readings, and the reader refuses it there)."""
    m = _SCIENTIFIC.fullmatch(latex)
    if m is None:
        return None
    power = int(m[3])
    value = rf"{m[2]} \cdot 10^{{{power}}}"
    return f"{m[1]}{value}", (f"{' '.join(latex.split())} read as the definition {m[1].strip()} {m[2]} x 10^{power} (scientific "
                                    "notation, as code writes it)")


def read_alone(latex: str, ctx: Context, define: Callable[[str, Context], object]) -> bool:
    """Read a fact that stands alone, noted: a definition restated in a chain (``\\hat y = Xw = \\sum_k x_k w_k``) or a
    constant in scientific notation (``eps = 1e-8``), read by ``define``, or a condition only on where the claim holds (``w_j \\neq 0``, ``\\det X > 0``); False for any other fact."""
    if named_chain(latex):  # \hat y = Xw = \sum_k x_k w_k: the definition's reader notes the chain
        define(latex, ctx)
        return True
    scientific = scientific_value(latex)
    if scientific is not None:
        define(scientific[0], ctx)
    note = scientific[1] if scientific is not None else condition(latex) or restated_notation(latex)
    if note is not None:
        ctx.notes.append(note)
    return note is not None
