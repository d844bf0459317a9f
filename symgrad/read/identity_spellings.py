"""The identity matrix as pages spell it besides ``I``: ``\\mathbb{I}`` and the upright ``\\mathrm{Id}``
(``\\operatorname{Id}``, ``\\text{Id}``) are ``I`` (read as the identity where nothing declares I). Followed by a
bracket or a subscript they are left alone: ``\\mathbb{I}(y = k)``, ``\\mathbb{I}_{[y = k]}`` is the indicator,
``\\mathrm{Id}(x)`` the identity map."""

from __future__ import annotations

from collections.abc import Callable

_UPRIGHT = {r"\mathrm", r"\operatorname", r"\text", r"\textrm"}
_APPLIED = {"(", "[", r"\{", "{", "_", r"\left", r"\bigl", r"\Bigl", r"\big", r"\Big"}


def identity_spelled(toks: list, k: int, tok: Callable[..., object]) -> tuple[list, int] | None:
    """The letter ``I`` that ``\\mathbb{I}`` or ``\\mathrm{Id}`` at ``k`` stands for, and the index past it; None for
    anything else."""
    t = toks[k]
    word = [u.text for u in toks[k + 1:k + 5]]
    if t.text == r"\mathbb" and word[:3] == ["{", "I", "}"]:
        end = k + 4
    elif t.text in _UPRIGHT and word == ["{", "I", "d", "}"]:
        end = k + 5
    else:
        return None
    if toks[end].text in _APPLIED:
        return None
    return [tok("letter", "I", toks[end - 1].col)], end  # at its } column: a member's text keeps the brace
