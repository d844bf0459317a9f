"""Wolfram Alpha's plain-text derivative, as pages copy it: ``(dy(x))/(dx)`` (and ``(dy)/(dx)``, the second
``(d^2 y(x))/(dx^2)``) is ``\\frac{dy}{dx}``: each differential in its own parentheses, the function written with
its argument, which is the variable."""

from __future__ import annotations

from collections.abc import Callable


def wolfram_leibniz(toks: list, k: int, tok: Callable[..., object]) -> tuple[list, int] | None:
    """The tokens of ``\\frac{d y}{d x}`` (``\\frac{d^2 y}{d x^2}``) that ``(dy(x))/(dx)`` at ``k`` stands for, and
    the index past it; None for anything else (``(dy(t))/(dx)``: an argument that is not the variable)."""
    if [t.text for t in toks[k:k + 2]] != ["(", "d"]:
        return None
    order, m = _order(toks, k + 2)
    if not _name(toks[m]) or (order == "1" and toks[m].col != toks[m - 1].col + 1):  # dy; d^2 y
        return None
    y, m = toks[m], m + 1
    arg = None
    if toks[m].text == "(" and _name(toks[m + 1]) and toks[m + 2].text == ")":
        arg, m = toks[m + 1], m + 3
    if [t.text for t in toks[m:m + 4]] != [")", "/", "(", "d"] or not _name(toks[m + 4]):
        return None
    x, end = toks[m + 4], m + 5
    if order != "1":
        if [t.text for t in toks[end:end + 2]] != ["^", order]:
            return None
        end += 2
    if toks[end].text != ")" or (arg is not None and arg.text != x.text):
        return None
    d, var_d = toks[k + 1], toks[m + 3]
    power = [] if order == "1" else [tok("sym", "^", d.col), tok("digit", order, d.col)]
    return [tok("cmd", r"\frac", d.col), tok("sym", "{", d.col), d, *power, y, tok("sym", "}", y.col),
            tok("sym", "{", var_d.col), var_d, x, *(tok("sym", "^", x.col), tok("digit", order, x.col))[:len(power)],
            tok("sym", "}", x.col)], end + 1


def _order(toks: list, m: int) -> tuple[str, int]:
    """The derivative's order written after the first ``d`` at ``m`` (``d^2 y``), and the index of the name."""
    if toks[m].text == "^" and toks[m + 1].kind == "digit":
        return toks[m + 1].text, m + 2
    return "1", m


def _name(t) -> bool:
    """Whether ``t`` is one letter or a Greek letter (a name Wolfram Alpha writes)."""
    return t.kind == "letter" or (t.kind == "cmd" and t.text[1:].isalpha() and len(t.text) > 2)
