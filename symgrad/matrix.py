"""Matrix notation for index-notation results: ``p_i(delta_ij - p_j)`` is ``diag(p) - p p^T``.

A presentation step only. ``_Matrix`` reads an expression as an array whose axes are given
(``(i,)`` a column, ``(i, j)`` a matrix) and spells it with whole arrays: elementwise
terms, ``A w`` and ``A^T B`` contractions, ``diag``, outer products, column sums. It gives
up (``None``) on anything else rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from .derivation import Graph
from .functions import FUNCTIONS
from .latex import readable_terms, to_latex


def _tex(e: sp.Expr) -> str:
    return to_latex(e)


def _name(base: sp.IndexedBase) -> str:
    return _tex(sp.Symbol(str(base.label)))


def _scale(coeff: sp.Expr) -> str:
    text = _tex(coeff)
    return "" if text == "1" else ("-" if text == "-1" else text + " ")


# elementwise functions of a whole array, as LaTeX templates: a view of the one function table
_FUNCTIONS: dict[type, str] = {f.sympy: f.latex for f in FUNCTIONS if f.latex}


class _Matrix:
    """Spell an index expression with the given free axes as whole arrays, or return ``None``."""

    def __init__(self, axes: Sequence[sp.Idx]):
        self.axes = tuple(axes)

    def __call__(self, e: sp.Expr, axes: tuple[sp.Idx, ...] | None = None) -> str | None:
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
            if inner is None:
                return None
            return (f"\\left({inner}\\right)" if " " in inner else inner) + f"^{{\\circ {_tex(e.exp)}}}"
        if isinstance(e, sp.Function) and len(e.args) == 1 and type(e) in _FUNCTIONS:
            inner = self(e.args[0], axes)
            return None if inner is None else _FUNCTIONS[type(e)].format(inner)
        return None

    @staticmethod
    def element(e: sp.Indexed, axes: tuple[sp.Idx, ...]) -> str | None:
        ix = tuple(e.indices)
        if ix == axes:
            return _name(e.base)
        if len(ix) == 2 and ix == axes[::-1]:
            return f"{_name(e.base)}^{{\\top}}"
        return None

    def add(self, e: sp.Add, axes: tuple[sp.Idx, ...]) -> str | None:
        parts = []
        for t in readable_terms(e):
            if not (t.free_symbols & set(axes)):
                return None  # a scalar added to an array: no standard spelling
            p = self(t, axes) if set(axes) <= t.free_symbols else self.broadcast(t, axes)
            if p is None:
                return None
            parts.append(p)
        out = parts[0]
        for p in parts[1:]:
            out += f" - {p[1:].lstrip()}" if p.startswith("-") else f" + {p}"
        return out

    def mul(self, e: sp.Mul, axes: tuple[sp.Idx, ...]) -> str | None:
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
                return _scale(coeff) + outer
        return self.hadamard(coeff, arrays, axes)

    def hadamard(self, coeff: sp.Expr, arrays: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> str | None:
        """Elementwise: numerator factors times, denominator factors divided (Hadamard)."""
        over = [f.base ** -f.exp for f in arrays if isinstance(f, sp.Pow) and f.exp.is_negative]
        up = [f for f in arrays if not (isinstance(f, sp.Pow) and f.exp.is_negative)]
        num, den = [self(f, axes) for f in up], [self(f, axes) for f in over]
        if any(p is None for p in num + den):
            return None
        top = " \\odot ".join(f"\\left({p}\\right)" if " " in p and len(num) > 1 else p for p in num) or "1"
        if not den:
            loose = len(num) == 1 and (" + " in top or " - " in top) and _scale(coeff)
            return _scale(coeff) + (f"\\left({top}\\right)" if loose else top)
        bottom = " \\odot ".join(f"\\left({p}\\right)" if " " in p and len(den) > 1 else p for p in den)
        return f"{_scale(coeff)}\\frac{{{top}}}{{{bottom}}}"

    def outer_or_diag(self, factors: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> str | None:
        i, j = axes
        deltas = [f for f in factors if isinstance(f, sp.KroneckerDelta) and set(f.args) == {i, j}]
        rest = [f for f in factors if f not in deltas]
        if deltas and len(rest) == 1:
            inner = self(rest[0], (i,)) if rest[0].free_symbols & {i} else self(rest[0], (j,))
            return None if inner is None else f"\\operatorname{{diag}}({inner})"
        if not deltas and len(rest) == 2:
            left = [f for f in rest if f.free_symbols & {i} and not f.free_symbols & {j}]
            right = [f for f in rest if f.free_symbols & {j} and not f.free_symbols & {i}]
            if len(left) == 1 and len(right) == 1:
                a, b = self(left[0], (i,)), self(right[0], (j,))
                if a is not None and b is not None:
                    b = f"\\left({b}\\right)" if " " in b else b  # (K^{-1} y)^T, not K^{-1} y^T
                    return f"{a} {b}^{{\\top}}"
        return None

    def contraction(self, coeff: sp.Expr, s: sp.Sum, axes: tuple[sp.Idx, ...]) -> str | None:
        """``sum_k A[i, k] w[k]`` is ``A w``; ``sum_n A[n, i] E[n, j]`` is ``A^T E``; ``sum_n E[n, j]`` is ``E^T 1``."""
        if len(s.limits) != 1:
            return self.several(coeff, s, axes)
        k = s.limits[0][0]
        factors = sp.Mul.make_args(s.function)
        for m in factors:
            if _operand(m, k):
                product = self.matrix_times(m, sp.Mul(*[f for f in factors if f is not m]), k, axes)
                if product is not None:
                    return _scale(coeff) + product
        if len(axes) == 2:
            product = self.product(factors, k, axes)
            if product is not None:
                return _scale(coeff) + product
        if len(axes) == 1:
            # column sums (F^T 1) or row sums (F 1), whichever needs fewer transposes
            columns, rows = self(s.function, (k, axes[0])), self(s.function, (axes[0], k))
            spelled = [(text.count("top") + (1 - top), text, top) for text, top in ((columns, 1), (rows, 0)) if text]
            if spelled:
                _, inner, top = min(spelled)
                inner = f"\\left({inner}\\right)" if " " in inner else inner
                return _scale(coeff) + inner + ("^{\\top}" if top else "") + " \\mathbf{1}"
        return None

    def product(self, factors: tuple[sp.Expr, ...], k: sp.Idx, axes: tuple[sp.Idx, ...]) -> str | None:
        """``sum_k L[i, k] R[k, j]`` as ``L R`` where ``L`` and ``R`` are spelled over their own axes."""
        i, j = axes
        left = [f for f in factors if j not in f.free_symbols]
        right = [f for f in factors if j in f.free_symbols]
        if not left or not right or any(i in f.free_symbols for f in right) or \
                not all(k in sp.Mul(*side).free_symbols for side in (left, right)):
            return None
        a, b = self(sp.Mul(*left), (i, k)), self(sp.Mul(*right), (k, j))
        if a is None or b is None:
            return None
        return " ".join(f"\\left({p}\\right)" if " " in p else p for p in (a, b))

    def row_scaled(self, factors: list[sp.Expr], axes: tuple[sp.Idx, ...]) -> str | None:
        """``u_i M_ij`` as ``diag(u) M``: a vector over the rows scales a matrix."""
        i, j = axes
        rows = [f for f in factors if j not in f.free_symbols]
        rest = [f for f in factors if f not in rows]
        if not rows or not rest:
            return None
        u, m = self(sp.Mul(*rows), (i,)), self(sp.Mul(*rest), axes)
        if u is None or m is None:
            return None
        return f"\\operatorname{{diag}}\\left({u}\\right) " + (f"\\left({m}\\right)" if " " in m else m)

    def broadcast(self, t: sp.Expr, axes: tuple[sp.Idx, ...]) -> str | None:
        """A term over one of two axes, repeated along the other: ``u 1^T`` or ``1 u^T``."""
        if len(axes) != 2:
            return None
        (only,) = [a for a in axes if a in t.free_symbols]
        u = self(t, (only,))
        if u is None:
            return None
        sign, u = ("-", u[1:].lstrip()) if u.startswith("-") else ("", u)
        u = f"\\left({u}\\right)" if " " in u else u
        return f"{sign}{u} \\mathbf{{1}}^{{\\top}}" if only == axes[0] else f"{sign}\\mathbf{{1}} {u}^{{\\top}}"

    def several(self, coeff: sp.Expr, s: sp.Sum, axes: tuple[sp.Idx, ...]) -> str | None:
        """A sum over several indices: a product of sums over separate indices (``sum_{k,l} A_ik y_k B_jl y_l`` is
        ``(A y)(B y)^T``), or a matrix times the sum over the other indices (``sum_{l,s} S_jl r_sl`` is ``S r^T 1``)."""
        factors = sp.Mul.make_args(s.function)
        first = s.limits[0]
        held = {first[0]}
        group = [f for f in factors if f.has(first[0])]
        while True:  # the factors linked to the first summed index through shared summed indices
            more = {lim[0] for lim in s.limits for f in group if f.has(lim[0])} - held
            if not more:
                break
            held |= more
            group = [f for f in factors if f.has(*held)]
        if len(held) < len(s.limits):
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
                        return _scale(coeff) + product
        return None

    def matrix_times(self, m: sp.Expr, rest: sp.Expr, k: sp.Idx, axes: tuple[sp.Idx, ...]) -> str | None:
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
        left = f"\\left({left}\\right)" if (" + " in left or " - " in left) else left
        right = f"\\left({right}\\right)" if (" + " in right or " - " in right) else right
        return f"{left} {right}"


def _operand(m: sp.Expr, k: sp.Idx) -> bool:
    """A matrix operand over the summed index ``k``: an element ``A_ik``, or a sum of such (``A_ik + A_ki``)."""
    if isinstance(m, sp.Add):
        return all(_operand(t, k) for t in m.args)
    return isinstance(m, sp.Indexed) and k in m.indices and len(m.indices) == 2


def matrix_form(expr: sp.Expr, free: Sequence[sp.Idx], graph: Graph) -> str | None:
    """The matrix spelling of a result with free indices ``free``, or ``None`` when there is none."""
    if not free or len(free) > 2 or not expr.atoms(sp.Indexed):
        return None
    return _Matrix(free)(sp.expand(expr) if len(free) == 2 and not expr.atoms(sp.Sum) else expr)
