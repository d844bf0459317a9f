"""Unicode that copies of rendered math carry beyond the reader's own table: mathematical alphanumerics (𝐱, 𝑥, 𝒙, 𝜎,
𝐖, 𝟏: MathML and Word render names with them), symbol variants (∥ for ‖, ϵ, ϕ, ⊤, ⟨ ⟩, ÷), and the pieces of a rendered
brace (⎧ ⎪ ⎨ ⎩), which are refused: the rows they held are lost in the copy, so the LaTeX source is asked for."""

from __future__ import annotations

import unicodedata

from ..errors import ParseError

_SYMBOLS = {"∥": r"\|", "ϵ": r"\epsilon", "ϕ": r"\phi", "ϑ": r"\theta", "ϱ": r"\rho", "⊤": r"\top",
            "⟨": r"\langle", "⟩": r"\rangle", "〈": r"\langle", "〉": r"\rangle", "÷": r"\div", "∕": "/", "⁄": "/",
            "∣": "|", "∘": r"\circ", "ℎ": "h", "ⅇ": "e", "＝": "=", "＋": "+", "（": "(", "）": ")"}
_BRACE_PIECES = set("⎧⎪⎨⎩⎫⎬⎭⎰⎱")
_CAPITAL_GREEK = {"gamma", "delta", "theta", "lambda", "xi", "pi", "sigma", "upsilon", "phi", "psi", "omega"}
_GREEK_NAMES = {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA", "LAMDA", "MU",
                "NU", "XI", "PI", "RHO", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA"}


def spelled(ch: str, src: str, col: int) -> str | None:
    """The LaTeX for the character ``ch`` at column ``col`` of ``src``, or None where it is none of these; a
    rendered brace's piece is refused."""
    if ch in _BRACE_PIECES:
        raise ParseError(f"{ch} is a piece of a rendered brace (a page's display of cases, copied): its rows are lost; "
                         r"paste the LaTeX source, \begin{cases} a & x < 0 \\ b & x \geq 0 \end{cases}",
                         column=col, source=src)
    if ch in _SYMBOLS:
        return _SYMBOLS[ch]
    return _alphanumeric(ch)


def _alphanumeric(ch: str) -> str | None:
    """𝐱 as ``\\mathbf{x}``, 𝑥 as ``x``, 𝜎 as ``\\sigma``, 𝟏 as ``\\mathbf{1}``: a mathematical letter or digit as the
    name it styles (bold kept, italic dropped, as LaTeX sets names italic anyway)."""
    words = unicodedata.name(ch, "").split()
    if len(words) < 3 or words[0] != "MATHEMATICAL" or words[-2] not in ("SMALL", "CAPITAL", "DIGIT"):
        return None
    letter = words[-1]
    if words[-2] == "DIGIT":
        plain = str(["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"].index(letter))
    elif letter in _GREEK_NAMES:
        name = "lambda" if letter == "LAMDA" else letter.lower()
        if words[-2] == "CAPITAL" and name not in _CAPITAL_GREEK:
            return None  # a capital alpha is an A: no reading to guess between
        plain = "\\" + (name.capitalize() if words[-2] == "CAPITAL" else name)
    elif len(letter) == 1:
        plain = letter if words[-2] == "CAPITAL" else letter.lower()
    else:
        return None
    style = words[1:-2]
    if style and style[0] == "BOLD":
        return rf"\mathbf{{{plain}}}"
    return plain if not style or style == ["ITALIC"] else None


def decorated_label(toks: list, k: int, src: str, tok: type) -> tuple[list, int] | None:
    """In plain text, ``ŷ1`` (one precomposed or combined character, then digits glued to it, starting a word) is the
    name with a label, ``\\hat{y}_{1}``, as ``y1`` is ``y_{1}``; not ``2ŷ`` nor ``aŷ1``. None for anything else."""
    head = toks[k:k + 4]
    if len(head) < 4 or head[0].kind != "cmd" or [t.text for t in head[1:4:2]] != ["{", "}"] or \
            head[2].kind != "letter" or any(t.col != head[0].col for t in head) or \
            (head[0].col > 1 and src[head[0].col - 2].isalnum()):
        return None
    end = k + 4
    first = toks[end]  # glued to the character, combining marks counted: x̂1
    if first.kind == "digit" and head[0].col < first.col <= head[0].col + 3 and not src[first.col - 2].isspace():
        end += 1
        while toks[end].kind == "digit" and toks[end].col == toks[end - 1].col + 1:
            end += 1
    if end == k + 4 or toks[end].kind == "letter" and toks[end].col == toks[end - 1].col + 1:
        return None
    col = toks[k + 4].col
    return [*head, tok("sym", "_", col), tok("sym", "{", col), *toks[k + 4:end], tok("sym", "}", toks[end - 1].col)], end
