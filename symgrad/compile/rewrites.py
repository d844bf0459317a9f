"""Stability rewrites: one table (``REWRITES``) of small named entries, each with its reason, applied
bottom-up until none fires; and which stabilised expressions may warn at the edge of their domain."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.codegen.cfunctions import log1p

from ..linalg import solve_instead_of_inverse
from ..tensors import extent, name_of
from .indices import _free, _idx_range, _seen
from .nodes import (
    Difference,
    LogSoftmax,
    LogSumExp,
    Maximum,
    Norm,
    Ratio,
    Sigmoid,
    Softmax,
    SoftmaxComplement,
    Softplus,
)
from .structure import (
    cancel_named,
    cancel_pole,
    centre,
    centre_covariance,
    centre_weights,
    margin,
    refine_mean,
    refold_step,
    spread,
)


@dataclass(frozen=True)
class Rewrite:
    """A stability rewrite: ``apply(expr, names)`` returns the stable form of ``expr`` or None."""

    name: str
    reason: str
    apply: Callable[[sp.Expr, dict[str, tuple[sp.Expr, sp.Expr]]], sp.Expr | None]


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


def _weighted_exp_sum(e: sp.Expr) -> tuple[sp.Expr, sp.Idx, sp.Expr] | None:
    """``(v, k, w)`` when ``e`` is ``Sum(w_k exp(v_k), (k, 1, K))`` over a whole index range with a weight ``w``
    free of exp whose indices ``v`` has (a mixture's ``pi_k``)."""
    if not (isinstance(e, sp.Sum) and len(e.limits) == 1 and isinstance(e.function, sp.Mul)):
        return None
    exps = [f for f in e.function.args if isinstance(f, sp.exp)]
    w = sp.Mul(*[f for f in e.function.args if not isinstance(f, sp.exp)])
    found = _exp_sum(sp.Sum(sp.Mul(*exps), *e.limits)) if exps else None
    if found is None or w.has(sp.exp) or not _free(w) <= _free(found[0]):
        return None
    return (*found, w)


def _weighted_softmax(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul):  # w_i exp(u_i + c) / sum_k w_k exp(u_k) = softmax_i(u; w) exp(c)
        return None
    for den in e.args:
        base, n = den.as_base_exp()
        if not (n == -1 and (m := _weighted_exp_sum(base))):
            continue
        v, k, w = m
        for num in e.args:
            if isinstance(num, sp.exp) and (found := _softmax_numerator(num.args[0], v, k)):
                u, i = found
                weight = sp.Mul.make_args(w.xreplace({k: i}))
                rest = list(e.args)
                if all(f in rest for f in weight):
                    for f in (den, num, *weight):
                        rest.remove(f)
                    return sp.Mul(*rest, sp.exp(num.args[0] - u), Softmax(u, i, w.xreplace({k: i})))
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
            for b, num in enumerate(factors):
                if b != a and isinstance(num, sp.exp) and (found := _softmax_numerator(num.args[0], *m)):
                    u, i = found
                    rest = [f for c, f in enumerate(factors) if c not in (a, b)]
                    return sp.Mul(*rest, sp.exp(num.args[0] - u), base ** (n + 1), Softmax(u, i))
    return None


def _softmax_numerator(arg: sp.Expr, v: sp.Expr, k: sp.Idx) -> tuple[sp.Expr, sp.Idx] | None:
    """``(u, i)`` when ``exp(arg)`` is ``exp(u_i + c)`` with ``u_k = v`` the summand's exponent; else None."""
    for i in _free(arg):
        # the summed index may be spelled as i itself: exp(z_i) / sum_i exp(z_i) is bound there
        if _idx_range(i) != _idx_range(k) or (k != i and k in _free(arg)):
            continue
        for u in dict.fromkeys((arg, sp.Add(*[t for t in sp.Add.make_args(arg) if i in _free(t)]))):
            if u.xreplace({i: k}) == v:
                return u, i
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


def _norm(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.Pow) and e.exp == sp.Rational(1, 2) and isinstance(s := e.base, sp.Sum) and len(s.limits) == 1:
        base, n = s.function.as_base_exp()  # sqrt(sum_k v_k^2) over a whole index range
        k, lo, hi = s.limits[0]
        if n == 2 and isinstance(k, sp.Idx) and lo == 1 and hi == extent(k) and k in _free(base):
            return Norm(base, k)
    return None


def _over_norm(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul):  # sum_n x_n r_n / ||r|| = sum_n x_n (r_n / ||r||)
        return None
    for d in e.args:
        base, n = d.as_base_exp()
        if n == -1 and isinstance(_seen(base, names), Norm):
            sums = [f for f in e.args if isinstance(f, sp.Sum)]
            for s in sums:
                for f in (f for f in sp.Mul.make_args(s.function) if isinstance(f, (sp.Add, Difference))):
                    rest = [g for g in e.args if g is not d and g is not s]
                    body = s.function.xreplace({f: Ratio(f, base)})
                    return sp.Mul(*rest, sp.Sum(body, *s.limits))
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
        return not e.args[2:] or _positive(e.args[2], names)  # a weighted softmax is as positive as its weights
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
    if isinstance(e, sp.log) and isinstance(s := _seen(e.args[0], names), Softmax) and len(s.args) == 2:
        return LogSoftmax(*s.args)
    return None


def _logsumexp(e: sp.Expr, names: dict) -> sp.Expr | None:
    if isinstance(e, sp.log) and (m := _exp_sum(e.args[0]) or _weighted_exp_sum(e.args[0])):
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


def _sigmoid_argument(e: sp.Mul) -> sp.Expr | None:
    """The sigmoid's argument ``v`` of a factor ``sigma(v)`` or ``1/(1 + exp(v))^n`` of ``e``; else None."""
    for f in e.args:
        base, n = f.as_base_exp()
        if isinstance(base, Sigmoid):
            return base.args[0]
        if n.is_Integer and n < 0 and isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args:
            other = base.args[0] if base.args[1] == 1 else base.args[1]
            if isinstance(other, sp.exp):
                return other.args[0]
    return None


def _powers_of(den: sp.Poly, t: sp.Dummy) -> tuple[int, int, sp.Poly]:
    """``(n, m, rest)`` with ``den = (1 + t)^n t^m rest``."""
    n = m = 0
    for d, count in ((sp.Poly(t + 1, t), "n"), (sp.Poly(t, t), "m")):
        while den.degree() > 0 and (qr := den.div(d))[1].is_zero:
            den = qr[0]
            n, m = (n + 1, m) if count == "n" else (n, m + 1)
    return n, m, den


def _logistic_fraction(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul) or (v := _sigmoid_argument(e)) is None or v.is_number:
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
    n, m, den = _powers_of(sp.Poly(den, t), t)
    terms = sp.Poly(num, t).terms()
    if den.degree() != 0 or any(not 0 <= k - m <= n for (k,), _ in terms):  # exp(|v|) growth: no bounded form
        return None
    # t^k / (1 + t)^n = sigma(v)^k sigma(-v)^(n - k), each factor in [0, 1]
    s, r = Sigmoid(v), Sigmoid(-v)
    body = sp.Add(*[c * s ** (k - m) * r ** (n - k + m) for (k,), c in terms])
    return sp.Mul(*rest, body / den.as_expr())


def _exp_pair(e: sp.Expr) -> tuple[sp.Expr, int] | None:
    """``(u, s)`` when ``e`` is ``exp(u) + s exp(-u)`` with ``s`` = 1 or -1."""
    if isinstance(e, sp.Add) and len(e.args) == 2:
        for first, second in (e.args, e.args[::-1]):
            if isinstance(first, sp.exp):
                u = first.args[0]
                if second == sp.exp(-u):
                    return u, 1
                if second == -sp.exp(-u):
                    return u, -1
    return None


def _tanh(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul):
        return None
    for den in e.args:
        base, n = den.as_base_exp()
        if n == -1 and (d := _exp_pair(base)) and d[1] == 1:
            for num in e.args:
                if (m := _exp_pair(num)) and m[1] == -1 and m[0] in (d[0], -d[0]):
                    rest = [f for f in e.args if f is not den and f is not num]
                    return sp.Mul(*rest, sp.tanh(m[0]))
    return None


def _sech_squared(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Add):
        return None
    for t in e.args:  # a - a tanh(u)^2 = a sech(u)^2 = 4 a sigma(2u) sigma(-2u), also through a name t = tanh(u)
        squares = [f for f in sp.Mul.make_args(t)
                   if isinstance(f, sp.Pow) and f.exp == 2 and isinstance(_seen(f.base, names), sp.tanh)]
        if squares and (a := -t / squares[0]) in e.args:
            u = _seen(squares[0].base, names).args[0]
            rest = [x for x in e.args if x is not t and x != a]
            return sp.Add(*rest, 4 * a * Sigmoid(2 * u) * Sigmoid(-2 * u))
    return None


def _softmax_complement(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not (isinstance(e, sp.Add) and len(e.args) == 2):
        return None
    for d, t in (e.args, e.args[::-1]):  # delta_ij - p_j = delta_ij (1 - p_j) + (delta_ij - 1) p_j, exact
        if isinstance(d, sp.KroneckerDelta) and t.could_extract_minus_sign():
            s = _seen(-t, names)
            if isinstance(s, Softmax) and len(s.args) == 2 and s.args[1] in d.args:
                return sp.Mul(d, SoftmaxComplement(*s.args)) + sp.Mul(sp.Add(d, -1, evaluate=False), -t)
    return None


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


def _erf_complement(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Add):
        return None
    for t in e.args:
        erfs = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.erf)]
        if len(erfs) == 1:
            c, u = t / erfs[0], erfs[0].args[0]
            for k, v in ((c, u), (-c, -u)):  # k + c erf(u) = k (1 + erf(v)) = k erfc(-v)
                if k in e.args:
                    # erfc(-v) spelled out: SymPy turns erfc(-v) into 2 - erfc(v), the cancellation itself; one
                    # erfc(|v|), which the compiler computes once for both branches
                    tail = sp.Piecewise((sp.erfc(sp.Abs(v)), v < 0), (2 - sp.erfc(sp.Abs(v)), True))
                    return sp.Add(*[a for a in e.args if a not in (t, k)], k * tail)
    return None


