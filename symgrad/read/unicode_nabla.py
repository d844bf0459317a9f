"""``∇A (tr(AB A^T C))``: a letter glued to ∇ in plain text, with that letter standing in the bracket that follows, is
the variable of the gradient (∇_A), as pages that lose the subscript in copying write it; ``∇f(x)``, where the letter
is not in the bracket, stays the gradient of f. A letter inside a word (``trace``) does not count."""

from __future__ import annotations

import re

_GLUED = re.compile(r"∇([^\W\d_])(?![^\W\d_])\s*([(\[])")
_PAIRS = {"(": ")", "[": "]"}


def _close(src: str, at: int) -> int | None:
    """The index in ``src`` of the bracket closing the one at ``at``, or None."""
    depth = 0
    for m in range(at, len(src)):
        depth += (src[m] in "([{") - (src[m] in ")]}")
        if depth == 0:
            return m
    return None


def _stands_in(letter: str, text: str) -> bool:
    """Whether ``letter`` stands in ``text`` as a name: not inside a word of three letters or more."""
    return any(len(run) < 3 for run in re.findall(r"[^\W\d_]+", text) if letter in run)


def glued_at(src: str) -> list[int]:
    """The 0-based positions in ``src`` of each ∇ glued to its variable (see the module's docstring)."""
    out = []
    for m in _GLUED.finditer(src):
        end = _close(src, m.start(2))
        if end is not None and _stands_in(m.group(1), src[m.start(2) + 1:end]):
            out.append(m.start())
    return out


def subscripted(toks: list, k: int, src: str, tok: type) -> tuple[list, int] | None:
    """``∇A (`` at ``k`` as ``∇_A (`` and the index past A; None for anything else."""
    t = toks[k]
    if t.text != r"\nabla" or t.col - 1 not in glued_at(src):
        return None
    return [t, tok("sym", "_", toks[k + 1].col), toks[k + 1]], k + 2


def nabla_notes(src: str) -> list[str]:
    """The note for a verdict where a ∇ glued to its variable was read so."""
    return [f"plain text: ∇{src[at + 1]} read as ∇_{src[at + 1]}, the gradient by {src[at + 1]} (it stands in the bracket "
            "after it)" for at in glued_at(src)]
