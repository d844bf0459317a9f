"""Indices written as a superscript: ``A^{ij}`` of a matrix (a power of a matrix is no reading symgrad takes, so the
two letters can only be its indices) and the Kronecker delta with one index up, ``\\delta^j_m`` (tensor notation)."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok
from .vocabulary import _extent, _Val


class _Indices:
    """Reading superscripts that are indices (a part of the parser)."""

    def superscript_letters(self, n: int) -> tuple[list[_Tok], int] | None:
        """The ``n`` index letters of the superscript starting here, after its ``^`` (``{ij}``, ``{i,j}``), and the
        number of tokens they take; None otherwise."""
        if self.peek().text != "{":
            return None
        k, letters = 1, []
        while self.peek(k).kind == "letter" or (self.peek(k).text == "," and letters):
            if self.peek(k).kind == "letter":
                letters.append(self.peek(k))
            k += 1
        return (letters, k + 1) if self.peek(k).text == "}" and len(letters) == n else None

    def matrix_superscript(self, v: _Val, t: _Tok) -> _Val | None:
        """``A^{ij}`` of a whole matrix (a name written bare): its element A_ij, noted (a matrix power is no reading
        symgrad takes); None (nothing read) otherwise."""
        if len(v.free) != 2 or not isinstance(v.expr, sp.Indexed) or tuple(v.expr.indices) != tuple(v.free):
            return None
        found = self.superscript_letters(2)
        if found is None:
            return None
        letters, width = found
        self.pos += width
        written = "".join(x.text for x in letters)
        self.note(f"{v.expr.base}^{{{written}}} read as the element {v.expr.base}_{{{written}}}: the superscript of a "
                  f"matrix is its indices")
        return self.select(v, [self.index(x.text, x) for x in letters], t)

    def row_by_use(self, v: _Val, made: set[str], t: _Tok, why: str = "a number has no transpose") -> _Val:
        """``x_i^T w`` (or ``w^T x_i``) with x first met here, undeclared: x_i is row i of a matrix x whose column size
        its use settles (noted), as a number has no transpose (or a row vector needs a column); any other value
        unchanged."""
        if v.axes or not isinstance(v.expr, sp.Indexed) or len(v.expr.indices) != 1:
            return v
        name = str(v.expr.base.label)
        if name in made or name not in self.new_tensors or self.ctx.known(name):
            return v
        (i,) = v.expr.indices
        columns = sp.Dummy(f"size_{name}", integer=True, positive=True)
        base = self.new_tensors[name] = sp.IndexedBase(name, shape=(_extent(i) or v.expr.base.shape[0], columns))
        k = self.fresh(columns)
        self.note(f"{name}_{i} read as row {i} of a matrix {name}: {why}")
        return _Val(base[i, k], (k, None))

    def delta_up(self, t: _Tok) -> _Val | None:
        """``\\delta^j_m``, ``\\delta_m^j``: the Kronecker delta with one index letter up and one down; None (nothing
        read) for anything else, such as ``\\delta^2`` (a name delta, squared)."""
        marks = [self.peek(1).text]
        if not (marks[0] in "^_" and self._one_letter_at(2)) or self.ctx.declared_elsewhere("delta"):
            return None
        marks.append(self.peek(2 + self._width(2)).text)
        if sorted(marks) != ["^", "_"] or not self._one_letter_at(3 + self._width(2)):
            return None
        self.next()
        got = []
        for _ in marks:
            width = self._width(1)
            letter = self.peek(1 if width == 1 else 2)
            self.pos += 1 + width
            got.append(self.index(letter.text, letter))
        self.unify(_extent(got[0]), _extent(got[1]), t, "Kronecker delta")
        up, down = got if marks[0] == "^" else got[::-1]
        self.note(f"\\delta^{up}_{down} read as the Kronecker delta (define delta to mean another name)")
        return _Val(sp.KroneckerDelta(*got))

    def mixed_pair(self, n: int) -> list[sp.Expr] | None:
        """After ``_``, ``{1j}``, ``{i1}``, ``{12}`` of a name that takes two indices (``a_{1j}`` beside ``a_{ij}``): a
        number and a letter, or two digits, are two indices (one name ``a_1j`` would be undefined); None otherwise
        (nothing read)."""
        texts = [self.peek(k).text for k in range(1, 5)]
        kinds = [self.peek(k).kind for k in (2, 3)]
        if n != 2 or texts[0] != "{" or texts[3] != "}" or "digit" not in kinds or \
                any(kind not in ("digit", "letter") or len(text) != 1 for kind, text in zip(kinds, texts[1:3])):
            return None
        pair = [sp.Integer(int(text)) if kind == "digit" else self.index(text, self.peek(k + 2))
                for k, (kind, text) in enumerate(zip(kinds, texts[1:3]))]
        self.pos += 5
        return pair

    def _one_letter_at(self, k: int) -> bool:
        """Whether one index letter (``j`` or ``{j}``) starts ``k`` tokens ahead."""
        return self.peek(k).kind == "letter" or (self.peek(k).text == "{" and self.peek(k + 1).kind == "letter" and
                                                self.peek(k + 2).text == "}")

    def _width(self, k: int) -> int:
        return 1 if self.peek(k).kind == "letter" else 3


def _span(idx: sp.Expr) -> sp.Expr | None:
    """The size of the array an index runs over: its extent when it runs from 1 to a size; the size it ends at when it
    starts later (``\\sum_{j=2}^{N} x_j``: x has N entries); None for a range that ends before a size
    (``\\sum_{j=1}^{N-1} x_j``: x has as many entries as the rest of the problem says, at least N - 1). An array whose
    size nothing gave yet takes the index's upper bound (read.names)."""
    if not isinstance(idx, sp.Idx) or idx.upper is None or idx.lower == 0:
        return _extent(idx)  # \sum_{i=0}^{n-1}: n entries, counted from 0 (read.sums reads it from 1)
    return idx.upper if idx.upper.is_Symbol or idx.upper.is_Integer else None


def _reach(idx: sp.Expr) -> sp.Expr | None:
    """The fewest entries an array needs for this index to run over it: its upper bound (n for 0..n-1, counted
    from 0)."""
    if not isinstance(idx, sp.Idx):
        return None
    return _extent(idx) if idx.lower == 0 else idx.upper
