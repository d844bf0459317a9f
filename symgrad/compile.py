"""Compile a Derivation to fast, numerically stable, whole-array NumPy code.

The flow (DESIGN.md, "compile"): the graph's definitions and the derivation's results are
index expressions. ``REWRITES`` (one table) replaces unstable spellings by stable nodes
(softmax with the max subtracted, log-softmax, log-sigmoid, BCE with logits, ...), whatever
the spelling. ``_Lowering`` turns index notation into array expressions: a sum of products
becomes ``@`` when it is a matrix product and one ``einsum`` otherwise, elementwise work
broadcasts, ``KroneckerDelta`` of free indices becomes ``eye``. ``sympy.cse`` shares work
between the loss and its gradients, and ``_ArrayPrinter`` (a ``NumPyPrinter``) prints the
code, which runs as plain NumPy: no SymPy work and no Python loop over data on the call path.

Entries whose inputs are all vectors or scalars (softmax, sigmoid, cce-logits, ...) accept
leading batch axes: every leading index is an independent problem and gets its own loss
and gradient. Entries with matrix inputs (the seed's x [B, D], w [D, C]) take exact ranks.
"""

from __future__ import annotations

import functools
import keyword
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from sympy.codegen.cfunctions import log1p
from sympy.core.symbol import Str
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pycode import PythonCodePrinter

from .derivation import Derivation, Graph, Result
from .errors import ShapeError, SymgradError
from .tensors import Constraint, Definition, extent, name_of, shape_of

# The array-namespace operations a forward pass from ``Compiled.loss_fn(xp)`` may call, as
# ``xp.<op>``: exp, log, log1p, sqrt, abs, tanh, sinh, cosh, arctan (elementwise); logaddexp(a, b), maximum(a, b);
# sum(a, axis=, keepdims=), max(a, axis=, keepdims=); einsum(subscripts, *operands) (also
# used for transposes and matrix products); where(condition, a, b) (piecewise, sign, Heaviside); eye(n, dtype=like.dtype).
# Besides these it uses only arithmetic and comparison operators, ``&``, ``|``, ``~``,
# ``.shape``, ``.dtype`` and indexing with ``...``, ``None``, ``:`` and integers.
XP_OPS: tuple[str, ...] = ("exp", "log", "log1p", "sqrt", "abs", "tanh", "sinh", "cosh", "arctan", "logaddexp",
                           "maximum", "sum", "max", "einsum", "where", "eye")

_RESERVED = frozenset({"np", "xp"})


class CompileError(SymgradError):
    """A derivation uses a construct the compiler cannot turn into array code."""


# --- stable nodes (index level): what the rewrites produce and the lowering understands ---


class Softmax(sp.Function):
    """``exp(u_i) / sum_k exp(u_k)`` over the index ``i`` (second argument), computed with the max subtracted."""


class LogSoftmax(sp.Function):
    """``log softmax_i(u) = u_i - logsumexp_k(u_k)``: finite even where the softmax underflows to 0."""


class LogSumExp(sp.Function):
    """``log sum_k exp(u_k)`` over the index ``k`` (second argument), computed with the max subtracted."""


class Sigmoid(sp.Function):
    """``1 / (1 + exp(-u))``, computed as ``exp(-logaddexp(0, -u))`` so that nothing overflows."""


class Softplus(sp.Function):
    """``log(1 + exp(u)) = logaddexp(0, u)``."""


class Maximum(sp.Function):
    """Elementwise maximum of two arrays (SymPy's ``Max`` prints as a reduction, not ``np.maximum``)."""


_STABLE_NODES = (Softmax, LogSoftmax, LogSumExp, Sigmoid, Softplus)

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


# --- stability rewrites: one table of small named entries, applied bottom-up until none fires ---


@dataclass(frozen=True)
class Rewrite:
    """A stability rewrite: ``apply(expr, names)`` returns the stable form of ``expr`` or None."""

    name: str
    reason: str
    apply: Callable[[sp.Expr, dict[str, tuple[sp.Expr, sp.Expr]]], sp.Expr | None]


def _idx_range(i: sp.Basic) -> tuple[sp.Expr, sp.Expr] | None:
    return (i.lower, i.upper) if isinstance(i, sp.Idx) else None


def _free(e: sp.Basic) -> set[sp.Idx]:
    """The free indices of an index expression (summed indices excluded)."""
    if isinstance(e, sp.Idx):
        return {e}
    if isinstance(e, sp.Indexed):
        return {i for i in e.indices if isinstance(i, sp.Idx)}
    if isinstance(e, sp.Sum):
        return _free(e.function) - {lim[0] for lim in e.limits}
    if isinstance(e, LogSumExp):
        return _free(e.args[0]) - {e.args[1]}
    if isinstance(e, (Softmax, LogSoftmax)):
        return _free(e.args[0])
    if e.is_Atom:
        return set()
    out: set[sp.Idx] = set()
    for a in e.args:
        out |= _free(a)
    return out


def _delta_partner(e: sp.Expr, k: sp.Idx) -> sp.Idx | None:
    """``j`` when ``e`` is ``KroneckerDelta(k, j)`` times something (in every term and every case)."""
    if isinstance(e, sp.KroneckerDelta) and k in e.args:
        j = e.args[0] if e.args[1] == k else e.args[1]
        return j if isinstance(j, sp.Idx) and _idx_range(j) == _idx_range(k) else None
    if isinstance(e, sp.Mul):
        return next((j for f in e.args if (j := _delta_partner(f, k)) is not None), None)
    parts = [c.expr for c in e.args] if isinstance(e, sp.Piecewise) else e.args if isinstance(e, sp.Add) else ()
    partners = {_delta_partner(t, k) for t in parts}
    return partners.pop() if len(partners) == 1 else None


def _undoes(squeeze: str, keys: list[str]) -> bool:
    """Whether indexing with ``keys`` re-inserts exactly the axes that ``squeeze`` (``[..., 0, :]``) removed."""
    inner = [k for k in squeeze.strip("[]").split(", ") if k != "..."][::-1]
    outer = keys[::-1]
    if len(outer) < len(inner) or any(k != ":" for k in outer[len(inner):]):
        return False
    return all((i, o) in (("0", "None"), (":", ":")) for i, o in zip(inner, outer))


def _bound(e: sp.Basic) -> set[sp.Idx]:
    """Indices bound by sums (and logsumexps) inside ``e``."""
    out: set[sp.Idx] = set()
    if isinstance(e, sp.Sum):
        out |= {lim[0] for lim in e.limits}
    elif isinstance(e, LogSumExp):
        out.add(e.args[1])
    if not e.is_Atom and not isinstance(e, sp.Indexed):
        for a in e.args:
            out |= _bound(a)
    return out


def _rename(rhs: sp.Expr, own: tuple[sp.Idx, ...], idx: tuple[sp.Basic, ...]) -> sp.Expr:
    """``rhs`` with its free indices ``own`` renamed to ``idx``, bound indices renamed out of the way first."""
    clash = {b for b in _bound(rhs) if b in idx}
    fresh = {b: sp.Idx(sp.Symbol(f"{b.label}_", integer=True), (b.lower, b.upper)) for b in clash}
    return rhs.xreplace(fresh).xreplace(dict(zip(own, idx)))


