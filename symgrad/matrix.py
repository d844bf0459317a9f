"""Matrix notation for index-notation results: ``p_i(delta_ij - p_j)`` is ``diag(p) - p p^T``.

A presentation step only. ``_Matrix`` reads an expression as an array whose axes are given
(``(i,)`` a column, ``(i, j)`` a matrix) and spells it with whole arrays: elementwise
terms, ``A w`` and ``A^T B`` contractions, ``diag``, outer products, column sums. It gives
up (``None``) on anything else rather than guess. The spelling is a tree of the ``Form``
classes below; ``symgrad.latex.matrices`` prints it as LaTeX or as terminal text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp

from .functions import FUNCTIONS

if TYPE_CHECKING:
    from .derivation import Graph


class Form:
    """A whole-array expression in matrix notation."""


@dataclass(frozen=True)
class Array(Form):
    """A named vector or matrix, ``W``, or its transpose ``W^T``: ``name`` is the label of its tensor (a Symbol,
    or the inverse ``X^{-1}`` of ``symgrad.linalg``)."""

    name: sp.Basic
    transposed: bool = False


@dataclass(frozen=True)
class Terms(Form):
    """A sum of forms of one shape, each carrying its own sign."""

    terms: tuple[Form, ...]


@dataclass(frozen=True)
class Scaled(Form):
    """A scalar times a form, ``1/B X^T (p - y)``."""

    coeff: sp.Expr
    form: Form


@dataclass(frozen=True)
class Power(Form):
    """An elementwise power, ``x^{∘3}``."""

    form: Form
    exponent: sp.Expr


@dataclass(frozen=True)
class Elementwise(Form):
    """A function of the function table applied elementwise, ``tanh(r)``."""

    function: type
    form: Form


@dataclass(frozen=True)
class Hadamard(Form):
    """``coeff`` times the elementwise product of ``numerator``, divided elementwise by that of ``denominator``."""

    coeff: sp.Expr
    numerator: tuple[Form, ...]
    denominator: tuple[Form, ...] = ()


@dataclass(frozen=True)
class Diag(Form):
    """The diagonal matrix of a vector, ``diag(p)``."""

    form: Form


@dataclass(frozen=True)
class RowScaled(Form):
    """A matrix with its rows scaled by a vector, ``diag(u) M``."""

    scale: Form
    form: Form


@dataclass(frozen=True)
class Outer(Form):
    """The outer product of two vectors, ``a b^T``."""

    left: Form
    right: Form


@dataclass(frozen=True)
class Product(Form):
    """A matrix product ``L R`` of two forms spelled over their own axes."""

    left: Form
    right: Form


@dataclass(frozen=True)
class MatrixTimes(Form):
    """A matrix operand (``A``, ``A^T``, ``A + A^T``) times a form, ``X^T (p - y)``."""

    matrix: Form
    form: Form


@dataclass(frozen=True)
class Summed(Form):
    """The column sums ``F^T 1`` (``transposed``) or the row sums ``F 1`` of a matrix."""

    form: Form
    transposed: bool


@dataclass(frozen=True)
class Broadcast(Form):
    """A vector repeated along the other axis: ``u 1^T`` (``along_rows``: a column per row index) or ``1 u^T``."""

    form: Form
    along_rows: bool


def transposes(form: Form) -> int:
    """How many transposes the spelling of ``form`` shows."""
    own = {Array: lambda f: f.transposed, Outer: lambda f: 1, Summed: lambda f: f.transposed,
           Broadcast: lambda f: 1}.get(type(form), lambda f: 0)(form)
    children = [v for v in vars(form).values() if isinstance(v, Form)]
    children += [x for v in vars(form).values() if isinstance(v, tuple) for x in v if isinstance(x, Form)]
    return int(own) + sum(transposes(c) for c in children)


def _scaled(coeff: sp.Expr, form: Form) -> Form:
    return form if coeff == 1 else Scaled(coeff, form)


# the functions of the one function table that have a whole-array spelling
_ELEMENTWISE = frozenset(f.sympy for f in FUNCTIONS if f.latex)


class _Matrix:
    """Spell an index expression with the given free axes as whole arrays, or return ``None``."""

    def __init__(self, axes: Sequence[sp.Idx]):
        self.axes = tuple(axes)

    def __call__(self, e: sp.Expr, axes: tuple[sp.Idx, ...] | None = None) -> Form | None:
        axes = self.axes if axes is None else axes
        if not (e.free_symbols & set(axes)):
            return None
        if isinstance(e, sp.Indexed):
            return self.element(e, axes)
        if isinstance(e, sp.Add):
            return self.add(e, axes)
        if isinstance(e, sp.Mul):
            return self.mul(e, axes)
        if isinstance(e, sp.Sum):
            return self.contraction(sp.Integer(1), e, axes)
        if isinstance(e, sp.Pow) and not e.exp.free_symbols & set(axes):
            inner = self(e.base, axes)
            return None if inner is None else Power(inner, e.exp)
        if isinstance(e, sp.Function) and len(e.args) == 1 and type(e) in _ELEMENTWISE:
            inner = self(e.args[0], axes)
            return None if inner is None else Elementwise(type(e), inner)
        return None

    @staticmethod
    def element(e: sp.Indexed, axes: tuple[sp.Idx, ...]) -> Form | None:
        ix = tuple(e.indices)
        if ix == axes:
            return Array(e.base.label)
        if len(ix) == 2 and ix == axes[::-1]:
            return Array(e.base.label, transposed=True)
        return None

    def add(self, e: sp.Add, axes: tuple[sp.Idx, ...]) -> Form | None:
        parts = []
        for t in e.as_ordered_terms():  # the printers put the positive terms first
            if not (t.free_symbols & set(axes)):
                return None  # a scalar added to an array: no standard spelling
            p = self(t, axes) if set(axes) <= t.free_symbols else self.broadcast(t, axes)
            if p is None:
                return None
            parts.append(p)
        return Terms(tuple(parts))

    def mul(self, e: sp.Mul, axes: tuple[sp.Idx, ...]) -> Form | None:
        coeff = sp.Mul(*[f for f in e.args if not f.free_symbols & set(axes) and not f.atoms(sp.Sum)])
        arrays = [f for f in e.args if f.free_symbols & set(axes) or f.atoms(sp.Sum)]
        if any(ix.indices for ix in coeff.atoms(sp.Indexed)):
            return None
        sums = [f for f in arrays if isinstance(f, sp.Sum)]
        if len(arrays) == 1 and sums:
            return self.contraction(coeff, sums[0], axes)
        if len(axes) == 2:
            outer = self.outer_or_diag(arrays, axes) or self.row_scaled(arrays, axes)
            if outer is not None:
                return _scaled(coeff, outer)
        return self.hadamard(coeff, arrays, axes)

    def hadamard(self, coeff: sp.Expr, arrays: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> Form | None:
        """Elementwise: numerator factors times, denominator factors divided (Hadamard)."""
        over = [f.base ** -f.exp for f in arrays if isinstance(f, sp.Pow) and f.exp.is_negative]
        up = [f for f in arrays if not (isinstance(f, sp.Pow) and f.exp.is_negative)]
        num, den = [self(f, axes) for f in up], [self(f, axes) for f in over]
        if any(p is None for p in num + den):
            return None
        return Hadamard(coeff, tuple(num), tuple(den))

    def outer_or_diag(self, factors: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> Form | None:
        """``delta_ij u_i`` as ``diag(u)``; ``a_i b_j`` as ``a b^T``."""
        deltas = [f for f in factors if isinstance(f, sp.KroneckerDelta) and set(f.args) == set(axes)]
        rest = [f for f in factors if f not in deltas]
        if deltas:
            return self.diag(rest[0], axes) if len(rest) == 1 else None
        return self.outer(rest, axes) if len(rest) == 2 else None

    def diag(self, vector: sp.Expr, axes: tuple[sp.Idx, ...]) -> Form | None:
        i, j = axes
        inner = self(vector, (i,)) if vector.free_symbols & {i} else self(vector, (j,))
        return None if inner is None else Diag(inner)

    def outer(self, rest: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> Form | None:
        i, j = axes
        left = [f for f in rest if f.free_symbols & {i} and not f.free_symbols & {j}]
        right = [f for f in rest if f.free_symbols & {j} and not f.free_symbols & {i}]
        if len(left) == 1 and len(right) == 1:
            a, b = self(left[0], (i,)), self(right[0], (j,))
            if a is not None and b is not None:
                return Outer(a, b)
        return None

    def contraction(self, coeff: sp.Expr, s: sp.Sum, axes: tuple[sp.Idx, ...]) -> Form | None:
        """``sum_k A[i, k] w[k]`` is ``A w``; ``sum_n A[n, i] E[n, j]`` is ``A^T E``; ``sum_n E[n, j]`` is ``E^T 1``."""
        if len(s.limits) != 1:
            return self.several(coeff, s, axes)
        k = s.limits[0][0]
        factors = sp.Mul.make_args(s.function)
        for m in factors:
            if _operand(m, k):
                product = self.matrix_times(m, sp.Mul(*[f for f in factors if f is not m]), k, axes)
                if product is not None:
                    return _scaled(coeff, product)
        product = self.product(factors, k, axes) if len(axes) == 2 else None
        if product is not None:
            return _scaled(coeff, product)
        if len(axes) == 1:
            # column sums (F^T 1) or row sums (F 1): the one with fewer transposes inside, on a tie the row sums
            columns, rows = self(s.function, (k, axes[0])), self(s.function, (axes[0], k))
            spelled = [(transposes(f) + (1 - top), transposes(f), f, top) for f, top in ((columns, 1), (rows, 0)) if f]
            if spelled:
                *_, inner, top = min(spelled, key=lambda x: x[:2])
                return _scaled(coeff, Summed(inner, bool(top)))
        return None

    def product(self, factors: tuple[sp.Expr, ...], k: sp.Idx, axes: tuple[sp.Idx, ...]) -> Form | None:
        """``sum_k L[i, k] R[k, j]`` as ``L R`` where ``L`` and ``R`` are spelled over their own axes."""
        i, j = axes
        left = [f for f in factors if j not in f.free_symbols]
        right = [f for f in factors if j in f.free_symbols]
        if not left or not right or any(i in f.free_symbols for f in right) or \
                not all(k in sp.Mul(*side).free_symbols for side in (left, right)):
            return None
        a, b = self(sp.Mul(*left), (i, k)), self(sp.Mul(*right), (k, j))
        return None if a is None or b is None else Product(a, b)

    def row_scaled(self, factors: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> Form | None:
        """``u_i M_ij`` as ``diag(u) M``: a vector over the rows scales a matrix."""
        i, j = axes
        rows = [f for f in factors if j not in f.free_symbols]
        rest = [f for f in factors if f not in rows]
        if not rows or not rest:
            return None
        u, m = self(sp.Mul(*rows), (i,)), self(sp.Mul(*rest), axes)
        return None if u is None or m is None else RowScaled(u, m)

    def broadcast(self, t: sp.Expr, axes: tuple[sp.Idx, ...]) -> Form | None:
        """A term over one of two axes, repeated along the other: ``u 1^T`` or ``1 u^T``."""
        if len(axes) != 2:
            return None
        (only,) = [a for a in axes if a in t.free_symbols]
        u = self(t, (only,))
        return None if u is None else Broadcast(u, only == axes[0])

    def several(self, coeff: sp.Expr, s: sp.Sum, axes: tuple[sp.Idx, ...]) -> Form | None:
        """A sum over several indices: a product of sums over separate indices (``sum_{k,l} A_ik y_k B_jl y_l`` is
        ``(A y)(B y)^T``), or a matrix times the sum over the other indices (``sum_{l,s} S_jl r_sl`` is ``S r^T 1``)."""
        factors = sp.Mul.make_args(s.function)
        held = _linked(factors, s.limits)
        if len(held) < len(s.limits):
            group = [f for f in factors if f.has(*held)]
            rest = [f for f in factors if f not in group]
            split = sp.Sum(sp.Mul(*group), *[lim for lim in s.limits if lim[0] in held]) * sp.Sum(
                sp.Mul(*rest), *[lim for lim in s.limits if lim[0] not in held])
            return self(coeff * split, axes)
        for lim in s.limits:
            others = [x for x in s.limits if x is not lim]
            for m in factors:
                if _operand(m, lim[0]):
                    inner = sp.Sum(sp.Mul(*[f for f in factors if f is not m]), *others)
                    product = self.matrix_times(m, inner, lim[0], axes)
                    if product is not None:
                        return _scaled(coeff, product)
        return None

    def matrix_times(self, m: sp.Expr, rest: sp.Expr, k: sp.Idx, axes: tuple[sp.Idx, ...]) -> Form | None:
        """``sum_k m[row, k] rest`` as ``M rest`` (``M^T rest``, ``(A + A^T) rest``), when ``rest`` has a matrix
        spelling."""
        other = sorted(set(m.atoms(sp.Idx)) - {k}, key=str)
        if len(other) != 1 or other[0] not in axes:
            return None
        row = other[0]
        rest_axes = tuple(k if a == row else a for a in axes)
        rest_axes = tuple(a for a in rest_axes if a in rest.free_symbols or a == k)
        right = self(rest, rest_axes) if rest != 1 else None
        left = self(m, (row, k))
        if right is None or left is None or (len(axes) == 2 and axes.index(row) == 1):
            return None  # no spelling, or the contracted operand would stand on the right: leave it
        return MatrixTimes(left, right)


def _linked(factors: tuple[sp.Expr, ...], limits: tuple) -> set[sp.Idx]:
    """The summed indices linked to the first one through factors that share summed indices."""
    held = {limits[0][0]}
    group = [f for f in factors if f.has(limits[0][0])]
    while True:
        more = {lim[0] for lim in limits for f in group if f.has(lim[0])} - held
        if not more:
            return held
        held |= more
        group = [f for f in factors if f.has(*held)]


def _operand(m: sp.Expr, k: sp.Idx) -> bool:
    """A matrix operand over the summed index ``k``: an element ``A_ik``, or a sum of such (``A_ik + A_ki``)."""
    if isinstance(m, sp.Add):
        return all(_operand(t, k) for t in m.args)
    return isinstance(m, sp.Indexed) and k in m.indices and len(m.indices) == 2


def matrix_form(expr: sp.Expr, free: Sequence[sp.Idx], graph: Graph) -> Form | None:
    """The matrix spelling of a result with free indices ``free``, or ``None`` when there is none."""
    if not free or len(free) > 2 or not expr.atoms(sp.Indexed):
        return None
    return _Matrix(free)(sp.expand(expr) if len(free) == 2 and not expr.atoms(sp.Sum) else expr)
