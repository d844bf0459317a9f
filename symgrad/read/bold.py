"""Bold over a whole formula: ``\\mathbf{Ax - b}``, ``\\textbf{Xw}`` make each letter bold (bold A x - bold b), as
the typesetting shows; ``\\textbf{Loss}``, one word, stays a name, and so does a run of three capitals or more
(``\\mathbf{MSE}``) unless each of its letters stands alone elsewhere in the formula (``\\mathbf{WH}`` beside
``\\mathbf{WHH}^T``: W, H and H). A superscript after a group that is one product written together
(``\\mathbf{XH}^T``) is typeset on its last letter, and read there: X H^T."""

from __future__ import annotations

from collections.abc import Callable

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


def spread_bold(toks: list[_Tok], pos: int, known: Callable[[str], bool] = lambda name: False) \
        -> tuple[list[_Tok], str | None] | None:
    """``toks`` with the bold group at ``pos`` written letter by letter (``\\mathbf{A}\\mathbf{x} - \\mathbf{b}``),
    and the note for a superscript read on the group's last letter; None where the group is one name (a letter, a
    word of three letters or more, unless ``known`` or the formula says each letter is a name) or holds commands."""
    if toks[pos].text not in BOLD_FONTS or toks[pos + 1].text != "{":
        return None
    end = _group_end(toks, pos + 1)
    body = toks[pos + 2:end - 1]
    runs = _runs(body)
    if len(body) == 1 and body[0].kind == "letter":  # \textbf{ s}: one bold letter, as \mathbf{s}
        return None if toks[pos].text != r"\textbf" else ([*toks[:pos], _Tok("cmd", r"\mathbf", toks[pos].col),
                                                            *toks[pos + 1:]], None)
    if not runs or any(len(r) > 2 and not _product_of_names(body, r, toks, pos, end, known) for r in runs) or \
            any(t.kind != "letter" and t.text not in _BETWEEN for t in body):
        return None
    bold = {k for r in runs for k in r}
    out: list[_Tok] = []
    for k, t in enumerate(body):
        if k in bold:
            out += [_Tok("cmd", r"\mathbf", t.col), _Tok("sym", "{", t.col), t, _Tok("sym", "}", t.col)]
        else:
            out.append(t)
    if len(runs) == 1 and len(body) > 1 and end < len(toks) and toks[end].text == "^":  # \mathbf{XH}^T: X H^T
        written = "".join(t.text for t in body)
        said = f"\\mathbf{{{written}}}^...: the superscript read on its last letter {body[-1].text}, where it is typeset"
        return [*toks[:pos], *out, *toks[end:]], said
    return [*toks[:pos], _Tok("sym", "(", toks[pos].col), *out, _Tok("sym", ")", toks[end - 1].col), *toks[end:]], None


def _product_of_names(body: list[_Tok], run: list[int], toks: list[_Tok], pos: int, end: int,
                      known: Callable[[str], bool]) -> bool:
    """Whether the run of letters ``run`` of ``body`` is capitals only, each a name the problem ``known`` already or
    the formula writes elsewhere alone or in a group of two (``\\mathbf{WH}``, ``\\nabla_{W}``): a product of those
    matrices, not an acronym."""
    letters = [body[k].text for k in run]
    if not all(len(x) == 1 and x.isupper() for x in letters):
        return False
    elsewhere = [t for k, t in enumerate(toks) if not pos <= k < end]
    alone = {t.text for k, t in enumerate(elsewhere) if t.kind == "letter" and not _joined(elsewhere, k)}
    paired = {t.text for r in _runs(elsewhere) if len(r) == 2 for t in (elsewhere[r[0]], elsewhere[r[1]])}
    return all(x in alone | paired or known(x) for x in letters)


def _joined(toks: list[_Tok], k: int) -> bool:
    """Whether the letter at ``k`` is written against a letter before or after it."""
    before = k > 0 and toks[k - 1].kind == "letter" and toks[k - 1].col + len(toks[k - 1].text) == toks[k].col
    after = k + 1 < len(toks) and toks[k + 1].kind == "letter" and toks[k].col + len(toks[k].text) == toks[k + 1].col
    return before or after