def _tanh_complement(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Add):
        return None
    for t in e.args:
        for f in sp.Mul.make_args(t):
            if isinstance(s := _seen(f, names), sp.tanh):
                c, u = t / f, s.args[0]
                for k, v in ((c, u), (-c, -u)):  # k + c tanh(u) = k (1 + tanh(v)) = 2 k sigma(2 v)
                    if k in e.args:
                        return sp.Add(*[a for a in e.args if a not in (t, k)], 2 * k * Sigmoid(2 * v))
    return None


def _sigmoid_pair(e: sp.Expr, names: dict) -> sp.Expr | None:
    if not isinstance(e, sp.Mul):
        return None
    for f in e.args:
        base, m = f.as_base_exp()
        if isinstance(base, Sigmoid):
            for h in e.args:  # sigma(w)^m sigma(-w)^m = (4 cosh(w/2)^2)^(-m)
                other, n = h.as_base_exp()
                if h is not f and isinstance(other, Sigmoid) and n == m and sp.expand(other.args[0] + base.args[0]) == 0:
                    rest = [x for x in e.args if x is not f and x is not h]
                    return sp.Mul(*rest, (4 * sp.cosh(base.args[0] / 2) ** 2) ** (-m))
    return None


REWRITES: tuple[Rewrite, ...] = (
    Rewrite("solve", "sum_k (A^{-1})_{ak} b_k is solve(A, b): one LU factorisation and no n x n inverse "
            "(about a third of the work, and a smaller backward error); an inverse stays only where the result is one",
            solve_instead_of_inverse),
    Rewrite("centre", "a polynomial the engine multiplied out loses every digit to cancellation where the values "
            "are large and close (yhat^2 - 2 y yhat + y^2 at y ~ 1e6): write it in the differences the "
            "definitions compute (the residual yhat - y, the centred x - mu), as they keep it", centre),
    Rewrite("spread", "K x_i - sum_k y_k, the engine's form of sum_k (x_i - y_k), loses every digit where x and y are "
            "large and close (2 K x - 2 sum y at offsets of 1e8): sum the differences the definition takes",
            spread),
    Rewrite("refine-mean", "m - w_k with m = sum_j w_j p_j and p a softmax is 0 at the top class once p is nearly "
            "one-hot (m rounds to w_top; the truth 1e-84 at logits of 1e3): add sum_j p_j (w_j - m), zero in exact "
            "arithmetic, which gives back what m lost", refine_mean),
    Rewrite("centre-covariance", "sum_k p_k (m - w_k) z_k, a covariance under a softmax (dL/dtau of a tempered mean), "
            "multiplies z_k ~ 1e6 by weights whose sum is 0 only to the rounding (2.7e-2 off in float32): subtract "
            "the mean sum_j p_j z_j from z_k first, which changes nothing in exact arithmetic", centre_covariance),
    Rewrite("centre-weights", "sum_k xhat_k z_k with xhat centred over k (batchnorm's dL/dgamma = sum_n g_n xhat_n) "
            "multiplies z_k ~ 1e6 by xhat's rounding (mu's, 1e-10 at x ~ 1e6: 7e-5 of the result): subtract z's mean "
            "first, which changes nothing in exact arithmetic as sum_k xhat_k = 0", centre_weights),
    Rewrite("margin", "s_j - sum_k y_k s_k + Delta evaluated left to right adds Delta to a logit of 1e4 and loses "
            "it (float32): subtract the two values of one tensor first, as the definition's margin means",
            margin),
    Rewrite("refold-step", "the step heaviside(u) of a max has u multiplied out by the engine (sum P^2 - sum Q^2 - "
            "2 A.P + 2 A.Q for the triplet margin): at offsets of 1e4 in float32 it cancels to the wrong sign; take the "
            "definitions' own form of u (sum (A - P)^2 - sum (A - Q)^2), equal after multiplying out", refold_step),
    Rewrite("cancel-named-factor", "s/u with s defined as u times f is 0/0 = nan at u = 0 where the value is "
            "f: cancel u symbolically (swish's gradient at x = 0)", cancel_named),
    Rewrite("cancel-pole", "c_1 b^k + c_2 b^k with c_1 + c_2 a multiple of b (p - p^2 against (1 - p)^(gamma - 1), "
            "p (1 - p) against 1/(1 - p)) is 0 * inf = nan where b underflows to 0 (a logit of 1e3): divide it out "
            "symbolically, sigma(v) and sigma(-v) counting as p and 1 - p", cancel_pole),
    Rewrite("exp-product", "exp(a) exp(b) is inf * 0 = nan where exp(a + b) is finite; one exp(a + b) also lets "
            "the sigmoid and softmax rules see exp(u) whatever the spelling", _exp_product),
    Rewrite("exp-into-sum", "exp(a) sum_n f_n exp(u_n) overflows in parts: move exp(a), and 1/sum_k exp(u_k), "
            "into the sum, where exp-product makes exp(a + u_n) and sum_n w_n exp(u_n)/sum_k exp(u_k) becomes "
            "sum_n w_n softmax_n(u), max subtracted", _exp_into_sum),
    Rewrite("softmax", "exp overflows for large logits: subtract the max over the summed index first "
            "(exp(u_i)/sum_k exp(u_k), exp(u_i)/sum_i exp(u_i) with the sum's own i, or 1/sum_k exp(u_k - u_i))",
            _softmax),
    Rewrite("weighted-softmax", "w_i exp(u_i)/sum_k w_k exp(u_k) (a mixture's responsibilities) is 0/0 once "
            "every exp underflows (components 1e3 away): subtract max_k u_k from every exponent first",
            _weighted_softmax),
    Rewrite("over-sum-exp", "(a + b)/sum_k exp(u_k) overflows as a whole: split it so that each "
            "exp(u_j)/sum_k exp(u_k) becomes a softmax", _over_exp_sum),
    Rewrite("log-split", "log(a b) = log a + log b for every a when b > 0: split off factors positive by "
            "construction (exp, softmax, sigmoid, sum of exp, positive constants, names defined so), so that "
            "log(q_k/p_k) with p a softmax becomes log q_k - log-softmax; other factors stay one log", _log_split),
    Rewrite("log-softmax", "log of a softmax is u_i - logsumexp(u): no log(0) where p underflows", _log_softmax),
    Rewrite("logsumexp", "log sum_k exp(u_k) overflows, and log sum_k w_k exp(u_k) (a mixture) is log 0 once every "
            "term underflows: m + log sum_k w_k exp(u_k - m) with m = max_k u_k", _logsumexp),
    Rewrite("sigmoid", "1/(1 + exp(-u)) overflows exp(-u) for u << 0: exp(-logaddexp(0, -u))", _sigmoid),
    Rewrite("logistic-fraction", "P(t)/(t^m (1 + t)^n) with t = exp(u) is inf/inf once exp(u) overflows: each "
            "t^k/(1 + t)^n is sigma(u)^k sigma(-u)^(n-k) (exp(u)/(1 + exp(u))^2 = sigma(u) sigma(-u))",
            _logistic_fraction),
    Rewrite("softmax-complement", "delta_ij - p_j with p a softmax is 1 - p_j on the diagonal: where p_j ~ 1 "
            "(a low temperature) it keeps only p_j's rounding; sum the other exp(u_k) instead",
            _softmax_complement),
    Rewrite("one-minus-sigmoid", "1 - sigma(u) = sigma(-u): no cancellation where sigma(u) ~ 1, "
            "so log(1 - sigma(u)) becomes -logaddexp(0, u) by log-sigmoid", _one_minus_sigmoid),
    Rewrite("log-sigmoid", "log sigma(u) = -logaddexp(0, -u): finite where sigma(u) underflows", _log_sigmoid),
    Rewrite("softplus", "log(1 + exp(u)) overflows exp(u) for u >> 0 (inf where the loss is u): logaddexp(0, u)",
            _softplus),
    Rewrite("bce-logits", "y sp(-u) + (1 - y) sp(u) = max(u, 0) - u y + log1p(exp(-|u|)): the standard "
            "binary cross-entropy on logits, one softplus, nothing overflows", _softplus_pair),
    Rewrite("sech-squared", "a - a tanh(u)^2 is 0 once tanh(u) rounds to 1 (|u| > 9 in float32), and its "
            "rounding error times a of size 1e8 swamps the gradient (gelu at 1e3): a sech(u)^2 = 4a sigma(2u) "
            "sigma(-2u), no cancellation", _sech_squared),
    Rewrite("erf-complement", "1 + erf(u) for u << 0 (the normal CDF (1 + erf(x/sqrt 2))/2 in the tail: gelu at "
            "x < -5) keeps only erf's rounding, and is 0 past u = -6 where the truth is 1e-17 and below: it is "
            "erfc(-u) = erfc(|u|), relative digits to u = -27", _erf_complement),
    Rewrite("tanh-complement", "1 + tanh(u) is 0 once tanh(u) rounds to -1 (u < -19 in float64, gelu's "
            "(1 + tanh(u))/2 at x < -10) where the truth is 2 exp(2u): it is 2 sigma(2u), also through a name "
            "t = tanh(u)", _tanh_complement),
    Rewrite("sigmoid-pair", "sigma(w) sigma(-w) (what sech-squared and tanh-complement make of 1 - tanh(u)^2 and "
            "(1 - t)(1 + t)) costs two logaddexp and two exp per element, 7x 1 - t^2: it is 1/(4 cosh(w/2)^2), one "
            "cosh, no cancellation, 0 where cosh overflows (the truth is below the dtype's smallest normal there)",
            _sigmoid_pair),
    Rewrite("tanh", "(exp(u) - exp(-u))/(exp(u) + exp(-u)) is inf/inf once |u| > 710: it is tanh(u), in [-1, 1]",
            _tanh),
    Rewrite("log-cosh", "cosh overflows for |u| > 710: log cosh u = |u| + log1p(exp(-2|u|)) - log 2", _log_cosh),
    Rewrite("norm", "sqrt(sum_k v_k^2) squares every v_k: 0 for residuals of 1e-310 (then r/||r|| is 0/0) and inf "
            "for 1e200: scale by m = max_k |v_k| first, m sqrt(sum_k (v_k/m)^2), as hypot does", _norm),
    Rewrite("over-norm", "sum_n x_n r_n / ||r|| multiplies before it divides: two residuals of 1e-310 make 0 where "
            "the gradient is 1e-310: divide the difference r_n by the norm first, a number of size 1 at any scale",
            _over_norm),
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
