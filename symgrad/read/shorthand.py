"""A bare ``\\sum`` with nothing after it to sum (``\\frac{e^{a_i} \\sum - e^{a_i} e^{a_i}}{\\sum^2}``): shorthand for
the one closed sum the definitions write, read as that sum and noted; with none or several such sums it is refused."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok
from .vocabulary import _free_indices, _Val

_ENDS = ("-", "+", "}", ")", "]", "=", r"\times", r"\cdot", r"\right", "&", r"\\")


class _Shorthand:
    """The bare sum (a part of the parser)."""

    def bare_sum_ahead(self) -> bool:
        """Whether nothing summable follows ``\\sum`` here: an operator, a closing bracket, the end, or ``^2`` then one
        of those."""
        k = 2 if self.peek().text == "^" and self.peek(1).kind == "digit" else 0
        after = self.peek(k)
        return after.kind == "end" or after.text in _ENDS

    def defined_sum(self, t: _Tok) -> _Val:
        cls = sp.Sum if t.text == r"\sum" else sp.Product
        found = {s for d in self.ctx.definitions.values() for s in sp.sympify(d.rhs).atoms(cls)
                 if not _free_indices(s)}
        if len(found) != 1:
            raise self.error(rf"a bare {t.text} with nothing to sum: write what it sums (\sum_{{k}} e^{{a_k}})", t)
        (closed,) = found
        plain = {i: sp.Symbol(str(i.label)) for i in closed.atoms(sp.Idx)}
        bounds = "".join(rf"{t.text}_{{{plain[i]}={lo}}}^{{{hi}}} " for i, lo, hi in closed.limits)
        self.note(f"a bare {t.text} read as {bounds}{sp.latex(closed.function.xreplace(plain))}, the one such sum the "
                  "definitions write")
        return _Val(closed)
