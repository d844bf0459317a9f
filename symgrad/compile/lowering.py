"""Lowering: stabilised index expressions to whole-array expressions (broadcasting, ``@``, ``einsum``,
reductions, the max-subtracted softmax family)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

from ..errors import CompileError
from ..linalg import ArrayDiagonal
from ..tensors import extent, name_of
from .indices import _delta_partner, _free
from .nodes import (
    _ARRAY_NODES,
    _STABLE_NODES,
    ArrayMax,
    ArraySum,
    Centered,
    Difference,
    Einsum,
    Expanded,
    Eye,
    LogAddExp,
    LogSoftmax,
    MatProd,
    Sigmoid,
    SizeFloat,
    Softmax,
    SoftmaxComplement,
    Softplus,
    Transposed,
    Where,
)


def _undoes(squeeze: str, keys: list[str]) -> bool:
    """Whether indexing with ``keys`` re-inserts exactly the axes that ``squeeze`` (``[..., 0, :]``) removed."""
    inner = [k for k in squeeze.strip("[]").split(", ") if k != "..."][::-1]
    outer = keys[::-1]
    if len(outer) < len(inner) or any(k != ":" for k in outer[len(inner):]):
        return False
    return all((i, o) in (("0", "None"), (":", ":")) for i, o in zip(inner, outer))


def _distribute(body: sp.Expr) -> sp.Expr:
    """``(delta_jk - p_nk) p_nj`` as two products when the bracket's terms differ in free indices: summed over
    ``n`` that is two sums, not one ``[N, N, N]`` array."""
    if isinstance(body, sp.Mul):
        for f in body.args:
            if isinstance(f, sp.Add) and _free(f) not in [_free(t) for t in f.args]:
                rest = [g for g in body.args if g is not f]
                return sp.Add(*[sp.Mul(t, *rest) for t in f.args])
    return body


def _irrational(e: sp.Expr) -> bool:
    """Whether ``e`` (of sizes alone) has a function or a fractional power: not an exact integer or ratio."""
    return any(isinstance(x, sp.Function) or (isinstance(x, sp.Pow) and not x.exp.is_Integer)
               for x in sp.preorder_traversal(e))


def _is_value(e: sp.Expr) -> bool:
    return isinstance(e, (sp.Indexed, sp.Symbol, Difference))


def _sum_parts(body: sp.Add) -> list[list[sp.Expr]]:
    """The terms of a summed body grouped into sums of their own: products are contractions (``@``,
    ``einsum``), one sum each; terms over different index sets one reduction each, unless the body is a plain
    sum of values (``sum_n (y_n - m)`` stays one sum: ``sum_n y_n - N m`` cancels)."""
    if any(sum(1 for f in sp.Mul.make_args(t) if _free(f)) > 1 for t in body.args):
        return [[t] for t in body.args]
    if all(_is_value(t) or _is_value(-t) for t in body.args):
        return [list(body.args)]
    groups: dict[frozenset, list[sp.Expr]] = {}
    for t in body.args:
        groups.setdefault(frozenset(_free(t)), []).append(t)
    return list(groups.values())


@dataclass(frozen=True)
class _Arr:
    """A lowered array: ``expr`` has trailing axes ``axes`` (full size each); ``data``: it carries batch axes."""

    expr: sp.Expr
    axes: tuple[sp.Idx, ...]
    data: bool


class _Lowering:
    """Lowers stabilised index expressions to array expressions over named arrays."""

    LOGIC = (sp.And, sp.Or, sp.Not, sp.Ge, sp.Gt, sp.Le, sp.Lt, sp.Eq, sp.Ne)

    def __init__(self, ranks: dict[str, int], sizes: set[sp.Symbol], batched: bool, like: sp.Symbol):
        self.ranks = ranks  # every input and defined name -> its rank
        self.sizes = {s.name: s for s in sizes}
        self.batched = batched
        self.like = like  # an input array: eye() takes its dtype
        self.prefer: tuple[sp.Idx, ...] = ()  # the axis order wanted at the end: matmul operands follow it

    def _constant(self, e: sp.Expr) -> _Arr | None:
        """A number, or a function of sizes alone, as a Python number (a NumPy float64 would upcast float32
        arrays); None for anything else."""
        if isinstance(e, sp.Rational):
            return _Arr(e, (), False)
        if e.is_number:  # log(2), pi, ...
            if not e.is_extended_real:
                raise CompileError(f"the constant {e} is not a real number")
            return _Arr(e.evalf(17), (), False)
        if e.free_symbols and {s.name for s in e.free_symbols} <= set(self.sizes) and _irrational(e):
            return _Arr(SizeFloat(e.xreplace({s: sp.Symbol(s.name) for s in e.free_symbols})), (), False)
        return None

    def __call__(self, e: sp.Expr) -> _Arr:
        if (constant := self._constant(e)) is not None:
            return constant
        if isinstance(e, sp.Idx):
            raise CompileError(f"index {e} used as a value in {e}; only tensors can be indexed")
        if isinstance(e, sp.Symbol):
            if e.name in self.sizes:
                return _Arr(sp.Symbol(e.name), (), False)
            if self.ranks.get(e.name) == 0:
                return _Arr(sp.Symbol(e.name), (), True)
            raise CompileError(f"{e} is neither a scalar input, a scalar definition nor a size")
        if isinstance(e, sp.Indexed):
            return self._indexed(e)
        if isinstance(e, sp.Mul) and (inner := self._constants_into_sum(e)) is not None:
            return self(inner)
        if isinstance(e, (sp.Add, sp.Mul, sp.Pow, *self.LOGIC)):
            return self._elementwise(e.func, [self(a) for a in e.args])
        if isinstance(e, sp.Piecewise):
            return self._piecewise(e)
        if isinstance(e, sp.KroneckerDelta):
            i, j = e.args
            if not (isinstance(i, sp.Idx) and isinstance(j, sp.Idx) and extent(i) == extent(j)):
                raise CompileError(f"{e}: a Kronecker delta needs two indices over the same range")
            return _Arr(Eye(self._size(extent(i), e), self.like), (i, j), False)
        if isinstance(e, sp.Sum):
            return self._sum(e)
        if isinstance(e, _STABLE_NODES):
            return self._stable(e)
        if isinstance(e, Difference):
            return self._elementwise(Difference, [self(a) for a in e.args])
        if isinstance(e, sp.Function) and not isinstance(e, _ARRAY_NODES):  # elementwise; the printer says if known
            return self._function(e)
        if isinstance(e, sp.Derivative):
            raise CompileError(f"the result holds the derivative {e} of a function symgrad does not know; "
                               "define that function (--define) so that its derivative can be taken")
        raise CompileError(f"cannot compile {type(e).__name__} in {e}")

    def _function(self, e: sp.Function) -> _Arr:
        if (own := getattr(e, "array_form", None)) is not None:  # det, log det, a solve: see linalg
            return _Arr(*own(self))
        if isinstance(e, AppliedUndef):  # h_theta(x): a name used as a function, never defined
            name = e.func.__name__
            raise CompileError(f"no array code for {name}: {e} uses {name} as a function but it is not defined; "
                               f"define it (--define, e.g. {name}_i = ...) or write it out")
        return self._elementwise(e.func, [self(a) for a in e.args])

    def _constants_into_sum(self, e: sp.Mul) -> sp.Sum | None:
        """``c * Sum(f)`` as ``Sum(c f)`` for a constant ``c`` (numbers, sizes): the contraction may share ``c f``."""
        sums = [f for f in e.args if isinstance(f, sp.Sum)]
        if len(sums) != 1:
            return None
        rest = [f for f in e.args if f is not sums[0]]
        if not all(s.name in self.sizes for f in rest for s in f.free_symbols):
            return None
        return sp.Sum(sp.Mul(*rest, sums[0].function), *sums[0].limits)

    def _piecewise(self, e: sp.Piecewise) -> _Arr:
        *cases, (last, default) = e.args
        if default != sp.true:
            raise CompileError(f"{e}: a piecewise expression needs a last case for 'otherwise'")
        out = self(last)
        for value, cond in reversed(cases):
            out = self._elementwise(Where, [self(cond), self(value), out])
        return out

    def _size(self, n: sp.Expr, where: sp.Expr) -> sp.Expr:
        if not all(s.name in self.sizes for s in n.free_symbols):
            raise CompileError(f"{where}: the range {n} is not a size of any input")
        return n.xreplace({s: sp.Symbol(s.name) for s in n.free_symbols})

    def _indexed(self, e: sp.Indexed) -> _Arr:
        if (own := getattr(e, "array_form", None)) is not None:  # an element of an inverse, see linalg
            return _Arr(*own(self))
        name = name_of(e)
        if name not in self.ranks:
            raise CompileError(f"{e}: {name} is neither an input nor a definition")
        idx = tuple(e.indices)
        if len(idx) != self.ranks[name]:
            raise CompileError(f"{e}: {name} has rank {self.ranks[name]}, indexed with {len(idx)} indices")
        if not all(isinstance(i, sp.Idx) for i in idx):
            raise CompileError(f"{e}: an offset index cannot be compiled; write it with distinct plain indices (k, not k + 1)")
        if len(set(idx)) != len(idx):
            return self._diagonal(e, idx)
        return _Arr(sp.Symbol(name), idx, True)

    def _diagonal(self, e: sp.Indexed, idx: tuple[sp.Idx, ...]) -> _Arr:
        """``X_ii`` (a repeated index): the diagonal, ``einsum('ii->i', X)``, one axis per distinct index."""
        axes = tuple(dict.fromkeys(idx))
        shape = tuple(e.base.shape or ())
        if shape and any(len({shape[p] for p, j in enumerate(idx) if j == i}) > 1 for i in axes):
            raise CompileError(f"{e}: a repeated index needs axes of one size, {e.base} has shape {shape}")
        letters = self._letters([axes])
        dots = "..." if self.batched else ""
        spec = f"{dots}{''.join(letters[i] for i in idx)}->{dots}{''.join(letters[i] for i in axes)}"
        X = sp.Symbol(name_of(e))
        node = ArrayDiagonal(X, Str(spec)) if len(idx) == 2 else Einsum(Str(spec), X)
        return _Arr(node, axes, True)

    # alignment: bring arrays with different axes to one common axis order for broadcasting

    @staticmethod
    def _union(arrs: list[_Arr]) -> tuple[sp.Idx, ...]:
        out = list(max(arrs, key=lambda a: len(a.axes)).axes) if arrs else []
        for a in arrs:
            out += [i for i in a.axes if i not in out]
        return tuple(out)

    def _align(self, a: _Arr, axes: tuple[sp.Idx, ...]) -> sp.Expr:
        """``a.expr`` with its axes permuted into ``axes`` order and ``None`` axes for the ones it lacks."""
        if not a.axes and not (a.data and self.batched):
            return a.expr
        coeff, rest = a.expr.as_coeff_Mul() if isinstance(a.expr, sp.Mul) else (1, a.expr)
        if coeff != 1:  # -p[..., None, :], not (-p)[..., None, :]
            return coeff * self._align(_Arr(rest, a.axes, a.data), axes)
        if isinstance(a.expr, sp.Pow) and a.expr.exp == -1:  # 1/T[..., None]: a product then divides by T
            return 1 / self._align(_Arr(a.expr.base, a.axes, a.data), axes)
        order = tuple(i for i in axes if i in a.axes)
        expr = a.expr if order == a.axes else self._permute(a, order)
        keys = [":" if i in a.axes else "None" for i in axes]
        if not (a.data and self.batched):
            while keys and keys[0] == "None":  # numpy broadcasting adds leading axes by itself
                keys.pop(0)
        if "None" not in keys:
            return expr
        if isinstance(expr, Expanded) and _undoes(str(expr.args[1]), keys):
            return expr.args[0]  # m[..., 0][..., None] is m
        return Expanded(expr, Str("[" + ", ".join((["..."] if a.data and self.batched else []) + keys) + "]"))

    def _permute(self, a: _Arr, order: tuple[sp.Idx, ...]) -> sp.Expr:
        if len(order) == 2 and not (a.data and self.batched):
            return Transposed(a.expr)
        letters = self._letters([a.axes])
        dots = "..." if a.data and self.batched else ""
        src = dots + "".join(letters[i] for i in a.axes)
        dst = dots + "".join(letters[i] for i in order)
        return Einsum(Str(f"{src}->{dst}"), a.expr)

    def _elementwise(self, func: Any, arrs: list[_Arr]) -> _Arr:
        axes = self._union(arrs)
        return _Arr(func(*[self._align(a, axes) for a in arrs]), axes, any(a.data for a in arrs))

    # sums: contractions of products become @ or einsum, other sums a reduction

    def _sum(self, e: sp.Sum) -> _Arr:
        summed = []
        for k, lo, hi in e.limits:
            if not isinstance(k, sp.Idx) or lo != 1 or hi != extent(k):
                raise CompileError(f"{e}: only sums over a whole index range (k from 1 to its size) can be compiled")
            summed.append(k)
        body = e.function
        for k in list(summed):  # sum_k delta(k, j) f(k) = f(j): no N x N eye
            j = _delta_partner(body, k)
            if j is not None:
                body = body.xreplace({k: j})
                summed.remove(k)
        if not summed:
            return self(body)
        limits = [lim for lim in e.limits if lim[0] in summed]
        if limits != list(e.limits):
            return self(sp.Sum(body, *limits))
        body = _distribute(body)
        if isinstance(body, sp.Add):
            parts = _sum_parts(body)
            if len(parts) > 1:
                return self._elementwise(sp.Add, [self._sum(sp.Sum(sp.Add(*ts), *e.limits)) for ts in parts])
        factors = [self(f) for f in sp.Mul.make_args(body)]
        return self._contract(factors, summed, e)

    def _contract(self, factors: list[_Arr], summed: list[sp.Idx], where: sp.Expr) -> _Arr:
        present = {i for f in factors for i in f.axes}
        scale = sp.Mul(*[self._size(extent(k), where) for k in summed if k not in present])
        summed = [k for k in summed if k in present]
        scalars = [f for f in factors if not f.axes]
        ops = self._merge([f for f in factors if f.axes])
        self._sum_lone_indices(ops, summed, scalars)
        constants = [f.expr for f in scalars if not f.data]
        if ops and summed and (constants or scale != 1) and len(self._union(ops)) > len(summed):
            # 1/B into the smaller (computed) operand: (p - y)/B is then shared by both seed gradients
            o = min(ops, key=lambda a: (len(a.axes), isinstance(a.expr, sp.Symbol)))
            ops[ops.index(o)] = _Arr(sp.Mul(scale, *constants, o.expr), o.axes, o.data)
            scalars, scale = [f for f in scalars if f.data], sp.S.One
        core, out = self._product(ops, summed) if ops else (None, ())
        data = any(f.data for f in factors)
        parts = [self._align(s, out) for s in scalars] + ([core] if core is not None else [])
        return _Arr(sp.Mul(scale, *parts), out if core is not None else (), data)

    @staticmethod
    def _sum_lone_indices(ops: list[_Arr], summed: list[sp.Idx], scalars: list[_Arr]) -> None:
        """Sum an index that only one operand has in that operand first (``ops``, ``summed`` and ``scalars``
        are updated in place)."""
        for k in list(summed):
            holders = [o for o in ops if k in o.axes]
            if len(ops) > 1 and len(holders) == 1:
                o = holders[0]
                reduced = _Arr(ArraySum(o.expr, sp.S.Zero, sp.Integer(o.axes.index(k) - len(o.axes))),
                               tuple(i for i in o.axes if i != k), o.data)
                ops.remove(o)
                (ops if reduced.axes else scalars).append(reduced)
                summed.remove(k)

    def _product(self, ops: list[_Arr], summed: list[sp.Idx]) -> tuple[sp.Expr, tuple[sp.Idx, ...]]:
        """The contraction of ``ops`` over ``summed``: elementwise, a reduction, ``@`` or ``einsum``; its axes."""
        out = tuple(i for i in self._union(ops) if i not in summed)
        if not summed:
            return self._elementwise(sp.Mul, ops).expr, out
        if len(ops) == 1:
            op = ops[0]
            return ArraySum(op.expr, sp.S.Zero, *[sp.Integer(op.axes.index(k) - len(op.axes)) for k in summed]), out
        if mm := self._matmul(ops, summed):
            return mm
        return self._einsum(ops, out), out

    def _merge(self, ops: list[_Arr]) -> list[_Arr]:
        """Multiply elementwise the factors whose axes another factor already has: fewer einsum operands.

        Two operands stay two (``vdot``/``einsum`` then need no temporary product).
        """
        merged: list[list[_Arr]] = []
        for op in sorted(ops, key=lambda a: -len(a.axes)):
            for group in merged:
                if set(op.axes) <= set(group[0].axes):
                    group.append(op)
                    break
            else:
                merged.append([op])
        if len(merged) == 1 and len(ops) > 1:
            merged = [merged[0][:-1], merged[0][-1:]]
        return [g[0] if len(g) == 1 else self._elementwise(sp.Mul, g) for g in merged]

    def _matmul(self, ops: list[_Arr], summed: list[sp.Idx]) -> tuple[sp.Expr, tuple[sp.Idx, ...]] | None:
        """``a @ b`` (transposing 2-d operands as needed) when the contraction is a matrix product."""
        if len(ops) != 2 or len(summed) != 1 or self.batched:
            return None
        (k,), (a, b) = summed, ops
        if set(a.axes) & set(b.axes) != {k} or len(a.axes) > 2 or len(b.axes) > 2:
            return None
        best = None
        for p, q in ((a, b), (b, a)):
            out = tuple(i for i in p.axes if i != k) + tuple(i for i in q.axes if i != k)
            wanted = tuple(i for i in self.prefer if i in out)
            cost = (p.axes[-1] != k) + (q.axes[0] != k) + (len(wanted) == 2 and wanted != out)
            if best is None or cost < best[0]:
                left = p.expr if p.axes[-1] == k else Transposed(p.expr)
                right = q.expr if q.axes[0] == k else Transposed(q.expr)
                letters = self._letters([p.axes, q.axes])
                subscripts = "".join(letters[i] for i in (p.axes if p.axes[-1] == k else p.axes[::-1])) + "," + "".join(
                    letters[i] for i in (q.axes if q.axes[0] == k else q.axes[::-1])) + "->" + "".join(
                    letters[i] for i in out)
                best = (cost, MatProd(left, right, Str(subscripts)), out)
        return best[1], best[2]

    def _einsum(self, ops: list[_Arr], out: tuple[sp.Idx, ...]) -> sp.Expr:
        letters = self._letters([o.axes for o in ops])
        dots = ["..." if o.data and self.batched else "" for o in ops]
        ins = ",".join(d + "".join(letters[i] for i in o.axes) for d, o in zip(dots, ops))
        res = ("..." if any(dots) else "") + "".join(letters[i] for i in out)
        return Einsum(Str(f"{ins}->{res}"), *[o.expr for o in ops])

    @staticmethod
    def _letters(axes_lists: list[tuple[sp.Idx, ...]]) -> dict[sp.Idx, str]:
        letters: dict[sp.Idx, str] = {}
        for axes in axes_lists:
            for i in axes:
                if i not in letters:
                    letters[i] = string.ascii_lowercase[len(letters)]
        return letters

    # the stable nodes: max-subtracted softmax family, logaddexp for the sigmoid family

    @staticmethod
    def _others(shifted: sp.Expr, terms: sp.Expr, total: sp.Expr, axis: sp.Integer) -> sp.Expr:
        """``sum_{k != i} exp(u_k - m)`` for every ``i``: ``total - exp(u_i - m)`` loses nothing unless ``u_i`` is
        the maximum (``exp(0) = 1`` is then most of the total); there it is the sum of the other terms, the other
        maxima counted as 1 each."""
        top = sp.Eq(shifted, 0)
        rest = ArraySum(Where(top, 0, terms), sp.S.One, axis)
        ties = ArraySum(Where(top, terms, 0), sp.S.One, axis)
        return Where(top, rest + Difference(ties, 1), total - terms)  # rest + (ties - 1): never (rest + 1) - 1

    def _stable(self, e: sp.Expr) -> _Arr:
        u = self(e.args[0])
        if isinstance(e, Sigmoid):
            return _Arr(sp.exp(-LogAddExp(0, -u.expr)), u.axes, u.data)
        if isinstance(e, Softplus):
            return _Arr(LogAddExp(0, u.expr), u.axes, u.data)
        i = e.args[1]
        if i not in u.axes:
            raise CompileError(f"{e}: the index {i} of the softmax does not occur in its argument")
        axis = sp.Integer(u.axes.index(i) - len(u.axes))
        top = ArrayMax(u.expr, sp.S.One, axis)
        shifted = Centered(u.expr, top)
        terms = sp.exp(shifted)
        if e.args[2:]:  # a weight w_k: sum_k w_k exp(u_k - m)
            w = self(e.args[2])
            if not set(w.axes) <= set(u.axes):
                raise CompileError(f"{e}: the weight {e.args[2]} has an index its exponent lacks")
            terms = terms * self._align(w, u.axes)
        total = ArraySum(terms, sp.S.One, axis)
        if isinstance(e, SoftmaxComplement):
            return _Arr(self._others(shifted, terms, total, axis) / total, u.axes, u.data)
        if isinstance(e, Softmax):
            return _Arr(terms / total, u.axes, u.data)
        if isinstance(e, LogSoftmax):
            return _Arr(shifted - sp.log(total), u.axes, u.data)
        keys = ", ".join(["..."] + ["0" if j == i else ":" for j in u.axes[u.axes.index(i):]])
        rest = tuple(j for j in u.axes if j != i)
        return _Arr(Expanded(top + sp.log(total), Str(f"[{keys}]")), rest, u.data)
