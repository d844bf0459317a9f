"""A square matrix expression's inverse and determinant (``(A^T A + \\lambda I)^{-1}``, ``\\det(WW^T + \\sigma^2 I)``,
``|X^T X|``), beside linalg's objects of one declared matrix: objects of the engine's vocabulary that carry their
derivatives (``d A^{-1} = -A^{-1} dA A^{-1}``; Jacobi's formula ``d det A = det A * sum_ab (A^{-1})_ba dA_ab``) and their
values (A's entries computed at the point, then inverted or reduced by elimination). ``log det A`` is the log of the
determinant: its derivative ``sum_ab (A^{-1})_ba dA_ab`` follows by the chain rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

import mpmath
import sympy as sp

from .errors import DeriveError
from .linalg import InverseElement, inverse


def _exact(rows: list[list[Any]]) -> bool:
    """Whether the entries are verify's mpmath values (else check's float64)."""
    return any(isinstance(v, (mpmath.mpf, mpmath.mpc)) for row in rows for v in row)


def _eliminated(rows: list[list[Any]]) -> tuple[list[list[Any]], Any]:
    """(the inverse, the determinant) of the matrix ``rows`` by Gauss-Jordan elimination with partial pivoting, in
    the entries' own arithmetic (mpmath's inverse takes ~50 times as long on verify's 2 x 2 to 4 x 4 matrices);
    ZeroDivisionError where the matrix is singular (verify skips such a point)."""
    n = len(rows)
    work = [list(row) + [int(i == j) for j in range(n)] for i, row in enumerate(rows)]
    det: Any = 1
    for c in range(n):
        pivot_row = max(range(c, n), key=lambda r: abs(work[r][c]))
        if pivot_row != c:
            work[c], work[pivot_row] = work[pivot_row], work[c]
            det = -det
        pivot = work[c][c]
        if pivot == 0:
            raise ZeroDivisionError("a singular matrix")
        det *= pivot
        work[c] = [v / pivot for v in work[c]]
        for r in range(n):
            factor = work[r][c]
            if r != c and factor != 0:
                work[r] = [v - factor * w for v, w in zip(work[r], work[c])]
    return [row[n:] for row in work], det


class _OfMatrixExpression(sp.Expr):
    """A number made from a square matrix expression ``A`` given by its element: args start ``(A's element over
    (row, col), row, col)``, ``row`` and ``col`` bound here. The inverse's element and the determinant share it."""

    is_commutative = True  # a number: sympy's factor would otherwise mask it, rebuilding its Idx with a Dummy bound

    @property
    def element(self) -> tuple[sp.Expr, sp.Idx, sp.Idx]:
        return self.args[0], self.args[1], self.args[2]

    def _matrix_symbols(self) -> set[sp.Basic]:
        body, row, col = self.element
        return (body.free_symbols - {row, col, row.label, col.label}) | row.upper.free_symbols

    def _inner(self, var: sp.Expr, kinks: list) -> tuple[sp.Idx, sp.Idx, sp.Expr]:
        """Fresh indices ``a, b`` and ``dA_ab / dvar``."""
        from .derivatives import d

        body, row, col = self.element
        a, b = (sp.Idx(sp.Dummy(name, integer=True), (1, row.upper)) for name in ("a", "b"))
        return a, b, d(body.xreplace({row: a, col: b}), var, kinks)

    def _per_point(self, compile_: Callable[[sp.Expr], Any], reduce: Callable[[list[list[Any]]], Any]
                   ) -> Callable[[dict, dict], Any]:
        """``reduce`` of A's entries computed at the point (and at the indices A depends on), once per point."""
        body, row, col = self.element
        entry, n = compile_(body), compile_(row.upper)
        names, seen = (str(row.label), str(col.label)), {}
        free = sorted({str(s) for s in body.free_symbols} | {str(i.label) for i in body.atoms(sp.Idx)} - set(names))

        def reduced(env: dict, vals: dict) -> Any:
            key = (id(vals), tuple(env.get(name) for name in free))  # the indices A depends on, not those around it
            if key not in seen or seen[key][0] is not vals:
                span = range(1, int(n(env, vals)) + 1)
                rows = [[entry({**env, names[0]: r, names[1]: c}, vals) for c in span] for r in span]
                if len(seen) > 256:
                    seen.clear()
                seen[key] = (vals, reduce(rows))
            return seen[key][1]

        return reduced


