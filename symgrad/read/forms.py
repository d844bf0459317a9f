"""The form of each fact in a ``--given`` string, by the grammar ``facts.lark``: a list of (form, tokens). The
grammar and Lark (read/forms_tree.py) load at the first fact read, so that a verify without facts never imports them."""

from __future__ import annotations

from .tokens import _Tok

_IN_AS_EPSILON = (r"\epsilon", r"\varepsilon")  # X \epsilon \mathbb{R}^{n}: the element sign typed as an epsilon
_SPACES = ("\\mathbb", "\\Bbb", "\\R", "\\RR", "\\rrn", "\\Rn", "\\reals")


def respelled(toks: list[_Tok], notes: list[str]) -> list[_Tok]:
    """``toks`` with an epsilon standing between a name and a space (``\\mathbf{X}\\epsilon\\mathbb{R}^{n}``) read as
    \\in, noted; an epsilon anywhere else is left, a name."""
    out = list(toks)
    for k in range(1, len(toks) - 1):
        after = toks[k + 1]
        space = after.text in _SPACES or after.text == "R" and toks[k + 2].text == "^"
        if toks[k].text in _IN_AS_EPSILON and space and toks[k - 1].kind in ("letter", "digit", "cmd", "sym") and \
                toks[k - 1].text not in (",", "=", "(", "{", r"\in"):
            out[k] = _Tok("cmd", r"\in", toks[k].col)
            notes.append(f"{toks[k].text} between a name and a space read as \\in")
    return out


def forms(toks: list[_Tok], latex: str) -> list[tuple[str, list[_Tok]]]:
    """The facts of a ``--given`` string: each form (a rule of ``facts.lark``) with its tokens."""
    from .forms_tree import parsed_forms  # Lark and the grammar, for a string that has facts

    return parsed_forms(toks, latex)
