"""Spellings of the grammar's own tokens that pages write another way: a prime as a superscript (``f^{'}(x)``,
``f^{\\prime\\prime}``, ``f^\\prime``) is the prime; ``A =: B`` (and ``\\eqqcolon``) defines B as A, the ``:=`` written
from the right, is an ``=`` (read/prose blanks it before a definition is read; which side is the name is the
definition reader's to decide)."""

from __future__ import annotations

from collections.abc import Callable

_PRIMES = {"'", r"\prime"}
_RIGHT_DEFINES = {r"\eqqcolon", r"\eqcolon"}


def primes(toks: list, k: int, tok: Callable[..., object]) -> tuple[list, int] | None:
    """The prime tokens that ``^'``, ``^{'}``, ``^{''}``, ``^\\prime`` or ``^{\\prime\\prime}`` at ``k`` stand for, and
    the index past them; None for any other superscript. ``^{,}`` is a prime typed with the key beside it (a comma
    raised means nothing else: ``tanh^{,}(x)``)."""
    if toks[k].text != "^":
        return None
    if [t.text for t in toks[k + 1:k + 4]] == ["{", ",", "}"]:
        return [tok("sym", "'", toks[k + 2].col)], k + 4
    if toks[k + 1].text in _PRIMES:
        return [tok("sym", "'", toks[k].col)], k + 2
    end = k + 2
    while toks[k + 1].text == "{" and toks[end].text in _PRIMES:
        end += 1
    if toks[k + 1].text != "{" or end == k + 2 or toks[end].text != "}":
        return None
    return [tok("sym", "'", toks[m].col) for m in range(k + 2, end)], end + 1


def _right_define(toks: list, k: int) -> int:
    """How many tokens ``=:`` (or ``\\eqqcolon``) at ``k`` spans; 0 where none stands there."""
    if toks[k].text in _RIGHT_DEFINES:
        return 1
    after = toks[k + 1] if k + 1 < len(toks) else None
    glued = after is not None and after.text == ":" and after.col == toks[k].col + 1
    return 2 if toks[k].text == "=" and glued and (k + 2 >= len(toks) or toks[k + 2].text != "=") else 0


def right_defines_read(toks: list, tok: Callable[..., object]) -> list:
    """``toks`` with each ``=:`` (and ``\\eqqcolon``) read as ``=``, as ``:=`` is."""
    out, k = [], 0
    while k < len(toks):
        width = _right_define(toks, k)
        out.append(tok("sym", "=", toks[k].col) if width else toks[k])
        k += width or 1
    return out
