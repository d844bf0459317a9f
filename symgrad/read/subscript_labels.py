"""A subscript that is a label: ``d_k`` in ``QK^T / \\sqrt{d_k}`` (attention's key size) is one name when nothing else in
the formula writes k and d is written once and declared nowhere; read as element k of a vector d it would leave k
free on the right of = and the formula would not read. The reading is noted."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok


class _SubscriptLabels:
    """Names whose subscript is a label, by use (a part of the parser)."""

    def subscript_label(self, name: str, idxs: list[sp.Expr], tok: _Tok) -> sp.Symbol | None:
        """``d_k`` of ``QK^T / \\sqrt{d_k}``: an undeclared name written once, as a divisor, with one subscript letter that
        nothing else in the formula writes (no sum, no head, no other array): one name d_k, not element k of a vector
        d (which would leave k free), noted; None otherwise."""
        if len(idxs) != 1 or not isinstance(idxs[0], sp.Idx) or self.pending.get(str(idxs[0])) is not idxs[0]:
            return None
        letter = str(idxs[0])
        if not self.scaling(tok):
            return None
        written = [t.text for t in self.toks if t.kind == "letter"]
        if written.count(letter) != 1 or written.count(name) != 1 or letter in self.ctx.ranges:
            return None
        self.pending_col.pop(self.pending.pop(letter).upper, None)
        whole = f"{name}_{letter}"
        self.note(f"{whole} read as one name: {letter} indexes nothing else here")
        symbol = self.new_scalars[whole] = sp.Symbol(whole)
        return symbol


    def scaling(self, tok: _Tok) -> bool:
        """Whether the name at ``tok`` stands alone as a divisor: after ``/``, under ``\\sqrt``, or as a fraction's whole
        denominator (``\\frac{QK^T}{d_k}``)."""
        k = next((n for n, t in enumerate(self.toks) if t is tok), None)
        if k is None or k < 2:
            return False
        before = [t.text for t in self.toks[k - 2:k]]
        end = k + 1 + (self.toks[k + 1].text == "_") * (2 if self.toks[k + 2].text != "{" else 4)
        closed = end < len(self.toks) and self.toks[end].text == "}"
        return before[1] == "/" or (before == [r"\sqrt", "{"] and closed) or (before == ["}", "{"] and closed)
