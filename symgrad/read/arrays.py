"""Vector and matrix arithmetic on values with array axes, written as index expressions."""

from __future__ import annotations

import sympy as sp

from .array_roles import COLUMNS, ROWS, array_roles
from .tokens import _Tok
from .vocabulary import _extent, _free_indices, _Val

_KINDS = {True: "a row vector", False: "a column vector"}


class _Arrays:
    """Shapes, sums, products and selections of array values (a part of the parser)."""

    def shape(self, v: _Val) -> str:
        """``v``'s shape as a message says it: a size the reader made up (nothing declares it) is ``?``."""
        sizes = ["1" if a is None else self.find(_extent(a)) for a in v.axes]
        return "(" + ", ".join("?" if isinstance(s, sp.Dummy) else str(s) for s in sizes) + ")"

    def align(self, a: _Val, b: _Val, tok: _Tok, what: str) -> sp.Expr:
        """``b.expr`` with its axes renamed to ``a``'s; the two must have the same shape."""
        if len(a.axes) != len(b.axes) or any((x is None) != (y is None) for x, y in zip(a.axes, b.axes)):
            raise self.unmatched(a, b, tok, what)
        for x, y in zip(a.free, b.free):
            self.unify(_extent(x), _extent(y), tok, what)
        return b.expr.xreplace(dict(zip(b.free, a.free)))

    def unmatched(self, a: _Val, b: _Val, tok: _Tok, what: str) -> Exception:
        """The error for two shapes that cannot ``what`` (add, multiply), naming both."""
        return self.mismatch(f"cannot {what} shapes {self.shape(a)} and {self.shape(b)}", tok,
                             tuple(_extent(x) for x in a.free + b.free))

    def broadcast(self, a: _Val, b: _Val, tok: _Tok) -> None:
        """Refuse a scalar and an array that use one name both as an element and whole: in
        ``\\log \\hat y_i + \\log(1 - \\hat y)`` the bare ``\\hat y`` may be the whole vector (a Jacobian
        follows) or ``\\hat y_i`` with its index lost: two readings."""
        scalar, array = (a, b) if not a.axes else (b, a)
        free = scalar.expr.free_symbols
        elements = {e.base for e in scalar.expr.atoms(sp.Indexed) if all(i in free for i in e.indices)}
        whole = {e.base for e in array.expr.atoms(sp.Indexed) if any(i in e.indices for i in array.free)}
        for base in sorted(elements & whole, key=str):
            element = next(e for e in scalar.expr.atoms(sp.Indexed) if e.base == base)
            raise self.error(f"{base} is written both with an index ({element}) and without one here: the whole "
                             f"vector, or {element} with its index lost - write the index on each", tok)

    def spread(self, a: _Val, b: _Val, tok: _Tok, verb: str, columns: bool = True
               ) -> tuple[sp.Expr, sp.Expr, tuple] | None:
        """A matrix and a vector (either order) as NumPy and ML pages broadcast them: the vector over the
        matrix's rows when its length is the row length (``xW^T + b``), a column over its columns when its
        length is the column length only (``Y / norms``, norms (n, 1)), for a product or quotient only (``y - Xw``
        with w unsized is a slip, not a column spread); on a square matrix a column has two readings and is
        refused. Returns both expressions on the matrix's axes, or None: not this case."""
        matrix, vector = (a, b) if None not in a.axes else (b, a)
        if len(matrix.axes) != 2 or None in matrix.axes or len(vector.axes) != 2 or len(vector.free) != 1:
            return None
        (k,), (rows, cols), column = vector.free, matrix.axes, vector.axes[1] is None
        n, first, last = (self.find(_extent(i)) for i in (k, rows, cols))
        name = vector.expr.base if isinstance(vector.expr, sp.Indexed) else f"the {n}-vector"
        if column and columns and first == n == last:
            raise self.error(f"{name} {verb} a square ({first}, {last}) matrix: along each row or each column "
                             "(two readings) - write the indices, or a row vector for each row", tok)
        if last == n and (not column or first != n):
            along, axis = "row", cols
        elif column and columns and first == n:
            along, axis = "column", rows
        else:
            return None
        note = f"{name} {verb} each {along} of the ({first}, {last}) matrix (NumPy broadcasting)"
        if note not in self.ctx.notes:
            self.ctx.notes.append(note)
        moved = vector.expr.xreplace({k: axis})
        return (matrix.expr, moved, matrix.axes) if matrix is a else (moved, matrix.expr, matrix.axes)

    def add(self, a: _Val, b: _Val, tok: _Tok, written: tuple[str, str] = ("", "")) -> _Val:
        if len(a.axes) == len(b.axes) == 2 and (a.axes[0] is None) != (b.axes[0] is None) and len(a.free) == 1 and \
                len(b.free) == 1:  # (x + \mu)^T \Sigma + \Sigma(\mu - x): a row vector plus a column vector
            sides = [f"{_KINDS[v.axes[0] is None]} {text + ', ' if text else ''}shape {self.shape(v)}"
                     for v, text in zip((a, b), written)]
            raise self.mismatch(f"cannot add {sides[0]}, and {sides[1]}: transpose one of them", tok,
                                (_extent(a.free[0]), _extent(b.free[0])))
        if not a.axes or not b.axes:
            promoted = self.capital_beside_matrix(a, b, tok) or self.capital_beside_matrix(b, a, tok)
            if promoted is not None:  # P - AB^T: P a matrix
                return _Val(promoted.expr + (b.expr if promoted.axes == b.axes else a.expr), promoted.axes)
            if a.axes or b.axes:
                self.broadcast(a, b, tok)
                read = self.product_beside_vector(a, b, tok) or self.dot_by_use(a, b, tok)  # y - Xw; x^T A x - bx
                if read is not None:
                    return read
            return _Val(a.expr + b.expr, a.axes or b.axes)
        spread = self.spread(a, b, tok, "added to", columns=False)
        if spread is not None:
            return _Val(spread[0] + spread[1], spread[2])
        return _Val(a.expr + self.align(a, b, tok, "add"), a.axes)

    def mul(self, a: _Val, b: _Val, op: str, tok: _Tok) -> _Val:
        summed = self.einstein_product(a, b, tok)
        if summed is not None:
            return summed
        if not a.axes or not b.axes:
            if a.axes or b.axes:
                self.broadcast(a, b, tok)
                self.capital_times_array(a, b, tok)
                self.capital_times_array(b, a, tok)
            return _Val(a.expr * b.expr, a.axes or b.axes)
        if op == "frobenius":  # A : B, the sum of the elementwise products
            return _Val(sp.Sum(a.expr * self.align(a, b, tok, "take the Frobenius product of"),
                               *[(i, i.lower, i.upper) for i in a.free]))
        same_vectors = len(a.free) == len(b.free) == 1 and len(a.axes) == len(b.axes) == 2 and \
            (a.axes[0] is None) == (b.axes[0] is None)
        spread = self.spread(a, b, tok, "multiplies") if op == "odot" else None
        if spread is not None:
            return _Val(spread[0] * spread[1], spread[2])
        if op == "odot" or (same_vectors and op != "dot"):
            return _Val(a.expr * self.align(a, b, tok, "multiply elementwise"), a.axes)
        if len(a.axes) != 2 or len(b.axes) != 2:
            raise self.unmatched(a, b, tok, "multiply")
        if same_vectors:
            k = a.free[0]
            return _Val(sp.Sum(a.expr * self.align(a, b, tok, "take the dot product of"), (k, k.lower, k.upper)))
        (a0, a1), (b0, b1) = a.axes, b.axes
        if (a1 is None) != (b0 is None):
            raise self.unmatched(a, b, tok, "multiply")
        expr = a.expr * b.expr
        if a1 is not None:
            self.unify(_extent(a1), _extent(b0), tok, "matrix product")
            expr = sp.Sum(a.expr * b.expr.xreplace({b0: a1}), (a1, a1.lower, a1.upper))
        axes = (a0, b1)
        return _Val(expr, () if axes == (None, None) else axes)

    def div(self, a: _Val, b: _Val, tok: _Tok) -> _Val:
        if not b.axes:
            return _Val(a.expr / b.expr, a.axes)
        if not a.axes:
            return _Val(a.expr / b.expr, b.axes)  # 1 / (1 + e^{-x}) of a vector x: elementwise
        spread = self.spread(a, b, tok, "divided by" if None in a.axes else "divides")
        if spread is not None:
            return _Val(spread[0] / spread[1], spread[2])
        return _Val(a.expr / self.align(a, b, tok, "divide"), a.axes)

    def transpose(self, v: _Val, tok: _Tok) -> _Val:
        if len(v.axes) not in (0, 2):
            raise self.error(f"cannot transpose shape {self.shape(v)}", tok)
        entry = None if v.axes else self.entry_of_transpose(v, tok)
        if entry is not None:
            return entry
        defined = None if v.axes else next((d for s in sorted(v.expr.free_symbols, key=str)  # (y - t)^T, y = Wx + b
                                            if (d := self.ctx.definitions.get(str(s))) is not None), None)
        if defined is not None and isinstance(defined.lhs, sp.Symbol) and defined.rhs.free_symbols - {defined.lhs}:
            # M = \Sigma^{-1}, z = (\mu - x), f = z^T M z: read as a number, z^T M z was z^2 M, a matrix, silently
            raise self.error(f"{defined.lhs}^T has two readings: {defined.lhs} is defined as a number ({defined.lhs} = {defined.rhs}), "
                             f"but a transpose says it is a vector; declare the arrays it is made of "
                             rf"(x \in \mathbb{{R}}^{{n}}) to read it as one", tok)
        unshaped = sorted(n for n in map(str, v.expr.free_symbols) if n in self.new_scalars and not self.ctx.known(n))
        if not v.axes and unshaped and not isinstance(v.expr, sp.Symbol):  # one letter's transpose: its use settles
            # (y - Xw)^T(y - Xw) with X, w, y met here: read as numbers the transpose is silent, and a wrong -2X(y - Xw)
            # was proved
            names = ", ".join(unshaped)
            error = self.error(f"the transpose of a value made of {names}, which nothing shapes, has two readings: "
                               f"numbers (the transpose changes nothing) or arrays; declare their shapes "
                               rf"({unshaped[0]} \in \mathbb{{R}}^{{n}}, or \in \mathbb{{R}} for a number)", tok)
            # a function's parameter (w of J(w)) is a number only until declared: the second try declares it too
            params = {n for n in map(str, v.expr.free_symbols) if isinstance(self.params.get(n), sp.Symbol)}
            shaped = set(unshaped) | params  # not x' of K(x, x') (read.primed_names): a retry's facts cannot spell it
            primed = bool(shaped & set(self.ctx.primed_names.values()))
            error.arrays = None if primed else array_roles(v.expr, shaped)  # type: ignore[attr-defined]
            error.unshaped = () if primed else tuple(sorted(shaped))  # type: ignore[attr-defined]  # each reading
            raise error
        if not v.axes and unshaped:  # A^T with A met here: its use may still make it an array (transposed_numbers)
            self.__dict__.setdefault("transposed", {}).setdefault(unshaped[0], tok)
        return _Val(v.expr, tuple(reversed(v.axes)))

    def capital_times_array(self, a: _Val, b: _Val, tok: _Tok) -> None:
        """Remember a capital letter nothing shapes multiplying an array (W of ``\\|Wx + b - y\\|^2``, of ``WH`` with H
        a matrix): read as a number it scales the array, and ``W\\delta`` and ``W^T\\delta`` were the same; by the
        usual convention it is a matrix. Refused at the end of the reading where it is still a number
        (``transposed_numbers``). (A product WH was once read as the sum W + H here: proved a wrong claim.)"""
        name = str(a.expr)
        if isinstance(a.expr, sp.Symbol) and len(name) == 1 and name.isupper() and name != "I" and not a.axes and \
                len(b.axes) == 2 and self.new_scalars.get(name) is a.expr and not self.ctx.known(name):
            self.__dict__.setdefault("transposed", {}).setdefault(name, tok)

    def transposed_numbers(self) -> None:
        """At the end of a reading: refuse a letter transposed while nothing shaped it that is still a number (A of
        ``\\frac{1}{2}\\|A^T x\\|^2 - b^T x``). Read as a number, the transpose changes nothing, and the WRONG ``A^T A x
        - b`` and the right ``A A^T x - b`` were the same ``A^2 x - b``: the wrong one was proved. A letter its use
        made an array by the end reads as it did. The refusal offers the usual convention's reading (a capital a
        matrix, a lower-case letter a vector) for a second try with the shapes declared (verify.transposed_arrays)."""
        left = {name: tok for name, tok in self.__dict__.get("transposed", {}).items()
                if self.new_scalars.get(name) is not None and name not in self.sizes and not self.ctx.known(name)}
        if not left:
            return
        name, tok = min(left.items(), key=lambda item: item[1].col)
        names = ", ".join(sorted(left))
        what = f"{name}^T of {name}" if tok.text in ("^", "'", ".T") else f"{name} times an array"
        dims = r"m \times n" if name[:1].isupper() else "n"
        example = rf"{name} \in \mathbb{{R}}^{{{dims}}}"
        error = self.error(f"{what}: {names}, which nothing shapes, {'has' if len(left) == 1 else 'have'} two readings: "
                           f"numbers (a transpose changes nothing, a number scales a vector) or arrays (a capital a "
                           rf"matrix); declare the shapes ({example}, or \in \mathbb{{R}} for a number)", tok)
        error.arrays = {n: (ROWS, COLUMNS) if n[:1].isupper() else (ROWS,) for n in left}  # type: ignore[attr-defined]
        error.unshaped = tuple(sorted(left))  # type: ignore[attr-defined]
        raise error

    def entry_of_transpose(self, v: _Val, tok: _Tok) -> _Val | None:
        """``X_{pq}^T``, ``(BA)_{pq}^T``: LaTeX sets the subscript and the transpose on the same base, as it sets
        ``X^T_{pq}``; the entry (p, q) of the transpose, (q, p) of X (noted), never the transpose of a number, which
        changes nothing and nobody writes. None where no two-letter subscript stands right before the ``^``."""
        at = next((k for k, t in enumerate(self.toks) if t is tok), None)
        if at is None or at < 5 or self.toks[at - 1].text != "}":
            return None
        close = at - 1
        opened = next((k for k in range(close - 1, -1, -1) if self.toks[k].text in "{}"), None)
        if opened is None or self.toks[opened].text != "{" or opened < 1 or self.toks[opened - 1].text != "_":
            return None
        letters = [t.text for t in self.toks[opened + 1:close] if t.text != ","]
        free = {str(i): i for i in _free_indices(v.expr)}
        if len(letters) != 2 or len(set(letters)) != 2 or set(letters) != set(free):
            return None
        p, q = (free[x] for x in letters)
        self.note(f"_{{{p}{q}}}^T read as the entry ({p}, {q}) of the transpose (LaTeX sets a subscript and a transpose "
                  f"on one base: ^T_{{{p}{q}}})")
        return _Val(v.expr.xreplace({p: q, q: p}), v.axes)

    def select(self, v: _Val, idxs: list[sp.Expr], tok: _Tok) -> _Val:
        """``(Xw)_i``, ``softmax(z)_j``: the element of an array value at the given indices (of X and w first met
        there, as their product's entry makes them: read.shapes)."""
        if not v.free and len(idxs) == 1:
            v = self.product_by_entry(v, tok) or v
        if len(idxs) != len(v.free):
            raise self.error(f"an array of shape {self.shape(v)} takes {len(v.free)} indices, got {len(idxs)}", tok)
        for i, a in zip(idxs, v.free):
            self.unify(_extent(i), _extent(a), tok, f"index {i}")
        return _Val(v.expr.xreplace(dict(zip(v.free, idxs))))

