"""Plain text's words for the trace (``∇A (trace of AB A^T C)``, ``tr of X^T X``, ``the trace of (A B)``) as the
operator LaTeX writes, ``\\operatorname{tr}(...)``: the argument runs to what closes the bracket the words stand in,
or to the next ``=`` or ``,`` outside brackets. Only in plain text (LaTeX writes ``\\operatorname{tr}``), and only
where ``of`` follows the word, so that a name ``tr`` or ``trace`` is left as written."""

from __future__ import annotations

import re

_WORD = re.compile(r"(?:the\s+)?(?:trace|tr)\s+of\s+", re.IGNORECASE)
_STOPS = {"=", ","}


def _argument_end(toks: list, start: int) -> int:
    """The index of the token that ends the argument starting at ``start``."""
    depth, m = 0, start
    while toks[m].kind != "end":
        depth += (toks[m].text in "([{") - (toks[m].text in ")]}")
        if depth < 0 or depth == 0 and toks[m].text in _STOPS:
            return m
        m += 1
    return m


def traced(toks: list, k: int, src: str, tok: type) -> tuple[list, int] | None:
    """``trace of X`` at ``k`` as ``\\operatorname{tr}(X)`` and the index past X; None for anything else."""
    t = toks[k]
    found = _WORD.match(src, t.col - 1)
    if t.kind != "letter" or found is None or re.search(r"[A-Za-z]$", src[:t.col - 1]):
        return None
    start = k
    while toks[start].kind != "end" and toks[start].col <= found.end():
        start += 1
    end = _argument_end(toks, start)
    if end == start:
        return None
    head = [tok("cmd", r"\operatorname", t.col), tok("sym", "{", t.col), tok("letter", "t", t.col),
            tok("letter", "r", t.col), tok("sym", "}", t.col), tok("sym", "(", t.col)]
    return [*head, *toks[start:end], tok("sym", ")", toks[end].col)], end


def trace_notes(src: str) -> list[str]:
    """The note for a verdict where ``src`` writes the trace in words."""
    if "\\" in src or not any(not re.search(r"[A-Za-z]$", src[:m.start()]) for m in _WORD.finditer(src)):
        return []
    return ["plain text: 'trace of X' read as tr(X), X running to the bracket that closes around it or the next ="]
