"""The compiler's own SymPy nodes: stable nodes (what the rewrites produce and the lowering
understands) and array nodes (what the lowering produces and the printer prints)."""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..errors import CompileError
from ..functions import XP_FUNCTIONS

# The array-namespace operations a forward pass from ``Compiled.loss_fn(xp)`` may call, as
# ``xp.<op>``: the elementwise functions of the table (``functions.XP_FUNCTIONS``) and sqrt; logaddexp(a, b), maximum(a, b);
# sum(a, axis=, keepdims=), max(a, axis=, keepdims=); einsum(subscripts, *operands) (also
# used for transposes and matrix products); where(condition, a, b) (piecewise, sign, Heaviside); eye(n, dtype=like.dtype);
# linalg.solve(A, b), linalg.slogdet(A), linalg.inv(A), linalg.det(A) (matrix calculus, symgrad.linalg).
# Besides these it uses only arithmetic and comparison operators, ``&``, ``|``, ``~``,
# ``.shape``, ``.dtype`` and indexing with ``...``, ``None``, ``:`` and integers.
XP_OPS: tuple[str, ...] = (*XP_FUNCTIONS, "sqrt", "logaddexp", "maximum", "sum", "max", "einsum", "where", "eye",
                           "linalg")


class Softmax(sp.Function):
    """``exp(u_i) / sum_k exp(u_k)`` over the index ``i`` (second argument), computed with the max subtracted;
    with a third argument ``w_i``, the weighted ``w_i exp(u_i) / sum_k w_k exp(u_k)``."""


class SoftmaxComplement(sp.Function):
    """``1 - softmax_i(u) = sum_{k != i} exp(u_k) / sum_k exp(u_k)``, summed over the others, never subtracted
    from 1 (where softmax_i(u) ~ 1 the difference keeps only its rounding)."""


class LogSoftmax(sp.Function):
    """``log softmax_i(u) = u_i - logsumexp_k(u_k)``: finite even where the softmax underflows to 0."""


class LogSumExp(sp.Function):
    """``log sum_k exp(u_k)`` over the index ``k`` (second argument), computed with the max subtracted;
    with a third argument ``w_k``, ``log sum_k w_k exp(u_k)``."""


class Sigmoid(sp.Function):
    """``1 / (1 + exp(-u))``, computed as ``exp(-logaddexp(0, -u))`` so that nothing overflows."""


class Softplus(sp.Function):
    """``log(1 + exp(u)) = logaddexp(0, u)``."""


class Maximum(sp.Function):
    """Elementwise maximum of two arrays (SymPy's ``Max`` prints as a reduction, not ``np.maximum``)."""


class Difference(sp.Function):
    """``a - b`` kept as one value (the residual ``yhat - y``, the centred ``x - mu`` a definition computes):
    SymPy would flatten it into the sum around it, and rounding would then take what it keeps exact.
    Lowered, its arguments are arrays and it prints as ``a - b``, in brackets inside a sum (its precedence is just
    below a sum's), so that ``c + (a - b)`` subtracts first."""

    precedence = PRECEDENCE["Add"] - 1


class SizeFloat(sp.Function):
    """A non-integer function of sizes alone (``sqrt(D)``) as a Python float: ``np.sqrt(D)`` is a NumPy float64,
    which would make a float32 array float64 (NEP 50)."""

    def _numpycode(self, printer: Any) -> str:  # every array printer (np, xp, torch) prints the inner call its way
        return f"float({printer._print(self.args[0])})"


_STABLE_NODES = (Softmax, SoftmaxComplement, LogSoftmax, LogSumExp, Sigmoid, Softplus)

# --- array nodes (after lowering): what the printer prints ---


class ArraySum(sp.Function):
    """``e.sum(axis=axes, keepdims=keep)``; args ``(e, keep, *axes)`` with negative axes."""


class ArrayMax(sp.Function):
    """``e.max(axis=axes, keepdims=keep)``; args ``(e, keep, *axes)`` with negative axes."""


class Centered(sp.Function):
    """``u - m`` with ``m = u.max(axis, keepdims=True)``: the shifted logits softmax and log-softmax share; args ``(u, m)``."""

    precedence = PRECEDENCE["Add"]


class Einsum(sp.Function):
    """``einsum(subscripts, *operands)``; args ``(Str(subscripts), *operands)``."""


class MatProd(sp.Function):
    """``a @ b``; args ``(a, b, Str(subscripts))``: the same product as an einsum, for ``xp`` (whose ``@``,
    TensorFlow's, takes no vectors)."""


class Transposed(sp.Function):
    """The transpose of a matrix (only for 2-d arrays without batch axes)."""


class Expanded(sp.Function):
    """``e[index]`` with ``None`` inserting broadcast axes; args ``(e, Str(index))``."""


class Eye(sp.Function):
    """``eye(n)`` in the dtype of the input array ``like``; args ``(n, like)``."""


class LogAddExp(sp.Function):
    """``logaddexp(a, b) = log(exp(a) + exp(b))`` without overflow."""


class BroadcastTo(sp.Function):
    """A result that does not depend on every output index, given its full shape; args ``(e, Str(shape), like)``."""


class Where(sp.Function):
    """``where(condition, a, b)``: a piecewise expression, elementwise."""


_ARRAY_NODES = (Centered, ArraySum, ArrayMax, Einsum, MatProd, Transposed, Expanded, Eye, BroadcastTo)


class Ratio(sp.Function):
    """``a/b`` divided before anything multiplies it (SymPy would write ``(a/b)^2`` as ``a^2/b^2``, squaring ``a``
    first: the underflow a scaled norm avoids)."""

    def _numpycode(self, printer: Any) -> str:  # every array printer (np, xp, torch) prints it its way
        return f"(({printer._print(self.args[0])})/({printer._print(self.args[1])}))"


class Norm(sp.Function):
    """``sqrt(sum_k v_k^2)`` over the index ``k`` (second argument), computed as ``m sqrt(sum_k (v_k/m)^2)`` with
    ``m = max_k |v_k|`` (as ``hypot`` does): no square underflows to 0 (residuals of 1e-310) or overflows (1e200);
    0 where every ``v_k`` is 0."""

    def array_form(self, lower: Any) -> tuple[sp.Expr, tuple, bool]:
        """The lowered norm: ``v``'s axes without ``k``."""
        v, k = lower(self.args[0]), self.args[1]
        if k not in v.axes:
            raise CompileError(f"{self}: the index {k} of the norm does not occur in its argument")
        axis = sp.Integer(v.axes.index(k) - len(v.axes))
        top = ArrayMax(sp.Abs(v.expr), sp.S.One, axis)
        scaled = Ratio(v.expr, Where(sp.Gt(top, 0), top, 1))
        total = ArraySum(scaled**2, sp.S.Zero, axis)
        return ArrayMax(sp.Abs(v.expr), sp.S.Zero, axis) * sp.sqrt(total), tuple(j for j in v.axes if j != k), v.data

