"""Leibniz fractions in plain text (a part of the parser's operators): ``dy/dx``, ``dσ/dx``, the operator ``d/dx``,
and ``dloss/dw`` whose numerator is a word the problem defines (read as that name, the longest one; it was d times l
times o ...)."""

from __future__ import annotations

from typing import Any

from .tokens import _GREEK


def leibniz_ahead(p: Any) -> bool:
    """Whether ``dy/dx``, ``dσ/dx``, ``dloss/dw`` or the operator ``d/dx`` (``d`` not a name) starts at ``p``'s
    position."""
    texts = [p.peek(k).text for k in range(5)]

    def name(k: int) -> bool:
        return p.peek(k).kind == "letter" or p.peek(k).text[1:] in _GREEK

    if texts[0] != "d" or p.declared("d"):
        return False
    if texts[1:3] == ["/", "d"]:
        return name(3) and p.contiguous(0)  # d/dx (...)
    if texts[2:4] == ["/", "d"] and name(1) and (name(4) or texts[4] == "("):  # dL/dw, dL/d(y_hat)
        return True
    run = defined_run_after_d(p)  # dloss/dw with loss defined: the word is the name
    return run > 1 and [p.peek(run + 1).text, p.peek(run + 2).text] == ["/", "d"] and (
        name(run + 3) or p.peek(run + 3).text == "(")


def defined_run_after_d(p: Any) -> int:
    """The number of letters after the ``d`` at ``p``'s position that spell, written together, the longest name the
    problem defines (``loss`` of ``dloss/dw``); 0 where none does."""
    spelled, longest, k = "", 0, 1
    while p.peek(k).kind == "letter":
        if not p.contiguous(k - 1):
            break
        spelled += p.peek(k).text
        if spelled in p.ctx.definitions or spelled in p.ctx.functions:
            longest = k
        k += 1
    return longest
