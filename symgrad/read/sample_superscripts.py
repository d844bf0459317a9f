"""Samples written with a bare superscript: in ``J = -\\frac{1}{m}\\sum_{i=1}^{m} y^{i} \\log(h_\\theta(x^{i})) + ...`` the
``i`` on y and x is the sample (as ``y^{(i)}`` writes it), not a power: the input sums over i and writes two names or
more so tagged, among them a sample's name (x, y). One name so tagged (``\\sum_k c_k x^k``, a polynomial) keeps the
question (refused naming both readings). Each tag is rewritten ``^{(i)}``, noted."""

from __future__ import annotations

from .context import Context
from .tokens import _Tok

_SAMPLE_LETTERS = ("x", "y")


def _summed(toks: list[_Tok]) -> set[str]:
    """The letters a ``\\sum`` of ``toks`` binds (``\\sum_{i=1}^{m}``, ``\\sum_i``)."""
    found = set()
    for k, t in enumerate(toks[:-3]):
        if t.text == r"\sum" and toks[k + 1].text == "_":
            at = k + 3 if toks[k + 2].text == "{" else k + 2
            if toks[at].kind == "letter":
                found.add(toks[at].text)
    return found


def _tags(toks: list[_Tok], letters: set[str]) -> list[tuple[int, int, str, str]]:
    """``(hat, end, letter, base)`` of each ``^i`` or ``^{i}`` with i in ``letters``, after a name: the base's letter
    (``y`` of ``y^i`` and of ``\\hat{y}^i``)."""
    out = []
    for k in range(1, len(toks) - 1):
        if toks[k].text != "^":
            continue
        braced = toks[k + 1].text == "{"
        inner, end = (toks[k + 2], k + 4) if braced else (toks[k + 1], k + 2)
        if inner.text not in letters or (braced and toks[k + 3].text != "}"):
            continue
        before = toks[k - 1]
        base = before.text if before.kind == "letter" else toks[k - 2].text if before.text == "}" and k >= 2 else ""
        if len(base) == 1 and base.isalpha():
            out.append((k, end, inner.text, base + ("'" if before.text == "}" else "")))
    return out


def sample_superscripts(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each bare sample superscript ``^i`` written ``^{(i)}`` where the input shows it is one."""
    tags = _tags(toks, _summed(toks))
    out = list(toks)
    for letter in sorted({t[2] for t in tags}):
        bases = {t[3] for t in tags if t[2] == letter}
        if len(bases) < 2 or not {b[0] for b in bases} & set(_SAMPLE_LETTERS):
            continue
        note = (f"^{letter} on {', '.join(sorted(b[0] for b in bases))} read as the sample ^{{({letter})}}: the input sums "
                f"over {letter} and tags two names so, a sample's among them")
        if note not in ctx.notes:
            ctx.notes.append(note)
        for hat, end, _, _ in (t for t in reversed(tags) if t[2] == letter):
            col = toks[hat].col
            out[hat:end] = [toks[hat], _Tok("sym", "{", col), _Tok("sym", "(", col), toks[end - 2 if end - hat == 4 else
                            hat + 1], _Tok("sym", ")", col), _Tok("sym", "}", col)]
    return out
