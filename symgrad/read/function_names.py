"""Names of words: a defined function's name written with underscores (``binary_cross_entropy(y, p)``,
``mse_loss(y, p)``, as code names it) read whole where it is applied (its letters no product, its ``_`` no subscript),
and a subscript of words joined by hyphens (``J_{neg-sample}``, ``L_{cross-entropy}``), a label, not index arithmetic; so
is a time step before or after t (``c_{t-1}``) where no sum binds t."""

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


def time_step(body: list, binders: list, note) -> bool:
    """Whether a subscript ``t-1``, ``t+1`` (a recurrence's step: ``c_t = f_t c_{t-1} + i_t s_t``, Adam's ``m_{t-1}``)
    is a label: the letter t, one sign, one number, and no sum binding t (there it is index arithmetic, refused); noted."""
    texts = [t.text for t in body]
    if len(texts) != 3 or texts[0] != "t" or texts[1] not in "+-" or not texts[2].isdigit() or \
            any("t" in scope for scope in binders):
        return False
    note(f"_{{{''.join(texts)}}} read as a label, the step {''.join(texts)} of a recurrence (a name of its own), not "
         "index arithmetic")
    return True
