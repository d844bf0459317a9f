"""Plain text inside LaTeX: a paragraph with its specials escaped, a note inside a formula.

Unicode mathematics in the words (σ, ≤, ∂) is set as math; MathJax (GitHub, Jupyter) does not
read escapes such as ``\\_`` inside ``\\text``, so Markdown sets those characters as math too.
"""

from __future__ import annotations

import re
import unicodedata

from sympy.printing.pretty.pretty_symbology import greek_unicode

_UNICODE_TO_LATEX = {char: "\\" + name for name, char in greek_unicode.items() if len(char) == 1}
_UNICODE_TO_LATEX.update({
    "∂": r"\partial", "∑": r"\sum", "≠": r"\neq", "≤": r"\leq", "≥": r"\geq", "·": r"\cdot", "×": r"\times",
    "⊙": r"\odot", "→": r"\to", "∈": r"\in", "ᵀ": r"^{\top}", "√": r"\surd", "∞": r"\infty", "−": "-",
})
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                 "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _segments(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_math, piece): Unicode mathematics becomes LaTeX math, the rest stays text."""
    out: list[tuple[bool, str]] = []
    for char in text:
        if char in _UNICODE_TO_LATEX and char not in "−":
            piece, math = _UNICODE_TO_LATEX[char], True
        elif ord(char) < 128 or char == "−":
            piece, math = _UNICODE_TO_LATEX.get(char, char), False
        else:
            piece, math = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?", False
        if out and out[-1][0] == math:
            out[-1] = (math, out[-1][1] + (" " if math else "") + piece)
        else:
            out.append((math, piece))
    return out


def text_in_latex(text: str) -> str:
    """Plain text for a LaTeX paragraph: specials escaped, Unicode mathematics as ``$...$``."""
    return "".join(
        f"${piece}$" if math else "".join(_TEXT_ESCAPES.get(c, c) for c in piece) for math, piece in _segments(text)
    )


# the characters that \text needs escapes for, as math that MathJax reads
_MATH_SPECIALS = {"\\": r"\backslash", "~": r"\sim", "^": r"\hat{\ }", **{c: "\\" + c for c in "{}&%$#_"}}


def text_in_math(text: str, escape: bool = True) -> str:
    """Plain text inside a formula, as ``\\text{...}`` runs with Unicode mathematics set as math.

    MathJax (GitHub, Jupyter) does not read escapes such as ``\\_`` inside ``\\text``, so with
    ``escape=False`` the characters that need them are set as math instead.
    """
    out = []
    for math, piece in _segments(text):
        if math:
            out.append(piece)
            continue
        run = ""
        for char in piece:
            if char in _TEXT_ESCAPES:
                if escape:
                    run += _TEXT_ESCAPES[char]
                    continue
                if run:
                    out.append(rf"\text{{{run}}}")
                out.append(_MATH_SPECIALS[char])
                run = ""
            else:
                run += char
        if run:
            out.append(rf"\text{{{run}}}")
    return " ".join(out)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#$])", r"\\\1", text)