class ExpressionInverse(_OfMatrixExpression):
    """``(A^{-1})_{kl}`` of a square matrix expression ``A`` (``I + X^{-1}``, ``A^T A + \\lambda I``): args
    ``(A's element over (row, col), row, col, k, l)``; ``row`` and ``col`` are bound here. Its derivative is
    ``-sum_ab (A^{-1})_{ka} dA_ab (A^{-1})_{bl}``; its value inverts A's entries at the point."""

    def __new__(cls, body: sp.Expr, row: sp.Idx, col: sp.Idx, k: sp.Expr, l: sp.Expr) -> Self:
        if body.xreplace({row: col, col: row}) == body:  # A symmetric as written (W W^T + s^2 I): so is its inverse,
            k, l = sorted((k, l), key=sp.default_sort_key)  # its elements kept in one index order, as linalg's
        return super().__new__(cls, body, row, col, k, l)

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return self._matrix_symbols() | self.args[3].free_symbols | self.args[4].free_symbols

    def at(self, k: sp.Expr, l: sp.Expr) -> ExpressionInverse:
        return ExpressionInverse(*self.args[:3], k, l)

    def derivative_by(self, var: sp.Expr, kinks: list) -> sp.Expr:
        a, b, inner = self._inner(var, kinks)
        k, l = self.args[3:]
        upper = self.element[1].upper
        return -sp.Sum(self.at(k, a) * inner * self.at(b, l), (a, 1, upper), (b, 1, upper))

    def numeric_form(self, compile_: Callable[[sp.Expr], Any]) -> Callable[[dict, dict], Any]:
        """Inverts A's entries, computed at the point (and the outer indices), once per point; then indexes it."""
        inverse_at, k, l = self._per_point(compile_, _invert_entries), compile_(self.args[3]), compile_(self.args[4])
        return lambda env, vals: inverse_at(env, vals)[int(k(env, vals)) - 1, int(l(env, vals)) - 1]

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        raise DeriveError("the inverse of a matrix expression is evaluated by verify and check, not compiled yet: "
                          "name the matrix (M = ...) and differentiate by its entries")

    def _latex(self, printer: Any) -> str:
        k, l = (printer._print(i) for i in self.args[3:])
        return rf"\left(\left[{printer._print(self.args[0])}\right]^{{-1}}\right)_{{{k} {l}}}"

    def _symgrad_text(self, printer: Any) -> str:
        k, l = (printer._print(i) for i in self.args[3:])
        return f"([{printer._print(self.args[0])}]⁻¹)_{k}{l}"

    def _sympystr(self, printer: Any) -> str:
        return f"inverse({printer._print(self.args[0])})[{self.args[3]}, {self.args[4]}]"


def _invert_entries(rows: list[list[Any]]) -> Any:
    """The inverse of a matrix given by its entries, indexed ``[k, l]``: by elimination at verify's precision (mpmath
    values), else float64 NumPy."""
    if _exact(rows):
        inverse, _ = _eliminated(rows)
        return {(k, l): v for k, row in enumerate(inverse) for l, v in enumerate(row)}
    import numpy as np  # check's float64 values: verify never imports NumPy

    return np.linalg.inv(np.asarray(rows, dtype=np.float64))


def expression_inverse(element: sp.Expr, row: sp.Idx, col: sp.Idx, k: sp.Idx, l: sp.Idx) -> sp.Expr:
    """``(A^{-1})_{kl}`` of the square matrix whose ``(row, col)`` element is ``element``; of one whole declared
    matrix, linalg's own ``inverse(X)[k, l]``."""
    if row.upper != col.upper:
        raise DeriveError(f"an inverse needs a square matrix: {row} runs to {row.upper}, {col} to {col.upper}")
    if isinstance(element, sp.Indexed) and element.indices == (row, col) and not isinstance(element, InverseElement):
        return inverse(element.base)[k, l]
    return ExpressionInverse(element, row, col, k, l)


class ExpressionDet(_OfMatrixExpression):
    """``det A`` of a square matrix expression ``A``: args ``(A's element over (row, col), row, col)``. ``row`` and
    ``col`` are bound here: indices labelled by Dummies, which verify's walks over free indices pass by (``det A`` has
    none)."""

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return self._matrix_symbols()

    def derivative_by(self, var: sp.Expr, kinks: list) -> sp.Expr:
        """Jacobi's formula: ``det A * sum_ab (A^{-1})_ba dA_ab/dvar``."""
        a, b, inner = self._inner(var, kinks)
        if inner == 0:
            return sp.Integer(0)
        body, row, col = self.element
        inv = expression_inverse(body, row, col, b, a)
        return self * sp.Sum(inv * inner, (a, 1, row.upper), (b, 1, row.upper))

    def numeric_form(self, compile_: Callable[[sp.Expr], Any]) -> Callable[[dict, dict], Any]:
        """The determinant of A's entries computed at the point (and at the indices around it), once per point."""
        return self._per_point(compile_, _det_entries)

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        raise DeriveError("the determinant of a matrix expression is evaluated by verify and check, not compiled yet: "
                          "name the matrix (M = ...) and differentiate by its entries")

    def _latex(self, printer: Any) -> str:
        return rf"\det\left[{printer._print(self.args[0])}\right]"

    def _symgrad_text(self, printer: Any) -> str:
        return f"det [{printer._print(self.args[0])}]"

    def _sympystr(self, printer: Any) -> str:
        return f"det({printer._print(self.args[0])})"


def _det_entries(rows: list[list[Any]]) -> Any:
    """The determinant of a matrix given by its entries: by elimination at verify's precision, else float64 NumPy
    (0 for a singular matrix, as NumPy's)."""
    if _exact(rows):
        try:
            return _eliminated(rows)[1]
        except ZeroDivisionError:
            return 0
    import numpy as np  # check's float64 values: verify never imports NumPy

    return np.linalg.det(np.asarray(rows, dtype=np.float64))


def expression_det(element: sp.Expr, row: sp.Idx, col: sp.Idx) -> sp.Expr:
    """``det A`` of the square matrix whose ``(row, col)`` element is ``element``."""
    if row.upper != col.upper:
        raise DeriveError(f"a determinant needs a square matrix: {row} runs to {row.upper}, {col} to {col.upper}")
    r, c = (sp.Idx(sp.Dummy(name, integer=True), (1, row.upper)) for name in ("row", "col"))
    return ExpressionDet(element.xreplace({row: r, col: c}), r, c)

