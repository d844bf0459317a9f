"""MathJax's and KaTeX's HTML extensions wrap what they show: ``\\cssId{id}{X}``, ``\\class{name}{X}``,
``\\style{css}{X}``, ``\\htmlId{id}{X}`` ... show X. Copied from a page they are typesetting only: the command and
its first argument go, and so do the braces of X, which MathJax sets as X itself - ``\\cssId{d}{\\tfrac{d}{d\\theta}}
\\left[...\\right]`` is the operator applied to the bracket, not an operator with nothing after it inside a group.
The braces stay where a superscript or subscript follows them (``\\class{c}{x + y}^2``: the group is the base)."""

from __future__ import annotations

from typing import Any

from .proofwiki_maps import group_end

WRAPPERS = frozenset({r"\cssId", r"\class", r"\style", r"\htmlId", r"\htmlClass", r"\htmlStyle", r"\htmlData"})


def unwrapped(toks: list[Any]) -> list[Any]:
    """``toks`` with each wrapper, its first argument and the braces of what it shows removed (see the module)."""
    if not any(t.text in WRAPPERS for t in toks):
        return toks
    out: list[Any] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        first = group_end(toks, k + 1) if t.text in WRAPPERS and k + 1 < len(toks) and toks[k + 1].text == "{" \
            else None
        shown = group_end(toks, first) if first is not None and first < len(toks) and toks[first].text == "{" \
            else None
        if shown is None or shown < len(toks) and toks[shown].text in ("^", "_"):
            out.append(t)
            k += 1
            continue
        out.extend(unwrapped(toks[first + 1:shown - 1]))
        k = shown
    return out
