"""Bold over a whole formula: ``\\mathbf{Ax - b}``, ``\\textbf{Xw}`` make each letter bold (bold A x - bold b), as
the typesetting shows; ``\\textbf{Loss}``, one word, stays a name."""

from __future__ import annotations

from .tokens import _group_end, _Tok

_BETWEEN = frozenset({"+", "-", "(", ")", "[", "]", "/", "*"})  # what may stand between the letters of a bold group
BOLD_FONTS = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\pmb", r"\textbf", r"\mathbfit"})


def _runs(body: list[_Tok]) -> list[list[int]]:
    """The positions in ``body`` of each run of letters written together."""
    runs: list[list[int]] = []
    for k, t in enumerate(body):
        joined = k > 0 and body[k - 1].kind == "letter" and body[k - 1].col + len(body[k - 1].text) == t.col
        if t.kind == "letter":
            if joined:
                runs[-1].append(k)
            else:
                runs.append([k])
    return runs


def spread_bold(toks: list[_Tok], pos: int) -> list[_Tok] | None:
    """``toks`` with the bold group at ``pos`` written letter by letter (``\\mathbf{A}\\mathbf{x} - \\mathbf{b}``), or
    None where the group is one name (a letter, a word of three letters or more) or holds commands."""
    if toks[pos].text not in BOLD_FONTS or toks[pos + 1].text != "{":
        return None
    end = _group_end(toks, pos + 1)
    body = toks[pos + 2:end - 1]
    runs = _runs(body)
    if len(body) == 1 and body[0].kind == "letter":  # \textbf{ s}: one bold letter, as \mathbf{s}
        return None if toks[pos].text != r"\textbf" else [*toks[:pos], _Tok("cmd", r"\mathbf", toks[pos].col),
                                                           *toks[pos + 1:]]
    if not runs or any(len(r) > 2 for r in runs) or any(t.kind != "letter" and t.text not in _BETWEEN for t in body):
        return None
    bold = {k for r in runs for k in r}
    out: list[_Tok] = []
    for k, t in enumerate(body):
        if k in bold:
            out += [_Tok("cmd", r"\mathbf", t.col), _Tok("sym", "{", t.col), t, _Tok("sym", "}", t.col)]
        else:
            out.append(t)
    return [*toks[:pos], _Tok("sym", "(", toks[pos].col), *out, _Tok("sym", ")", toks[end - 1].col), *toks[end:]]
