"""Names of words: a defined function's name written with underscores (``binary_cross_entropy(y, p)``,
``mse_loss(y, p)``, as code names it) read whole where it is applied (its letters no product, its ``_`` no subscript),
and a subscript of words joined by hyphens (``J_{neg-sample}``, ``L_{cross-entropy}``), a label, not index arithmetic."""

from __future__ import annotations

import itertools


def spelled_function(p) -> str | None:
    """The name of a function the problem defines, words joined by underscores, spelled here and applied to ``(``;
    None for anything else (``f_i(x)`` keeps its subscript)."""
    words = (f for f in p.ctx.functions if "_" in f and all(len(w) > 1 and w.isalnum() for w in f.split("_")))
    for name in sorted(words, key=len, reverse=True):
        if p.peek(len(name)).text == "(" and "".join(p.peek(k).text for k in range(len(name))) == name and \
                all(p.contiguous(k) for k in range(len(name) - 1)):
            return name
    return None


def words_joined(body: list) -> bool:
    """Whether the tokens of a subscript are words of two letters or more joined by ``-`` (``neg-sample``), each word's
    letters written together: a label; ``k+1``, ``i-1``, ``ij-1`` are index arithmetic."""
    words: list[list] = [[]]
    for t in body:
        if t.text == "-":
            words.append([])
        else:
            words[-1].append(t)
    return len(words) > 1 and all(len(w) > 1 and all(t.kind == "letter" for t in w) and
                                  all(b.col == a.col + len(a.text) for a, b in itertools.pairwise(w)) for w in words)