def _seen(e: sp.Expr, names: dict[str, tuple[sp.Expr, sp.Expr]]) -> sp.Expr:
    """What a reference to a defined name stands for (its stabilised right-hand side); else ``e``."""
    if isinstance(e, sp.Indexed) and name_of(e) in names:
        lhs, rhs = names[name_of(e)]
        if isinstance(lhs, sp.Indexed) and len(lhs.indices) == len(e.indices):
            return _rename(rhs, tuple(lhs.indices), tuple(e.indices))
    if isinstance(e, sp.Symbol) and e.name in names and not isinstance(names[e.name][0], sp.Indexed):
        return names[e.name][1]
    return e


def _exp_sum(e: sp.Expr) -> tuple[sp.Expr, sp.Idx] | None:
    """``(v, k)`` when ``e`` is ``Sum(exp(v), (k, 1, K))`` over a whole index range."""
    if isinstance(e, sp.Sum) and len(e.limits) == 1:
        body = e.function
        if isinstance(body, sp.Mul) and all(isinstance(f, sp.exp) for f in body.args):
            body = sp.exp(sp.Add(*[f.args[0] for f in body.args]))  # exp(-a_i) exp(a_k) = exp(a_k - a_i)
        k, lo, hi = e.limits[0]
        if isinstance(body, sp.exp) and isinstance(k, sp.Idx) and lo == 1 and hi == extent(k):
            return body.args[0], k
    return None


def _softmax(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Pow) and e.exp == -1 and (m := _exp_sum(e.base)):
        v, k = m  # 1 / sum_k exp(u_k - u_i)
        with_k = sp.Add(*[t for t in sp.Add.make_args(v) if k in _free(t)])
        rest = v - with_k
        for i in _free(rest):
            if _idx_range(i) == _idx_range(k) and k not in _free(rest) and sp.expand(rest + with_k.xreplace({k: i})) == 0:
                return Softmax(with_k.xreplace({k: i}), i)
    if isinstance(e, sp.Mul):  # exp(u_i + c) / (sum_k exp(u_k))^n = softmax_i(u) exp(c) / (sum_k exp(u_k))^(n-1)
        factors = list(e.args)
        for a, den in enumerate(factors):
            base, n = den.as_base_exp()
            if not (n.is_Integer and n < 0 and (m := _exp_sum(base))):
                continue
            v, k = m
            for b, num in enumerate(factors):
                if b == a or not isinstance(num, sp.exp):
                    continue
                arg = num.args[0]
                for i in _free(arg):
                    # the summed index may be spelled as i itself: exp(z_i) / sum_i exp(z_i) is bound there
                    if _idx_range(i) != _idx_range(k) or (k != i and k in _free(arg)):
                        continue
                    for u in dict.fromkeys((arg, sp.Add(*[t for t in sp.Add.make_args(arg) if i in _free(t)]))):
                        if u.xreplace({i: k}) == v:
                            rest = [f for c, f in enumerate(factors) if c not in (a, b)]
                            return sp.Mul(*rest, sp.exp(arg - u), base ** (n + 1), Softmax(u, i))
    return None


def _over_exp_sum(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Mul) and any(isinstance(f, sp.Pow) and f.exp == -1 and _exp_sum(f.base) for f in e.args):
        for f in e.args:
            if isinstance(f, sp.Add):
                rest = [g for g in e.args if g is not f]
                return sp.Add(*[sp.Mul(t, *rest) for t in f.args])
    return None


