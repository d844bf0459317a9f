"""Sums as pages bound them: a sum counted from 0 read as one counted from 1 (a part of the parser)."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok


def _counted_from_one(body: sp.Expr, idx: sp.Idx, upper: sp.Expr) -> tuple[sp.Idx, sp.Expr, bool]:
    """The index running 1..upper+1 for ``idx`` running 0..upper, and the body in it: the elements it subscripts are
    relabelled (x_0..x_{n-1} are x_1..x_n: the same elements), and where the index is a number it is ``new - 1``."""
    new = sp.Idx(idx.label, (1, upper + 1))
    keep = sp.Dummy(str(idx))
    kept = body.replace(lambda e: isinstance(e, (sp.Indexed, sp.KroneckerDelta)) and idx in e.free_symbols,
                        lambda e: e.xreplace({idx: keep}))
    return new, kept.xreplace({idx: new - 1}).xreplace({keep: new}), kept != body


class _Sums:
    """Summation bounds (a part of the parser)."""

    def from_one(self, binders: list, body: sp.Expr, t: _Tok) -> tuple[list, sp.Expr]:
        """A sum from 0 (``\\sum_{i=0}^{n-1} x_i``) counted from 1, noted: see ``_counted_from_one``."""
        out = []
        for idx, lower, upper in binders:
            if lower != 0 or upper is None:
                out.append((idx, lower, upper))
                continue
            new, body, relabelled = _counted_from_one(body, idx, upper)
            if relabelled:
                self.note(f"the sum over {idx} from 0 read from 1 (subscripts {idx} = 0, 1, ... are the first, "
                          "second, ... elements)")
            self.bounded = [new if b == idx else b for b in self.bounded]
            out.append((new, 1, upper + 1))
        return out, body
