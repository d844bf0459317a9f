"""Matrix calculus: trace, determinant, log-determinant and inverse of a declared square matrix.

The trace is a contraction (``tr A = sum_i A_ii``), built by ``trace``; no new object. The
determinant ``Det(X)``, the log-determinant ``LogDet(X)`` and the elements of the inverse
``inverse(X)[k, l]`` are objects of the engine's vocabulary that carry their own derivative
(``derivative_by``, called by ``derivatives.d``), their LaTeX, text and array code, so that no
printer or rule needs to know them. Their derivatives are one table, ``MATRIX_RULES``.

A matrix declared ``symmetric`` (``Sigma = Sigma^T``) has a symmetric inverse: its elements are
kept in one index order, so ``(Sigma^{-1})_{kj}`` and ``(Sigma^{-1})_{jk}`` are one term. Its
entries are still differentiated as independent (the unconstrained gradient ``G``, what autodiff
gives); ``symmetric_gradient`` gives the gradient on symmetric matrices, ``G + G^T - diag G``.

Code: ``array_form`` lowers each object (``solve`` where ``sum_k (A^{-1})_{ak} b_k`` appears, see
``solve_instead_of_inverse``; log det by Cholesky for a positive definite matrix, ``slogdet`` otherwise;
``inv`` only where a result is the inverse); ``numeric_form`` evaluates it for verify and check; the
compiled functions check their matrix inputs with ``matrix_inputs``, ``symmetry_problem`` and
``factorisation_problem`` (one line naming a singular or indefinite matrix).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import mpmath
import sympy as sp

from .errors import DeriveError
from .tensors import name_of

# ---------------------------------------------------------------- declared matrices


class Symmetric(sp.IndexedBase):
    """A square matrix declared symmetric (``Sigma = Sigma^T``)."""


class PositiveDefinite(Symmetric):
    """A matrix declared symmetric positive definite (``Sigma ≻ 0``): a covariance, a kernel matrix."""


def square(name: str, n: sp.Expr) -> sp.IndexedBase:
    """An ``n x n`` matrix with no further structure."""
    return sp.IndexedBase(name, shape=(n, n))


def symmetric(name: str, n: sp.Expr, positive_definite: bool = True) -> Symmetric:
    """An ``n x n`` matrix declared symmetric (and, by default, positive definite)."""
    return (PositiveDefinite if positive_definite else Symmetric)(name, shape=(n, n))


def _square(X: sp.Basic, what: str) -> sp.IndexedBase:
    shape = tuple(getattr(X, "shape", None) or ())
    if not isinstance(X, sp.IndexedBase) or len(shape) != 2 or shape[0] != shape[1]:
        raise DeriveError(f"{what} needs a declared square matrix, got {X} of shape {shape or 'none'}; "
                          "declare it with shape (n, n)")
    return X


def _latex_name(X: sp.IndexedBase) -> str:
    return sp.latex(X.label)


def _text_name(X: sp.IndexedBase) -> str:
    return sp.pretty(X.label, use_unicode=True)


# ---------------------------------------------------------------- the trace


def trace(element: sp.Expr, row: sp.Idx, col: sp.Idx) -> sp.Sum:
    """``tr M = sum_row M[row, row]`` for the matrix whose ``(row, col)`` element is ``element``."""
    if row.upper != col.upper:
        raise DeriveError(f"the trace needs a square matrix: {row} runs to {row.upper}, {col} to {col.upper}")
    return sp.Sum(element.xreplace({col: row}), (row, 1, row.upper))


# ---------------------------------------------------------------- values (verify at 50 digits, check in float64)

_MATRIX_VALUES: dict[Any, Any] = {}  # (what, the matrix's entries) -> its inverse or det: once per point, not per element


def _entries_key(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value.shape, value.tobytes()


def _matrix(value: Any) -> tuple[Any, Any]:
    """``(matrix, library)``: a table keyed by 1-based ``(row, column)`` (verify's mpmath values) as an mpmath
    matrix, or a float64 array (check) as it is."""
    if isinstance(value, dict):
        import mpmath

        size = max(r for r, _ in value)
        return mpmath.matrix([[value[(r, c)] for c in range(1, size + 1)] for r in range(1, size + 1)]), "mpmath"
    import numpy as np  # check's arrays: verify, at 50 digits, never imports NumPy

    return np.asarray(value, dtype=np.float64), "numpy"


_SAME_OBJECT: dict[tuple[int, str], tuple[Any, Any]] = {}  # (id(table), what) -> (table, value): no key per element


def _once(value: Any, what: str, compute: Callable[[Any], Any]) -> Any:
    """``compute(value)`` once per matrix: an inverse or determinant is asked for at every element of a sum, and
    verify's tables (made once per point, never changed) are known by identity without building a key."""
    seen = _SAME_OBJECT.get((id(value), what))
    if seen is not None and seen[0] is value:
        return seen[1]
    key = (what, mpmath.mp.dps, _entries_key(value))  # a confirmation at more digits computes it anew
    if key not in _MATRIX_VALUES:
        if len(_MATRIX_VALUES) > 64:
            _MATRIX_VALUES.clear()
            _SAME_OBJECT.clear()
        _MATRIX_VALUES[key] = compute(value)
    if isinstance(value, dict):
        if len(_SAME_OBJECT) > 256:
            _SAME_OBJECT.clear()
        _SAME_OBJECT[(id(value), what)] = (value, _MATRIX_VALUES[key])
    return _MATRIX_VALUES[key]


def _inverse_value(value: Any) -> Any:
    def inverse(v: Any) -> Any:
        matrix, library = _matrix(v)
        if library == "mpmath":
            return matrix ** -1
        import numpy as np

        return np.linalg.inv(matrix)

    return _once(value, "inverse", inverse)


def _det_value(value: Any, logarithm: bool) -> Any:
    def det(v: Any) -> Any:
        matrix, library = _matrix(v)
        if library == "mpmath":
            import mpmath

            d = mpmath.det(matrix)
            return mpmath.log(abs(d)) if logarithm else d
        import numpy as np

        return np.linalg.slogdet(matrix)[1] if logarithm else np.linalg.det(matrix)

    return _once(value, "logdet" if logarithm else "det", det)


def positive_definite_table(table: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
    """``B B^T + I`` of a drawn table ``B`` (exact for Fractions): the entries of a symmetric positive definite
    matrix, for a point where a matrix declared ``Symmetric`` takes values (verify, check)."""
    size = max(r for r, _ in table)
    span = range(1, size + 1)
    return {(r, c): sum((table[(r, t)] * table[(c, t)] for t in span), table[(r, r)] * 0) + (1 if r == c else 0)
            for r in span for c in span}


# ---------------------------------------------------------------- the inverse


class _InverseOf(sp.Expr):
    """The label of ``X^{-1}``: it holds ``X``, so an element of the inverse depends on ``X``."""

    @property
    def matrix(self) -> sp.IndexedBase:
        return self.args[0]

    def _latex(self, printer: Any) -> str:
        return f"{_latex_name(self.matrix)}^{{-1}}"

    def _symgrad_text(self, printer: Any) -> str:
        return f"{_text_name(self.matrix)}⁻¹"

    def _sympystr(self, printer: Any) -> str:
        # also the name a matrix form spells (matrix._name): braced, so that ^{\top} can follow
        return f"{{{_latex_name(self.matrix)}^{{-1}}}}"


class _InverseBase(sp.IndexedBase):
    """``X^{-1}`` as a tensor: indexing it gives an ``InverseElement``."""

    def __getitem__(self, indices: Any, **kw_args: Any) -> InverseElement:
        indices = indices if isinstance(indices, tuple) else (indices,)
        return InverseElement(self, *indices)


class InverseElement(sp.Indexed):
    """``(X^{-1})_{kl}``; for a symmetric ``X`` the indices are kept in one order."""

    def __new__(cls, base: _InverseBase, *indices: Any, **kw_args: Any) -> Self:
        if len(indices) != 2:
            raise DeriveError(f"an element of {base} takes two indices, got {len(indices)}")
        if isinstance(base.label.matrix, Symmetric):
            indices = tuple(sorted(indices, key=sp.default_sort_key))
        return super().__new__(cls, base, *indices, **kw_args)

    @property
    def matrix(self) -> sp.IndexedBase:
        return self.base.label.matrix

    def derivative_by(self, var: sp.Expr, kinks: list) -> sp.Expr:
        return _derivative(self, "inverse", var, self.matrix, self.indices)

    def numeric_form(self, compile_: Callable[[sp.Expr], Any]) -> Callable[[dict, dict], Any]:
        """The element's value from the matrix's values (a table of mpmath entries, or a float64 array), for the
        evaluators of verify and check; ``compile_`` compiles the indices."""
        name, rows, cols = name_of(self.matrix), compile_(self.indices[0]), compile_(self.indices[1])
        return lambda env, vals: _inverse_value(vals[name])[int(rows(env, vals)) - 1, int(cols(env, vals)) - 1]

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        """``inv(X)`` with this element's axes: only where a result is the inverse itself (else ``solve``)."""
        arr = lower(self.matrix[self.indices])
        return ArrayInverse(arr.expr), arr.axes, arr.data


def inverse(X: sp.IndexedBase) -> _InverseBase:
    """``X^{-1}`` of a declared square matrix, to be indexed: ``inverse(X)[k, l]``."""
    _square(X, "an inverse")
    return _InverseBase(_InverseOf(X), shape=X.shape)


# ---------------------------------------------------------------- determinant and log-determinant


class _OfMatrix(sp.Function):
    """A scalar function of a whole declared square matrix; ``kind`` names its rule in ``MATRIX_RULES``."""

    nargs = 1
    kind = ""

    @classmethod
    def eval(cls, X: sp.Basic) -> None:
        _square(X, cls.kind)

    def derivative_by(self, var: sp.Expr, kinks: list) -> sp.Expr:
        return _derivative(self, self.kind, var, self.args[0], ())

    def numeric_form(self, compile_: Callable[[sp.Expr], Any]) -> Callable[[dict, dict], Any]:
        """The value from the matrix's values (a table of mpmath entries, or a float64 array): see InverseElement."""
        name, logarithm = name_of(self.args[0]), self.kind == "logdet"
        return lambda env, vals: _det_value(vals[name], logarithm)


class Det(_OfMatrix):
    """``det X`` of a declared square matrix."""

    kind = "det"

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        return ArrayDet(sp.Symbol(name_of(self.args[0]))), (), True

    def _latex(self, printer: Any) -> str:
        return rf"\det {_latex_name(self.args[0])}"

    def _symgrad_text(self, printer: Any) -> str:
        return f"det {_text_name(self.args[0])}"


class LogDet(_OfMatrix):
    """``log |det X|`` (``log det X`` for a positive definite ``X``): its gradient is ``X^{-T}`` either way."""

    kind = "logdet"

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        X = self.args[0]
        node = CholeskyLogDet if isinstance(X, PositiveDefinite) else SlogDet
        return node(sp.Symbol(name_of(X))), (), True

    def _latex(self, printer: Any) -> str:
        name = _latex_name(self.args[0])
        return rf"\log\det {name}" if isinstance(self.args[0], PositiveDefinite) else rf"\log\left|\det {name}\right|"

    def _symgrad_text(self, printer: Any) -> str:
        name = _text_name(self.args[0])
        return f"log det {name}" if isinstance(self.args[0], PositiveDefinite) else f"log |det {name}|"


def det(X: sp.IndexedBase) -> sp.Expr:
    """``det X``; ``det X^{-1}`` is ``1 / det X``."""
    if isinstance(X, _InverseBase):
        return 1 / Det(X.label.matrix)
    return Det(X)


def logdet(X: sp.IndexedBase) -> sp.Expr:
    """``log |det X|``; ``log det X`` for a matrix declared positive definite; of ``X^{-1}``, ``-log |det X|``."""
    if isinstance(X, _InverseBase):
        return -LogDet(X.label.matrix)
    return LogDet(X)


# ---------------------------------------------------------------- the rules: one table


@dataclass(frozen=True)
class MatrixRule:
    """The derivative of a matrix function by the element ``X_ij`` of its matrix, and the rule's name."""

    name: str
    formula: str  # as the Matrix Cookbook writes it (eqs. 49, 57, 59), in plain text
    derivative: Callable[..., sp.Expr]  # (object, X, own indices, i, j) -> d object / d X_ij


MATRIX_RULES: dict[str, MatrixRule] = {
    "det": MatrixRule("Jacobi's formula", "∂ det X/∂X_ij = det X·(X⁻¹)_ji",
                      lambda obj, X, own, i, j: obj * inverse(X)[j, i]),
    "logdet": MatrixRule("derivative of the log-determinant", "∂ log|det X|/∂X_ij = (X⁻¹)_ji",
                         lambda obj, X, own, i, j: inverse(X)[j, i]),
    "inverse": MatrixRule("derivative of the inverse", "∂(X⁻¹)_kl/∂X_ij = −(X⁻¹)_ki·(X⁻¹)_jl",
                          lambda obj, X, own, i, j: -inverse(X)[own[0], i] * inverse(X)[j, own[1]]),
}


def _derivative(obj: sp.Expr, kind: str, var: sp.Expr, X: sp.IndexedBase, own: tuple) -> sp.Expr:
    if not (isinstance(var, sp.Indexed) and var.base == X):
        return sp.Integer(0)  # a matrix function depends on its matrix alone
    if len(var.indices) != 2:
        raise DeriveError(f"{var}: an element of the matrix {name_of(X)} takes two indices")
    i, j = var.indices
    return MATRIX_RULES[kind].derivative(obj, X, own, i, j)


_KINDS: tuple[tuple[type, str], ...] = ((Det, "det"), (LogDet, "logdet"), (InverseElement, "inverse"))


def rule_names(expr: sp.Expr, var: sp.Expr | None = None) -> list[str]:
    """The names of the ``MATRIX_RULES`` that differentiating ``expr`` (by ``var``, when given) uses."""
    def used(obj: sp.Expr) -> bool:
        return var is None or (isinstance(var, sp.Indexed) and obj.has(var.base))

    return [MATRIX_RULES[kind].name for cls, kind in _KINDS if any(used(o) for o in expr.atoms(cls))]


def rules_used(expr: sp.Expr) -> list[str]:
    """The ``MATRIX_RULES`` that differentiating ``expr`` uses, as ``name: formula`` lines (for notes)."""
    by_name = {rule.name: rule for rule in MATRIX_RULES.values()}
    return [f"{name}: {by_name[name].formula}" for name in rule_names(expr)]


def symmetric_gradient(G: sp.Expr, i: sp.Idx, j: sp.Idx) -> sp.Expr:
    """``G + G^T - diag G`` for the unconstrained gradient ``G_ij``: the gradient on symmetric matrices,
    where ``X_ij`` and ``X_ji`` are one parameter."""
    return G + G.xreplace({i: j, j: i}) - sp.KroneckerDelta(i, j) * G


# ---------------------------------------------------------------- array code


MatrixInput = tuple[str, bool, bool]  # (name, declared symmetric, declared positive definite)


def matrix_inputs(inputs: tuple[sp.Basic, ...]) -> tuple[MatrixInput, ...]:
    """The square matrix inputs of a graph, with what is declared of each: what a compiled function checks."""
    return tuple((name_of(t), isinstance(t, Symmetric), isinstance(t, PositiveDefinite)) for t in inputs
                 if isinstance(t, sp.IndexedBase) and len(t.shape or ()) == 2 and t.shape[0] == t.shape[1])


def symmetry_problem(entry: str, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be the matrix ``name`` declared symmetric (further from its transpose than rounding,
    sqrt eps, explains: Cholesky would read one triangle and solve both, two readings), or None."""
    import numpy as np

    if not isinstance(value, np.ndarray) or value.ndim != 2 or value.shape[0] != value.shape[1] or value.dtype.kind != "f":
        return None  # the compiled function's own checks name a wrong rank, shape or type
    gap = float(np.max(np.abs(value - value.T), initial=0.0))
    scale = float(np.max(np.abs(value), initial=0.0))
    if gap > np.sqrt(np.finfo(value.dtype).eps) * max(scale, 1.0):
        return (f"{entry}: {name} is declared symmetric but differs from its transpose by up to {gap:.3g}; "
                f"give a symmetric {name} (e.g. ({name} + {name}.T)/2)")
    return None


def factorisation_problem(entry: str, matrices: tuple[MatrixInput, ...], arrays: dict[str, Any], error: Exception) -> str:
    """One line naming the matrix NumPy could not factorise: singular (with its rank), or not positive definite."""
    import numpy as np

    for name, _, positive_definite in matrices:
        value = np.asarray(arrays.get(name), dtype=np.float64)
        if value.ndim != 2:
            continue
        if positive_definite:
            try:
                np.linalg.cholesky(value)
            except np.linalg.LinAlgError:
                return f"{entry}: {name} is not positive definite; give a symmetric positive definite {name} ({error})"
        rank = np.linalg.matrix_rank(value)
        if rank < value.shape[0]:
            return f"{entry}: {name} is singular (rank {rank} of {value.shape[0]}); give an invertible {name} ({error})"
    return f"{entry}: a matrix input cannot be factorised ({error})"


class ArrayInverse(sp.Function):
    """``inv(X)`` of a lowered matrix."""

    def _numpycode(self, printer: Any) -> str:
        return f"{printer.mod}.linalg.inv({printer._print(self.args[0])})"


class ArrayDiagonal(sp.Function):
    """The diagonal of a lowered array's last two axes, ``X_ii``: args ``(X, einsum subscripts)``."""

    def _numpycode(self, printer: Any) -> str:
        X, spec = printer._print(self.args[0]), str(self.args[1])
        if getattr(printer, "fast", True):
            return f"{printer.mod}.einsum({spec!r}, {X})"
        # a forward pass for autodiff: autograd's einsum cannot differentiate a repeated input index ('ii->i')
        m = printer.mod
        return f"{m}.sum({X}*{m}.eye({X}.shape[-1], dtype={X}.dtype), axis=-1)"


class ArrayDet(sp.Function):
    """``det(X)`` of a lowered matrix."""

    def _numpycode(self, printer: Any) -> str:
        return f"{printer.mod}.linalg.det({printer._print(self.args[0])})"


class SlogDet(sp.Function):
    """``log |det X|`` by an LU factor (``slogdet``): no overflow of ``det X`` itself."""

    def _numpycode(self, printer: Any) -> str:
        return f"{printer.mod}.linalg.slogdet({printer._print(self.args[0])})[1]"


class CholeskyLogDet(sp.Function):
    """``log det X = 2 sum_i log L_ii`` with ``X = L L^T``: half the work of LU, and a matrix that is not
    positive definite is refused by the factorisation instead of given a wrong value."""

    def _numpycode(self, printer: Any) -> str:
        m, X = printer.mod, printer._print(self.args[0])
        if m != "np":  # the forward pass for autodiff: slogdet, which every array library differentiates
            return f"{m}.linalg.slogdet({X})[1]"
        return f"(2*{m}.sum({m}.log({m}.diagonal({m}.linalg.cholesky({X})))))"


class Solved(sp.Function):
    """``sum_k (A^{-1})_{ak} B_{k...}`` before lowering: args ``(inverse element, B, k)``; lowered to ``solve``."""

    def array_form(self, lower: Callable[[sp.Expr], Any]) -> tuple[sp.Expr, tuple, bool]:
        element, rest, k = self.args
        row = next(i for i in element.indices if i != k)
        A = sp.Symbol(name_of(element.matrix))
        arr = lower(rest)
        others = tuple(i for i in arr.axes if i != k)
        flip_a = element.indices[0] == k and not isinstance(element.matrix, Symmetric)
        flip_b = arr.axes[0] != k
        return ArraySolve(A, arr.expr, sp.Integer(flip_a), sp.Integer(flip_b)), (row, *others), arr.data


def _solvable(factors: tuple[sp.Expr, ...], k: sp.Idx) -> tuple[InverseElement, list[sp.Expr]] | None:
    """``(A^{-1})_{ak}`` and the other factors with ``k`` when they make a vector or matrix ``b`` with no
    second inverse: then ``sum_k (A^{-1})_{ak} b_k`` is a solve."""
    holders = [f for f in factors if f.has(k)]
    inverses = [f for f in holders if isinstance(f, InverseElement)]
    if len(inverses) != 1 or len(set(inverses[0].indices)) != 2:
        return None
    rest = [f for f in holders if f is not inverses[0]]
    row = next(i for i in inverses[0].indices if i != k)
    rest_axes = {i for f in rest for i in f.atoms(sp.Idx)}
    if not rest or any(f.atoms(InverseElement) for f in rest) or len(rest_axes) > 2 or row in rest_axes:
        return None  # solve takes a vector or a matrix with k first
    return inverses[0], rest


def solve_instead_of_inverse(e: sp.Expr, names: Any = None) -> sp.Expr | None:
    """``sum_k (A^{-1})_{ak} b_k`` as ``Solved``: ``solve(A, b)``, never ``inv(A) @ b`` (a compile rewrite).

    Applies to a sum whose summand is a product with one inverse element over a summed index ``k``
    and other factors with ``k`` that make a vector or a matrix; anything else is left as it is.
    """
    if not isinstance(e, sp.Sum):
        return None
    factors = sp.Mul.make_args(e.function)
    for k, *_ in e.limits:
        found = _solvable(factors, k)
        if found is None:
            continue
        element, rest = found
        outside = [f for f in factors if not f.has(k)]
        limits = [lim for lim in e.limits if lim[0] != k]
        body = sp.Mul(*outside, Solved(element, sp.Mul(*rest), k))
        return sp.Sum(body, *limits) if limits else body
    return None


class ArraySolve(sp.Function):
    """``solve(A, B)``: ``A^{-1} B`` without forming ``A^{-1}``; args ``(A, B, transpose A, transpose B)``."""

    def _numpycode(self, printer: Any) -> str:
        A, B, flip_a, flip_b = self.args
        a, b = printer._print(A), printer._print(B)
        if getattr(printer, "fast", True):
            a = f"{a}.T" if flip_a else a
            b = f"({b}).T" if flip_b else b
        else:  # a forward pass for autodiff: einsum transposes in every array library (TensorFlow has no .T)
            a = f"{printer.mod}.einsum('ij->ji', {a})" if flip_a else a
            b = f"{printer.mod}.einsum('ij->ji', {b})" if flip_b else b
        return f"{printer.mod}.linalg.solve({a}, {b})"
