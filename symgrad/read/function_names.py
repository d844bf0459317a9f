"""A defined function's name written with underscores (``binary_cross_entropy(y, p)``, ``mse_loss(y, p)``, as code
names it) read whole where it is applied: its letters are no product, and its ``_`` no subscript."""

from __future__ import annotations


def spelled_function(p) -> str | None:
    """The name of a function the problem defines, words joined by underscores, spelled here and applied to ``(``;
    None for anything else (``f_i(x)`` keeps its subscript)."""
    words = (f for f in p.ctx.functions if "_" in f and all(len(w) > 1 and w.isalnum() for w in f.split("_")))
    for name in sorted(words, key=len, reverse=True):
        if p.peek(len(name)).text == "(" and "".join(p.peek(k).text for k in range(len(name))) == name and \
                all(p.contiguous(k) for k in range(len(name) - 1)):
            return name
    return None
