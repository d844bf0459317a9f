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

    def _one_letter_at(self, k: int) -> bool:
        """Whether one index letter (``j`` or ``{j}``) starts ``k`` tokens ahead."""
        return self.peek(k).kind == "letter" or (self.peek(k).text == "{" and self.peek(k + 1).kind == "letter" and
                                                self.peek(k + 2).text == "}")

    def _width(self, k: int) -> int:
        return 1 if self.peek(k).kind == "letter" else 3
