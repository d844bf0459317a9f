"""Labels as indices: ``s_{y_i}`` is the element of s at sample i's class y_i (not a name ``s_y_i`` of its own, which
would make the derivative by it miss every other use of s), and ``k \\neq y_i``, ``\\mathbb{1}[y_i = k]`` relate the
label to an index. Each such reading is noted."""

from __future__ import annotations

import sympy as sp


class _Labels:
    """Labels written as a letter with a one-letter subscript (a part of the parser)."""

    def label_at(self, k: int) -> int | None:
        """Where a label such as ``y_i`` or ``y_{i}`` (a letter with one letter subscript) starting at token ``k``
        ends, else None."""
        toks = self.toks
        if k + 2 >= len(toks) or toks[k].kind != "letter" or toks[k + 1].text != "_":
            return None
        if toks[k + 2].kind == "letter":
            return k + 3
        if k + 4 < len(toks) and toks[k + 2].text == "{" and toks[k + 3].kind == "letter" and toks[k + 4].text == "}":
            return k + 5
        return None

    def label(self, k: int) -> sp.Idx:
        """The index that a label ``y_i`` (sample i's class) stands for where it subscripts an array."""
        base, sub = self.toks[k], self.toks[k + 2 if self.toks[k + 2].kind == "letter" else k + 3]
        name = f"{base.text}_{sub.text}"
        self.note(f"{name} read as a label: the class of sample {sub.text}, an index")
        return self.index(name, base)