def _softplus(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2:
        one, other = sorted(e.args[0].args, key=lambda t: t != 1)
        if one == 1 and isinstance(other, sp.exp):  # log(1 + exp(u)), log(exp(u) + 1), log(1 + exp(-u))
            return Softplus(other.args[0])
    return None


def _log_cosh(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and isinstance(e.args[0], sp.cosh):
        u = sp.Abs(e.args[0].args[0])
        return u + log1p(sp.exp(-2 * u)) - sp.log(2)
    return None


def _max_min(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, (sp.Max, sp.Min)):
        first, *rest = e.args
        for a in rest:
            first = Maximum(first, a) if isinstance(e, sp.Max) else -Maximum(-first, -a)
        return first
    return None


def _positive(e: sp.Expr, names: dict) -> bool:
    """Whether ``e > 0`` by construction: exp, softmax, sigmoid, positive numbers and sizes, and their sums,
    products and real powers (a name counts as what it is defined to be)."""
    e = _seen(e, names)
    if isinstance(e, (sp.exp, Softmax, Sigmoid)):
        return True
    if e.is_number or isinstance(e, sp.Symbol):
        return bool(e.is_positive)
    if isinstance(e, sp.Pow):
        return bool(e.exp.is_real) and _positive(e.base, names)
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(_positive(a, names) for a in e.args)
    if isinstance(e, sp.Sum):  # over whole index ranges, never empty
        return _positive(e.function, names)
    return False


def _log_split(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Mul)):
        return None
    positive = [f for f in e.args[0].args if _positive(f, names)]
    others = [f for f in e.args[0].args if f not in positive]

    def stable_log(f: sp.Expr) -> bool:  # a factor whose log another rewrite turns stable
        base = _seen(f.base if isinstance(f, sp.Pow) else f, names)
        return isinstance(base, (sp.exp, Softmax, Sigmoid)) or _exp_sum(base) is not None

    if not any(stable_log(f) for f in positive):
        return None
    logs = [f.exp * sp.log(f.base) if isinstance(f, sp.Pow) else f.args[0] if isinstance(f, sp.exp) else sp.log(f)
            for f in positive]
    return sp.Add(*logs, *([sp.log(sp.Mul(*others))] if others else []))


def _log_softmax(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and isinstance(s := _seen(e.args[0], names), Softmax):
        return LogSoftmax(*s.args)
    return None


def _logsumexp(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and (m := _exp_sum(e.args[0])):
        return LogSumExp(*m)
    return None


def _sigmoid(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Pow) and e.exp == -1 and isinstance(e.base, sp.Add) and len(e.base.args) == 2:
        one, other = sorted(e.base.args, key=lambda t: t != 1)
        if one == 1 and isinstance(other, sp.exp):  # 1 / (1 + exp(-u))
            return Sigmoid(-other.args[0])
    if isinstance(e, sp.Mul):  # exp(u) / (1 + exp(u)) = exp(u) sigma(-u)
        for s in e.args:
            if isinstance(s, Sigmoid) and (num := sp.exp(-s.args[0])) in e.args:
                return sp.Mul(*[f for f in e.args if f not in (s, num)], Sigmoid(-s.args[0]))
    return None


def _exp_product(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Mul):
        exps = [f for f in e.args if isinstance(f, sp.exp)]
        if len(exps) > 1:
            return sp.Mul(*[f for f in e.args if not isinstance(f, sp.exp)], sp.exp(sp.Add(*[f.args[0] for f in exps])))
    return None


def _exp_into_sum(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Mul):
        sums = [f for f in e.args if isinstance(f, sp.Sum)]
        if len(sums) == 1 and sums[0].function.has(sp.exp):
            bound = {lim[0] for lim in sums[0].limits}

            def moves(f: sp.Expr) -> bool:  # exp(a), or 1/(sum_k exp(u_k))^n, free of the summed indices
                base, n = f.as_base_exp()
                return (isinstance(f, sp.exp) or (n.is_negative and _exp_sum(base) is not None)) and not _free(f) & bound

            inner = [f for f in e.args if moves(f)]
            if inner:
                rest = [f for f in e.args if f not in inner and f is not sums[0]]
                return sp.Mul(*rest, sp.Sum(sp.Mul(*inner, sums[0].function), *sums[0].limits))
    return None


def _multiple(a: sp.Expr, v: sp.Expr) -> int | None:
    """The nonzero integer ``c`` with ``a = c v``, else None."""
    av, vv = sp.expand(a), sp.expand(v)
    cv, lead = sp.Add.make_args(vv)[0].as_coeff_Mul()
    for term in sp.Add.make_args(av):
        ca, rest = term.as_coeff_Mul()
        if rest == lead:
            c = ca / cv
            return int(c) if c.is_Integer and c != 0 and sp.expand(av - c * vv) == 0 else None
    return None


def _logistic_fraction(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul):
        return None
    v = None  # the sigmoid's argument: from a factor sigma(v) or 1/(1 + exp(v))^n
    for f in e.args:
        base, n = f.as_base_exp()
        if isinstance(base, Sigmoid):
            v = base.args[0]
        elif n.is_Integer and n < 0 and isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args:
            other = base.args[0] if base.args[1] == 1 else base.args[1]
            v = other.args[0] if isinstance(other, sp.exp) else None
        if v is not None:
            break
    if v is None or v.is_number:
        return None
    t = sp.Dummy("t", positive=True)  # t = exp(v)
    raw = []  # the exps of multiples of v that become powers of t

    def in_t(x: sp.Expr) -> sp.Expr:
        if isinstance(x, sp.exp) and (c := _multiple(x.args[0], v)) is not None:
            raw.append(x)
            return t**c
        if isinstance(x, Sigmoid) and (c := _multiple(x.args[0], v)) in (1, -1):
            return t / (1 + t) if c == 1 else 1 / (1 + t)
        if isinstance(x, (sp.Add, sp.Mul)) or (isinstance(x, sp.Pow) and x.exp.is_Integer):
            return x.func(*[in_t(a) for a in x.args])
        return x  # anything else is a coefficient, even if it holds exp(v) (sqrt(1 + exp(v)), a sum)

    mapped = [in_t(f) for f in e.args]
    if not raw:
        return None
    rest = [f for f in mapped if not f.has(t)]
    num, den = sp.fraction(sp.cancel(sp.Mul(*[f for f in mapped if f.has(t)])))
    if den.free_symbols - {t}:
        return None
    den = sp.Poly(den, t)
    n = m = 0
    for d, count in ((sp.Poly(t + 1, t), "n"), (sp.Poly(t, t), "m")):
        while den.degree() > 0 and (qr := den.div(d))[1].is_zero:
            den = qr[0]
            n, m = (n + 1, m) if count == "n" else (n, m + 1)
    if den.degree() != 0:
        return None
    terms = sp.Poly(num, t).terms()
    if any(not 0 <= k - m <= n for (k,), _ in terms):  # grows like exp(|v|): no bounded form
        return None
    # t^k / (1 + t)^n = sigma(v)^k sigma(-v)^(n - k), each factor in [0, 1]
    s, r = Sigmoid(v), Sigmoid(-v)
    body = sp.Add(*[c * s ** (k - m) * r ** (n - k + m) for (k,), c in terms])
    return sp.Mul(*rest, body / den.as_expr())


def _one_minus_sigmoid(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Add) and sp.S.One in e.args:
        for t in e.args:
            if t.could_extract_minus_sign() and isinstance(s := _seen(-t, names), Sigmoid):
                return sp.Add(*[a for a in e.args if a not in (sp.S.One, t)], Sigmoid(-s.args[0]))
    return None


def _log_sigmoid(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and isinstance(s := _seen(e.args[0], names), Sigmoid):
        return -Softplus(-s.args[0])
    return None


def _softplus_pair(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Add):
        return None
    terms = []
    for t in e.args:
        sps = [f for f in sp.Mul.make_args(t) if isinstance(f, Softplus)]
        if len(sps) == 1:
            terms.append((t, sps[0].args[0], t / sps[0]))
    for t1, u1, c1 in terms:
        for t2, u2, c2 in terms:
            if t1 is not t2 and not u2.could_extract_minus_sign() and sp.expand(u1 + u2) == 0:
                u, a = u2, c1  # a sp(-u) + c2 sp(u) = (a + c2) sp(u) - a u,  sp(u) = max(u, 0) + log1p(exp(-|u|))
                stable = (a + c2) * (Maximum(u, 0) + log1p(sp.exp(-sp.Abs(u)))) - a * u
                return sp.Add(*[t for t in e.args if t not in (t1, t2)], stable)
    return None


REWRITES: tuple[Rewrite, ...] = (
    Rewrite("exp-product", "exp(a) exp(b) is inf * 0 = nan where exp(a + b) is finite; one exp(a + b) also lets "
            "the sigmoid and softmax rules see exp(u) whatever the spelling", _exp_product),
    Rewrite("exp-into-sum", "exp(a) sum_n f_n exp(u_n) overflows in parts: move exp(a), and 1/sum_k exp(u_k), "
            "into the sum, where exp-product makes exp(a + u_n) and sum_n w_n exp(u_n)/sum_k exp(u_k) becomes "
            "sum_n w_n softmax_n(u), max subtracted", _exp_into_sum),
    Rewrite("softmax", "exp overflows for large logits: subtract the max over the summed index first "
            "(exp(u_i)/sum_k exp(u_k), exp(u_i)/sum_i exp(u_i) with the sum's own i, or 1/sum_k exp(u_k - u_i))",
            _softmax),
    Rewrite("over-sum-exp", "(a + b)/sum_k exp(u_k) overflows as a whole: split it so that each "
            "exp(u_j)/sum_k exp(u_k) becomes a softmax", _over_exp_sum),
    Rewrite("log-split", "log(a b) = log a + log b for every a when b > 0: split off factors positive by "
            "construction (exp, softmax, sigmoid, sum of exp, positive constants, names defined so), so that "
            "log(q_k/p_k) with p a softmax becomes log q_k - log-softmax; other factors stay one log", _log_split),
    Rewrite("log-softmax", "log of a softmax is u_i - logsumexp(u): no log(0) where p underflows", _log_softmax),
    Rewrite("logsumexp", "log sum_k exp(u_k) overflows: m + log sum_k exp(u_k - m) with m = max_k u_k", _logsumexp),
    Rewrite("sigmoid", "1/(1 + exp(-u)) overflows exp(-u) for u << 0: exp(-logaddexp(0, -u))", _sigmoid),
    Rewrite("logistic-fraction", "P(t)/(t^m (1 + t)^n) with t = exp(u) is inf/inf once exp(u) overflows: each "
            "t^k/(1 + t)^n is sigma(u)^k sigma(-u)^(n-k) (exp(u)/(1 + exp(u))^2 = sigma(u) sigma(-u))",
            _logistic_fraction),
    Rewrite("one-minus-sigmoid", "1 - sigma(u) = sigma(-u): no cancellation where sigma(u) ~ 1, "
            "so log(1 - sigma(u)) becomes -logaddexp(0, u) by log-sigmoid", _one_minus_sigmoid),
    Rewrite("log-sigmoid", "log sigma(u) = -logaddexp(0, -u): finite where sigma(u) underflows", _log_sigmoid),
    Rewrite("softplus", "log(1 + exp(u)) overflows exp(u) for u >> 0 (inf where the loss is u): logaddexp(0, u)",
            _softplus),
    Rewrite("bce-logits", "y sp(-u) + (1 - y) sp(u) = max(u, 0) - u y + log1p(exp(-|u|)): the standard "
            "binary cross-entropy on logits, one softplus, nothing overflows", _softplus_pair),
    Rewrite("log-cosh", "cosh overflows for |u| > 710: log cosh u = |u| + log1p(exp(-2|u|)) - log 2", _log_cosh),
    Rewrite("max-min", "SymPy's Max/Min as elementwise np.maximum (min(a, b) = -max(-a, -b))", _max_min),
)


def stabilise(e: sp.Expr, names: dict[str, tuple[sp.Expr, sp.Expr]], fired: list[str] | None = None) -> sp.Expr:
    """``e`` with every ``REWRITES`` entry applied bottom-up until none fires.

    ``names`` maps a defined name to its (lhs, stabilised rhs), so that ``log(p_i)`` with ``p`` a
    softmax is recognised; ``fired`` collects the names of the rewrites that fired.
    """
    if e.is_Atom or isinstance(e, (sp.Indexed, sp.Idx)):
        return e
    args = [stabilise(a, names, fired) for a in e.args]
    if args != list(e.args):
        e = e.func(*args)
    for rule in REWRITES:
        new = rule.apply(e, names)
        if new is not None:
            if fired is not None:
                fired.append(rule.name)
            return stabilise(new, names, fired)
    return e


def _may_warn(e: sp.Basic, data: frozenset[str]) -> bool:
    """Whether ``e`` has a log, division, root or exp of data that can warn at the edge of its domain."""
    if e.is_Atom or isinstance(e, sp.Indexed):
        return False

    def on_data(x: sp.Basic) -> bool:
        return any(name_of(s) in data for s in x.atoms(sp.Symbol, sp.Indexed))

    if isinstance(e, (sp.log, log1p)):
        safe = isinstance(e, log1p) and isinstance(e.args[0], sp.exp) and _is_minus_abs(e.args[0].args[0])
        if not safe and on_data(e.args[0]):
            return True
    if isinstance(e, sp.exp) and on_data(e.args[0]) and not _is_minus_abs(e.args[0]):
        return True
    if isinstance(e, sp.Pow) and on_data(e.base) and not (e.exp.is_integer and e.exp.is_nonnegative):
        return True
    return any(_may_warn(a, data) for a in e.args)


def _is_minus_abs(u: sp.Expr) -> bool:
    """``u`` is ``-c |v|`` with ``c > 0``, so ``exp(u) <= 1``."""
    coeff, rest = (-u).as_coeff_Mul()
    return bool(coeff > 0) and isinstance(rest, sp.Abs)


# --- lowering: index notation to array expressions ---


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

    def __call__(self, e: sp.Expr) -> _Arr:
        if isinstance(e, sp.Rational):
            return _Arr(e, (), False)
        if e.is_number:  # log(2), pi, ...: a Python float (a NumPy float64 would upcast float32 arrays)
            if not e.is_extended_real:
                raise CompileError(f"the constant {e} is not a real number")
            return _Arr(e.evalf(17), (), False)
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
        if isinstance(e, sp.Function) and not isinstance(e, _ARRAY_NODES):  # elementwise; the printer says if known
            return self._elementwise(e.func, [self(a) for a in e.args])
        raise CompileError(f"cannot compile {type(e).__name__} in {e}")

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
        name = name_of(e)
        if name not in self.ranks:
            raise CompileError(f"{e}: {name} is neither an input nor a definition")
        idx = tuple(e.indices)
        if len(idx) != self.ranks[name]:
            raise CompileError(f"{e}: {name} has rank {self.ranks[name]}, indexed with {len(idx)} indices")
        if not all(isinstance(i, sp.Idx) for i in idx) or len(set(idx)) != len(idx):
            raise CompileError(f"{e}: only distinct plain indices (no offsets, no repeats) can be compiled")
        return _Arr(sp.Symbol(name), idx, True)

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
        if isinstance(body, sp.Mul):  # (delta_jk - p_nk) p_nj summed over n: two sums, no [N, N, N] array
            for f in body.args:
                if isinstance(f, sp.Add) and _free(f) not in [_free(t) for t in f.args]:
                    rest = [g for g in body.args if g is not f]
                    body = sp.Add(*[sp.Mul(t, *rest) for t in f.args])
                    break
        if isinstance(body, sp.Add):
            groups: dict[frozenset, list[sp.Expr]] = {}
            for t in body.args:
                groups.setdefault(frozenset(_free(t)), []).append(t)
            if any(sum(1 for f in sp.Mul.make_args(t) if _free(f)) > 1 for t in body.args):
                parts = [[t] for t in body.args]  # products are contractions (@, einsum): one sum each
            else:
                parts = list(groups.values())  # one reduction per set of indices
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
        for k in list(summed):  # an index only one operand has: sum it there first
            holders = [o for o in ops if k in o.axes]
            if len(ops) > 1 and len(holders) == 1:
                o = holders[0]
                reduced = _Arr(ArraySum(o.expr, sp.S.Zero, sp.Integer(o.axes.index(k) - len(o.axes))),
                               tuple(i for i in o.axes if i != k), o.data)
                ops.remove(o)
                (ops if reduced.axes else scalars).append(reduced)
                summed.remove(k)
        constants = [f.expr for f in scalars if not f.data]
        if ops and summed and (constants or scale != 1) and len(self._union(ops)) > len(summed):
            # 1/B into the smaller (computed) operand: (p - y)/B is then shared by both seed gradients
            o = min(ops, key=lambda a: (len(a.axes), isinstance(a.expr, sp.Symbol)))
            ops[ops.index(o)] = _Arr(sp.Mul(scale, *constants, o.expr), o.axes, o.data)
            scalars, scale = [f for f in scalars if f.data], sp.S.One
        out = tuple(i for i in self._union(ops) if i not in summed)
        if not ops:
            core = None
        elif not summed:
            core = self._elementwise(sp.Mul, ops).expr
        elif len(ops) == 1:
            op = ops[0]
            core = ArraySum(op.expr, sp.S.Zero, *[sp.Integer(op.axes.index(k) - len(op.axes)) for k in summed])
        elif mm := self._matmul(ops, summed):
            core, out = mm
        else:
            core = self._einsum(ops, out)
        data = any(f.data for f in factors)
        parts = [self._align(s, out) for s in scalars] + ([core] if core is not None else [])
        return _Arr(sp.Mul(scale, *parts), out if core is not None else (), data)

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
        total = ArraySum(sp.exp(shifted), sp.S.One, axis)
        if isinstance(e, Softmax):
            return _Arr(sp.exp(shifted) / total, u.axes, u.data)
        if isinstance(e, LogSoftmax):
            return _Arr(shifted - sp.log(total), u.axes, u.data)
        keys = ", ".join(["..."] + ["0" if j == i else ":" for j in u.axes[u.axes.index(i):]])
        rest = tuple(j for j in u.axes if j != i)
        return _Arr(Expanded(top + sp.log(total), Str(f"[{keys}]")), rest, u.data)


# --- printing ---


# elementwise SymPy functions the NumPy fast path can print: name -> numpy function
_NUMPY_FUNCTIONS = {"sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
                    "asin": "arcsin", "acos": "arccos", "atan": "arctan", "asinh": "arcsinh", "acosh": "arccosh",
                    "atanh": "arctanh"}


class _ArrayPrinter(NumPyPrinter):
    """Prints lowered array expressions: NumPy fast-path code (``np``), or ``xp`` code using only ``XP_OPS``."""

    def __init__(self, module: str = "np"):
        super().__init__({"fully_qualified_modules": True, "allow_unknown_functions": False})
        self.mod = module
        self.fast = module == "np"  # methods, .T and vdot only on the NumPy fast path

    def _call(self, op: str, *args: Any) -> str:
        return f"{self.mod}.{op}({', '.join(a if isinstance(a, str) else self._print(a) for a in args)})"

    def _atom(self, e: sp.Expr) -> str:
        """``e`` printed to take a postfix (``.T``, ``[...]``, ``.sum()``): in parentheses unless a name or a call."""
        text = self._print(e)
        bare = isinstance(e, sp.Symbol) or (e.is_Integer and e >= 0) or (
            isinstance(e, sp.Function) and not isinstance(e, (MatProd, Centered)))
        return text if bare else f"({text})"

    def _print_exp(self, e: sp.Expr) -> str:
        return self._call("exp", e.args[0])

    def _print_log(self, e: sp.Expr) -> str:
        return self._call("log", e.args[0])

    def _print_log1p(self, e: sp.Expr) -> str:
        return self._call("log1p", e.args[0])

    def _print_Abs(self, e: sp.Expr) -> str:
        return self._call("abs", e.args[0])

    def _print_Maximum(self, e: sp.Expr) -> str:
        return self._call("maximum", *e.args)

    def _print_LogAddExp(self, e: sp.Expr) -> str:
        return self._call("logaddexp", *e.args)

    def _print_Pow(self, e: sp.Pow, rational: bool = False) -> str:
        base, ex = e.args
        if ex == sp.S.Half:
            return self._call("sqrt", base)
        if ex == -sp.S.Half:
            return f"1/{self._call('sqrt', base)}"
        if ex.is_Integer and ex < 0:
            inner = self._atom(base) if ex == -1 else f"{self._atom(base)}**{-ex}"
            return f"1/{inner}"
        return f"{self.parenthesize(base, PRECEDENCE['Pow'], strict=True)}**{self._atom(ex)}"

    def _reduction(self, op: str, e: sp.Expr) -> str:
        arr, keep, *axes = e.args
        axis = self._print(axes[0]) if len(axes) == 1 else "(" + ", ".join(map(self._print, axes)) + ")"
        keepdims = ", keepdims=True" if keep else ""
        if self.fast:
            return f"{self._atom(arr)}.{op}(axis={axis}{keepdims})"
        return self._call(op, arr, f"axis={axis}{keepdims}")

    def _print_ArraySum(self, e: sp.Expr) -> str:
        return self._reduction("sum", e)

    def _print_ArrayMax(self, e: sp.Expr) -> str:
        return self._reduction("max", e)

    def _print_Centered(self, e: sp.Expr) -> str:
        return f"{self._print(e.args[0])} - {self._print(e.args[1])}"

    def _print_Einsum(self, e: sp.Expr) -> str:
        spec, *ops = e.args
        ins, out = str(spec).split("->")
        if self.fast and not out and "." not in ins and len(ops) == 2 and len(set(ins.split(","))) == 1:
            return self._call("vdot", *ops)  # a full contraction of two same-shaped arrays is a BLAS dot
        optimize = ["optimize=True"] if len(ops) > 2 else []
        return self._call("einsum", repr(str(spec)), *ops, *optimize)

    def _print_MatProd(self, e: sp.Expr) -> str:
        left, right, subscripts = e.args
        if self.fast:
            return f"({self._atom(left)} @ {self._atom(right)})"  # @ binds like *: always bracketed
        (a, b), out = str(subscripts).split("->")[0].split(","), str(subscripts).split("->")[1]
        if isinstance(left, Transposed):
            left, a = left.args[0], a[::-1]
        if isinstance(right, Transposed):
            right, b = right.args[0], b[::-1]
        return self._call("einsum", repr(f"{a},{b}->{out}"), left, right)

    def _print_Transposed(self, e: sp.Expr) -> str:
        if self.fast:
            return f"{self._atom(e.args[0])}.T"
        return self._call("einsum", "'ij->ji'", e.args[0])

    def _print_Expanded(self, e: sp.Expr) -> str:
        return f"{self._atom(e.args[0])}{e.args[1]}"

    def _print_Eye(self, e: sp.Expr) -> str:
        return self._call("eye", e.args[0], f"dtype={self._print(e.args[1])}.dtype")

    def _print_BroadcastTo(self, e: sp.Expr) -> str:
        if not self.fast:
            raise CompileError("a definition that does not depend on all of its indices cannot be compiled for xp")
        arr, shape, like = e.args
        return f"np.broadcast_to({self._print(arr)}, {shape}).astype({self._print(like)}.dtype)"

    def _print_Str(self, e: Str) -> str:
        return str(e)

    def _print_Float(self, e: sp.Float) -> str:
        return repr(float(e))

    def _print_Relational(self, e: sp.Expr) -> str:
        return f"({self._print(e.lhs)} {e.rel_op} {self._print(e.rhs)})"

    def _print_And(self, e: sp.Expr) -> str:
        return "(" + " & ".join(self._print(a) for a in e.args) + ")"

    def _print_Or(self, e: sp.Expr) -> str:
        return "(" + " | ".join(self._print(a) for a in e.args) + ")"

    def _print_Not(self, e: sp.Expr) -> str:
        return f"(~{self._print(e.args[0])})"

    def _print_Where(self, e: sp.Expr) -> str:
        return self._call("where", *e.args)

    def _print_sign(self, e: sp.Expr) -> str:
        if self.fast:
            return self._call("sign", e.args[0])
        u = e.args[0]
        return self._print(Where(sp.Gt(u, 0), 1, Where(sp.Lt(u, 0), -1, 0)))

    def _print_Heaviside(self, e: sp.Expr) -> str:
        u, h0 = e.args[0], e.args[1] if len(e.args) > 1 else sp.S.Half
        if self.fast:
            return self._call("heaviside", u, h0)
        return self._print(Where(sp.Gt(u, 0), 1, Where(sp.Lt(u, 0), 0, h0)))

    def _print_Function(self, e: sp.Expr) -> str:
        name = type(e).__name__
        if name in _NUMPY_FUNCTIONS and (self.fast or _NUMPY_FUNCTIONS[name] in XP_OPS):
            return self._call(_NUMPY_FUNCTIONS[name], *e.args)
        where = "NumPy" if self.fast else f"the forward pass (xp offers only {', '.join(XP_OPS)})"
        raise CompileError(f"no array code for {name} in {e} for {where}")


# NumPyPrinter prints every function it knows as ``numpy.<name>``: route them all through the whitelist
for _name in [*PythonCodePrinter._kf, *NumPyPrinter._kf]:
    if f"_print_{_name}" not in vars(_ArrayPrinter):
        setattr(_ArrayPrinter, f"_print_{_name}", _ArrayPrinter._print_Function)


# --- the runtime: argument checks and conversions; copied verbatim into exported modules ---

_MISSING = object()


def _shape_text(dims: tuple[str, ...], batched: bool) -> str:
    return "[" + ", ".join((["..."] if batched else []) + list(dims)) + "]"


def _names_check(spec: dict, given: tuple, extra: dict) -> None:
    """Raise ShapeError for an unexpected or a missing argument of a compiled function."""
    names = [name for name, _ in spec["inputs"]]
    if extra:
        raise ShapeError(f"{spec['entry']}: unexpected argument {min(extra)!r}; "
                         f"the arguments are {', '.join(names)}")
    for (name, dims), value in zip(spec["inputs"], given):
        if value is _MISSING:
            raise ShapeError(f"{spec['entry']}: missing argument {name!r}, an array of shape "
                             f"{_shape_text(dims, spec['batched'])}")


def _prepare(spec: dict, given: tuple, extra: dict) -> tuple:
    """Check and convert the arguments (the slow path): arrays in one float dtype, then the sizes."""
    _names_check(spec, given, extra)
    entry, batched, labels = spec["entry"], spec["batched"], spec["labels"]
    arrays = {}
    for (name, dims), value in zip(spec["inputs"], given):
        a = np.asarray(value)
        if a.dtype.kind not in "biuf":
            raise ShapeError(f"{entry}: {name} has dtype {a.dtype}; expected real numbers")
        arrays[name] = a

    def is_labels(name: str, dims: tuple, lead: int) -> bool:
        a = arrays[name]
        return name in labels and a.dtype.kind in "biu" and a.ndim == lead + len(dims) - 1

    def rank_error(name: str, dims: tuple) -> ShapeError:
        a = arrays[name]
        want = f"rank {len(dims)}" + (" or more" if batched else "")
        alt = f", or integer class labels {_shape_text(dims[:-1], batched)}" if name in labels else ""
        return ShapeError(f"{entry}: {name} has shape {a.shape} (rank {a.ndim}) but expected "
                          f"{_shape_text(dims, batched)} ({want}{alt})")

    leads = {}
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if not (name in labels and a.dtype.kind in "biu"):
            if a.ndim < len(dims) or (a.ndim != len(dims) and not batched):
                raise rank_error(name, dims)
            leads[name] = a.shape[:a.ndim - len(dims)]
    lead_rank = max((len(s) for s in leads.values()), default=0)
    label_dims = {}
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if name not in leads:
            if is_labels(name, dims, lead_rank):
                label_dims[name] = dims
                leads[name] = a.shape[:lead_rank]
            elif a.ndim == lead_rank + len(dims) or (batched and a.ndim >= len(dims) and not leads):
                leads[name] = a.shape[:a.ndim - len(dims)]
            else:
                raise rank_error(name, dims)
    try:
        batch = np.broadcast_shapes(*leads.values())
    except ValueError:
        parts = ", ".join(f"{n} has {s}" for n, s in leads.items())
        raise ShapeError(f"{entry}: the leading (batch) axes do not broadcast: {parts}") from None

    votes: dict[str, list] = {}
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in label_dims else dims
        for d, n in zip(own, arrays[name].shape[len(leads[name]):]):
            votes.setdefault(d, []).append((n, name))
    sizes = {}
    for d, vs in votes.items():
        counts: dict[int, int] = {}
        for n, _ in vs:
            counts[n] = counts.get(n, 0) + 1
        best = max(counts.values())
        sizes[d] = next((n, src) for n, src in vs if counts[n] == best)
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in label_dims else dims
        got = arrays[name].shape[len(leads[name]):]
        want = tuple(sizes[d][0] for d in own)
        if got != want:
            used = spec["used_by"].get(name)
            full = leads[name] + want
            need = f" but {used} needs {full}" if used else f" but expected {full}"
            known = ", ".join(f"{d}={sizes[d][0]} from {sizes[d][1]}" for d in own if sizes[d][1] != name)
            what = f"{name} (class labels)" if name in label_dims else name
            raise ShapeError(f"{entry}: {what} has shape {arrays[name].shape}{need}: expected "
                             f"{_shape_text(own, batched)}" + (f" with {known}" if known else ""))
    for name, dims in label_dims.items():
        n = sizes[dims[-1]][0] if dims[-1] in sizes else None
        a = arrays[name]
        if n is None:
            raise ShapeError(f"{entry}: {name} holds class labels but no other argument gives the number of "
                             f"classes {dims[-1]}; pass {name} one-hot {_shape_text(dims, batched)}")
        if a.size and (a.min() < 0 or a.max() >= n):
            raise ShapeError(f"{entry}: {name} holds class labels outside 0..{n - 1} "
                             f"({dims[-1]}={n} from {sizes[dims[-1]][1]})")

    floats = [a.dtype for a in arrays.values() if a.dtype.kind == "f"]
    dtype = np.result_type(*floats) if floats else np.dtype(np.float64)
    out = []
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if name in label_dims:
            a = np.eye(sizes[dims[-1]][0], dtype=dtype)[a]
        a = a.astype(dtype, copy=False)
        if batched and a.shape[:a.ndim - len(dims)] != batch:
            a = np.broadcast_to(a, batch + a.shape[a.ndim - len(dims):])
        out.append(a)
    out += [sizes[d][0] if d in sizes else 0 for d in spec["sizes"]]
    return (*out, batch) if batched else tuple(out)


RUNTIME: tuple[Callable, ...] = (_shape_text, _names_check, _prepare)


# --- code generation ---


@dataclass
class _Program:
    """The lowered graph: named assignments (definitions, then gradients) ready for CSE and printing."""

    entry: str
    inputs: tuple[str, ...]
    dims: dict[str, tuple[str, ...]]
    batched: bool
    defs: list[tuple[sp.Symbol, sp.Expr]]  # lowered definitions, in dependency order
    grads: list[tuple[str, sp.Symbol, sp.Expr]]  # (wrt, variable, lowered expression)
    target: sp.Symbol
    warns: dict[str, bool]  # per assigned name: may it warn at a domain edge
    spec: dict

    def _needed(self, roots: list[sp.Expr]) -> list[tuple[sp.Symbol, sp.Expr]]:
        names = {s for r in roots for s in r.free_symbols}
        for sym, expr in reversed(self.defs):
            if sym in names:
                names |= expr.free_symbols
        return [(s, e) for s, e in self.defs if s in names]

    def statements(self, kind: str, printer: _ArrayPrinter) -> tuple[list[str], bool]:
        """The body lines computing ``kind`` ("loss", "grad" or "value_and_grad") after CSE; may they warn."""
        grads = [] if kind == "loss" else [(v, e) for _, v, e in self.grads]
        roots = ([self.target] if kind != "grad" else []) + [e for _, e in grads]
        outputs = self._needed(roots) + grads
        reps, reduced = sp.cse([e for _, e in outputs], symbols=sp.numbered_symbols("_t"), order="none")
        rep = dict(reps)
        order = {s: n for n, (s, _) in enumerate(reps)}
        alias: dict[sp.Symbol, sp.Symbol] = {}
        done: set[sp.Symbol] = set()
        lines = []

        def emit(sym: sp.Symbol, expr: sp.Expr) -> None:
            todo = set()
            stack = [expr]
            while stack:
                for s in stack.pop().free_symbols:
                    if s in rep and s not in done and s not in todo:
                        todo.add(s)
                        stack.append(rep[s])
            for s in sorted(todo, key=order.get):
                done.add(s)
                lines.append(f"{s} = {printer.doprint(rep[s].xreplace(alias))}")
            text = printer.doprint(expr.xreplace(alias))
            lines.append(f"{sym} = {text[1:-1] if isinstance(expr, MatProd) and printer.fast else text}")

        for (sym, _), expr in zip(outputs, reduced):
            if expr in rep and expr not in done:  # the whole output is shared: compute it under its own name
                done.add(expr)
                alias[expr] = sym
                expr = rep[expr]
            emit(sym, expr)
        return lines, any(self.warns[str(sym)] for sym, _ in outputs)

    def function(self, fname: str, kind: str, spec_name: str, doc: str) -> str:
        """Source of one NumPy function: inline fast checks, the slow-path ``_prepare``, the body."""
        printer = _ArrayPrinter("np")
        params = ", ".join(f"{n}=_MISSING" for n in self.inputs)
        sizes = self.spec["sizes"] + (("_batch",) if self.batched else ())
        lines = [f"def {fname}(*, {params}, **_extra):", f'    """{doc}"""', "    try:"]
        lines += [f"        {s}" for s in self._fast_checks()]
        lines += ["    except (AttributeError, IndexError, TypeError, ValueError):", "        _ok = False",
                  "    if not _ok:",
                  f"        {', '.join(self.inputs + sizes)} = _prepare({spec_name}, {_tuple_text(self.inputs)}, _extra)"]
        body, warns = self.statements(kind, printer)
        if warns:
            lines.append('    with np.errstate(all="ignore"):  # log/division of data: inf or nan at domain edges')
            indent = "        "
        else:
            indent = "    "
        lines += [indent + s for s in body]
        grads = "{" + ", ".join(f"{w!r}: {v}" for w, v, _ in self.grads) + "}"
        result = {"loss": f"{self.target}", "grad": grads, "value_and_grad": f"{self.target}, {grads}"}[kind]
        lines.append(f"{indent}return {result}")
        return "\n".join(lines)

    def _fast_checks(self) -> list[str]:
        """Straight-line checks that accept well-formed float arrays of one dtype (else the slow path)."""
        known: set[str] = set()
        out, conds = [], []
        first = self.inputs[0]
        if self.batched:
            dims0 = self.dims[first]
            out.append(f"_batch = {first}.shape" + ("[:-1]" if dims0 else ""))
        for name in self.inputs:
            dims = self.dims[name]
            if self.batched:
                for pos, d in enumerate(dims):
                    if d not in known:
                        out.append(f"{d} = {name}.shape[{pos - len(dims)}]")
                        known.add(d)
                if name != first:
                    conds.append(f"{name}.shape == _batch + {_tuple_text(dims)}")
            elif dims and len(set(dims)) == len(dims) and not set(dims) & known:
                out.append(f"{', '.join(dims)}{',' if len(dims) == 1 else ''} = {name}.shape")
                known |= set(dims)
            else:
                for pos, d in enumerate(dims):
                    if d not in known:
                        out.append(f"{d} = {name}.shape[{pos}]")
                        known.add(d)
                conds.append(f"{name}.shape == {_tuple_text(dims)}")
        dtypes = " == ".join(f"{n}.dtype" for n in self.inputs)
        conds.append(f"{first}.dtype.kind == 'f'")
        if len(self.inputs) > 1:
            conds.append(dtypes)
        conds.append("not _extra")
        return out + [f"_ok = {' and '.join(conds)}"]

    def forward(self, fname: str, spec_name: str) -> str:
        """Source of the target's forward pass over an array namespace ``xp`` (for autodiff)."""
        printer = _ArrayPrinter("xp")
        params = ", ".join(f"{n}=_MISSING" for n in self.inputs)
        body, _ = self.statements("loss", printer)
        used = {str(s) for _, e in self._needed([self.target]) for s in e.free_symbols}
        lines = [f"def {fname}(*, {params}, **_extra):",
                 f"    if _extra or {' or '.join(f'{n} is _MISSING' for n in self.inputs)}:",
                 f"        _names_check({spec_name}, {_tuple_text(self.inputs)}, _extra)"]
        for d in self.spec["sizes"]:
            if d in used:
                name = next(n for n in self.inputs if d in self.dims[n])
                dims = self.dims[name]
                lines.append(f"    {d} = {name}.shape[{dims.index(d) - len(dims)}]")
        lines += ["    " + s for s in body] + [f"    return {self.target}"]
        return "\n".join(lines)


def _tuple_text(dims: tuple[str, ...]) -> str:
    return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"


def _check_name(name: str, what: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_") or name in _RESERVED:
        raise CompileError(f"{what} {name!r} cannot be a Python variable name in compiled code")


def python_names(d: Derivation) -> Derivation:
    """``d`` with every tensor, scalar and size named as in Python (``lambda`` is ``lambda_``, ``\\mu`` is ``mu``).

    The compiled functions' keyword arguments and gradient keys are these names (``symgrad.loss.python_name``);
    ``d`` is returned as it is when every name already is one.
    """
    from .loss import python_name

    g = d.graph
    exprs = [*g.inputs, *(e for x in g.definitions for e in (x.lhs, x.rhs)),
             *(e for c in g.constraints for e in (c.lhs, c.rhs)), *(e for r in d.results for e in (r.of, r.var, r.expr))]
    symbols = {s for e in exprs for s in sp.sympify(e).atoms(sp.Symbol) if not isinstance(s, sp.Dummy)}
    mapping = {s: sp.Symbol(python_name(s.name), **s.assumptions0) for s in symbols if python_name(s.name) != s.name}
    if not mapping:
        return d
    taken = {s.name for s in symbols}
    for old, new in mapping.items():
        if new.name in taken:
            raise CompileError(f"{old} and {new} would both be the Python name {new}; rename one of them")

    def rename(e: sp.Basic) -> sp.Basic:
        return e.xreplace(mapping)

    graph = Graph(tuple(Definition(rename(x.lhs), rename(x.rhs)) for x in g.definitions),
                  tuple(rename(t) for t in g.inputs), python_name(g.target),
                  tuple(Constraint(rename(c.lhs), rename(c.rhs), c.reason) for c in g.constraints))
    results = [Result(python_name(r.wrt), rename(r.of), rename(r.var), rename(r.expr),
                      tuple((k, rename(v)) for k, v in r.cases), r.matrix) for r in d.results]
    return Derivation(d.name, d.title, graph, d.steps, results, d.notes)


def lower_derivation(d: Derivation) -> tuple[_Program, list[str]]:
    """Stabilise and lower ``d``: the program to print, and the names of the rewrites that fired."""
    g = d.graph
    inputs = tuple(name_of(t) for t in g.inputs)
    dims = {name_of(t): tuple(str(s) for s in shape_of(t)) for t in g.inputs}
    size_syms = {s for t in g.inputs for s in shape_of(t) if isinstance(s, sp.Symbol)}
    for t in g.inputs:
        if any(not isinstance(s, sp.Symbol) for s in shape_of(t)):
            raise CompileError(f"input {name_of(t)} has shape {shape_of(t)}; every axis must be one size symbol")
    for n in inputs + g.names:
        _check_name(n, "tensor")
    for s in size_syms:
        _check_name(s.name, "size")
        if s.name in inputs or s.name in g.names:
            raise CompileError(f"size {s} has the same name as a tensor")
    if not inputs:
        raise CompileError(f"{d.name}: the graph has no inputs")
    batched = all(len(v) <= 1 for v in dims.values())
    ranks = {n: len(v) for n, v in dims.items()} | {x.name: len(x.indices) for x in g.definitions}
    lower = _Lowering(ranks, size_syms, batched, sp.Symbol(inputs[0]))
    fired: list[str] = []
    names: dict[str, tuple[sp.Expr, sp.Expr]] = {}
    data = frozenset(inputs + g.names)
    defs, warns, used_by = [], {}, {}
    for x in g.definitions:
        rhs = stabilise(x.rhs, names, fired)
        names[x.name] = (x.lhs, rhs)
        lower.prefer = tuple(x.indices)
        arr = lower(rhs)
        expr = _shape_to(lower, arr, tuple(x.indices), batched, sp.Symbol(inputs[0]), f"definition {x.lhs}", False)
        defs.append((sp.Symbol(x.name), expr))
        warns[x.name] = _may_warn(rhs, data)
        text = f"{x.name} = {_ArrayPrinter('np').doprint(expr)}"
        for t in inputs:
            if t not in used_by and sp.Symbol(t) in expr.free_symbols:
                used_by[t] = text if len(text) <= 40 else x.name
    if g.definition(g.target) is None:
        raise CompileError(f"{d.name}: the target {g.target} is not a definition of the graph")
    grads = []
    for r in d.results:
        _check_name(r.wrt, "gradient")
        if f"grad_{r.wrt}" in data:
            raise CompileError(f"a tensor is named grad_{r.wrt}, the variable of the gradient by {r.wrt}")
        expr = stabilise(r.expr, names, fired)
        want = r.free_indices
        if len(set(want)) != len(want):
            raise CompileError(f"d{r.of}/d{r.var}: the result repeats an index; rename the variable's indices")
        lower.prefer = want
        arr = lower(expr)
        out = _shape_to(lower, arr, want, batched, sp.Symbol(inputs[0]), f"d{r.of}/d{r.var}", True)
        var = sp.Symbol(f"grad_{r.wrt}")
        grads.append((r.wrt, var, out))
        warns[str(var)] = _may_warn(expr, data)
    spec = {
        "entry": d.name,
        "inputs": tuple((n, dims[n]) for n in inputs),
        "labels": tuple(sorted(_label_inputs(g))),
        "batched": batched,
        "sizes": tuple(dict.fromkeys(s for n in inputs for s in dims[n])),
        "used_by": used_by,
    }
    program = _Program(d.name, inputs, dims, batched, defs, grads, sp.Symbol(g.target), warns, spec)
    return program, fired


def _shape_to(lower: _Lowering, arr: _Arr, want: tuple[sp.Idx, ...], batched: bool, like: sp.Symbol,
              what: str, broadcast: bool) -> sp.Expr:
    """``arr`` with axes exactly ``want`` (permuted; broadcast when it lacks some)."""
    extra = [i for i in arr.axes if i not in want]
    if extra:
        raise CompileError(f"{what}: free index {extra[0]} does not appear on the left-hand side")
    order = tuple(i for i in want if i in arr.axes)
    if order != arr.axes:
        arr = _Arr(lower._permute(arr, order), order, arr.data)
    if order == want and arr.data:
        return arr.expr
    if not broadcast:
        raise CompileError(f"{what} does not depend on every one of its indices {want}")
    shape = "(" + ", ".join(str(lower._size(extent(i), arr.expr)) for i in want) + ("," if len(want) == 1 else "") + ")"
    if batched:
        shape = f"_batch + {shape}" if want else "_batch"
    return BroadcastTo(lower._align(arr, want), Str(shape), like)


def _label_inputs(g: Any) -> set[str]:
    """Inputs declared one-hot by a constraint ``Sum(y[..., k], k) = 1`` over their last index."""
    out = set()
    for c in g.constraints:
        if c.rhs == 1 and isinstance(c.lhs, sp.Sum) and isinstance(c.lhs.function, sp.Indexed):
            y = c.lhs.function
            if len(c.lhs.limits) == 1 and y.indices[-1] == c.lhs.limits[0][0] and g.input(name_of(y)) is not None:
                out.add(name_of(y))
    return out


class Compiled:
    """NumPy functions of a derivation's target and gradients, generated once and run as plain code.

    ``loss(**arrays)`` gives the target (for a vector target such as softmax, its value);
    ``grad(**arrays)`` a dict of gradients keyed by ``Result.wrt`` (for a vector target, the
    Jacobian with axes (target indices, variable indices)); ``value_and_grad`` both, sharing work.
    Arguments are keywords named as the graph's inputs in Python spelling (``python_names``: ``\\lambda``
    is ``lambda_``), and so are the gradient keys; sizes come from the arrays' shapes;
    float32 stays float32, float64 float64, integers become float64; a one-hot input also takes
    integer class labels. Wrong names, ranks or shapes raise ``ShapeError``. ``source`` is the
    NumPy code they run; ``loss_fn(xp)`` the forward pass for real autodiff; ``rewrites`` the
    stability rewrites that fired.
    """

    def __init__(self, derivation: Derivation):
        self.derivation = derivation
        self.name = derivation.name
        self._named = python_names(derivation)  # the names of the arguments and gradient keys
        self._program, fired = lower_derivation(self._named)
        self.rewrites: tuple[str, ...] = tuple(dict.fromkeys(fired))  # the stability rewrites that fired
        self.inputs: tuple[str, ...] = self._program.inputs
        self.wrt: tuple[str, ...] = tuple(w for w, _, _ in self._program.grads)
        self.spec = self._program.spec  # what the argument checks need: names, dims, labels, sizes
        self.source = "\n\n\n".join([f"_SPEC = {self.spec!r}"] + [
            self._program.function(kind, kind, "_SPEC", self._doc(kind)) for kind in ("loss", "grad", "value_and_grad")])
        namespace = {"np": np, "_MISSING": _MISSING, "_prepare": _prepare, "ShapeError": ShapeError}
        exec(compile(self.source, f"<symgrad {self.name}>", "exec"), namespace)  # noqa: S102 - our own printed code
        self.loss: Callable[..., Any] = namespace["loss"]
        self.grad: Callable[..., dict[str, Any]] = namespace["grad"]
        self.value_and_grad: Callable[..., tuple[Any, dict[str, Any]]] = namespace["value_and_grad"]

    def _doc(self, kind: str) -> str:
        """Docstring of a generated function: the arrays it takes and what it returns, with shapes."""
        batch = ["..."] if self.spec["batched"] else []

        def shape(idx: Sequence[Any]) -> str:
            return "[" + ", ".join(batch + [str(extent(i)) if isinstance(i, sp.Idx) else i for i in idx]) + "]"

        args = ", ".join(f"{n} {shape(dims)}" + (f" (or integer class labels {shape(dims[:-1])})"
                                                 if n in self.spec["labels"] else "")
                         for n, dims in self.spec["inputs"])
        target = self._program.target
        value = f"{target} {shape(self._named.graph.definition(str(target)).indices)}"
        grads = "{" + ", ".join(f"{r.wrt!r}: d{target}/d{r.wrt} {shape(r.free_indices)}"
                                for r in self._named.results) + "}"
        returns = {"loss": value, "grad": grads, "value_and_grad": f"({value}, {grads})"}[kind]
        return (f"{self.derivation.title} ({self.name}).\n\n    Keyword arrays: {args}.\n"
                f"    Returns {returns}.\n    ")

    def function_source(self, fname: str, spec_name: str, kind: str = "value_and_grad") -> str:
        """The source of one compiled function under another name (used by ``symgrad.export``)."""
        return self._program.function(fname, kind, spec_name, self._doc(kind))

    @functools.cached_property
    def forward_source(self) -> str:
        """Source of the forward pass over ``xp`` (made on first use: only ``loss_fn`` needs it)."""
        return self._program.forward("loss", "_SPEC")

    def loss_fn(self, xp: Any) -> Callable[..., Any]:
        """The target's forward pass over the array namespace ``xp`` (``autograd.numpy``, ``jax.numpy``, ...).

        It calls only the ``XP_OPS`` on ``xp``, so real autodiff can differentiate it; it takes the
        same keyword arguments (one-hot labels, no conversions). ``CompileError`` if the forward
        pass needs an op outside ``XP_OPS``.
        """
        namespace = {"xp": xp, "_MISSING": _MISSING, "_names_check": _names_check, "_shape_text": _shape_text,
                     "ShapeError": ShapeError, "_SPEC": self.spec}
        exec(compile(self.forward_source, f"<symgrad {self.name} forward>", "exec"), namespace)  # noqa: S102
        return namespace["loss"]

    def __repr__(self) -> str:
        return f"<Compiled {self.name}: d{self._program.target}/d{{{', '.join(self.wrt)}}}>"


def compile_derivation(d: Derivation) -> Compiled:
    """Compile ``d`` to NumPy (see ``Compiled``); all SymPy work happens here, once."""
    return Compiled(d)

