"""Keep the structure of the definitions in compiled code: a polynomial the engine multiplied out is put back
in terms of the differences the definitions compute (a residual, x - mu), and a named factor cancels a
division by what it is a multiple of. Both are rewrites of ``REWRITES``; this module holds their algebra."""

from __future__ import annotations

import itertools

import sympy as sp

from ..tensors import name_of
from .indices import _free, _seen
from .nodes import Difference, Sigmoid, Softmax

Names = dict[str, tuple[sp.Expr, sp.Expr]]


def _is_value(e: sp.Expr) -> bool:
    """A tensor element or a scalar name: what a difference of the definitions subtracts."""
    return isinstance(e, sp.Indexed) or (isinstance(e, sp.Symbol) and not e.is_number)


def differences(names: Names) -> list[tuple[sp.Expr, sp.Expr]]:
    """The ``(a, b)`` of every difference ``a - b`` of two values in the definitions (the residual
    ``yhat_n - y_n``, the centred ``x_b - mu``), where every index of ``b`` is an index of ``a``."""
    out: dict[tuple[sp.Expr, sp.Expr], None] = {}
    for _, rhs in names.values():
        for add in rhs.atoms(sp.Add):
            terms = add.args
            if len(terms) != 2:
                continue
            plus = [t for t in terms if _is_value(t)]
            minus = [-t for t in terms if _is_value(-t)]
            if len(plus) == 1 and len(minus) == 1:
                a, b = plus[0], minus[0]
                for first, second in ((a, b), (b, a)):
                    if isinstance(first, sp.Indexed) and _free(second) <= _free(first):
                        out[(first, second)] = None
    return list(out)


def _linear_sums(e: sp.Expr) -> sp.Expr:
    """``e`` multiplied out with every sum split over its terms and its constant factors pulled out
    (``sum_b (mu g_b + 2 mu) = mu sum_b g_b + 2 B mu``), so that equal terms cancel."""
    e = sp.expand(e)
    if e.is_Atom or isinstance(e, sp.Indexed):
        return e
    if isinstance(e, sp.Sum) and len(e.limits) == 1:
        (k, lo, hi), body = e.limits[0], _linear_sums(e.function)
        parts = []
        for term in sp.Add.make_args(body):
            inner = [f for f in sp.Mul.make_args(term) if k in _free(f)]
            outer = [f for f in sp.Mul.make_args(term) if k not in _free(f)]
            parts.append(sp.Mul(*outer) * (sp.Sum(sp.Mul(*inner), (k, lo, hi)) if inner else hi - lo + 1))
        return sp.expand(sp.Add(*parts))
    args = [_linear_sums(a) for a in e.args]
    return sp.expand(e.func(*args)) if args != list(e.args) else e


def _shift(e: sp.Expr, a: sp.Indexed, b: sp.Expr, mark: sp.IndexedBase) -> sp.Expr:
    """``e`` with every element ``a[I]`` written ``mark[I] + b[I']`` (``b``'s indices follow ``a``'s)."""
    return e.replace(lambda x: isinstance(x, sp.Indexed) and x.base == a.base,
                     lambda x: mark[x.indices] + _partner(x.indices, a, b))


def _unmark(e: sp.Expr, mark: sp.IndexedBase, a: sp.Indexed, b: sp.Expr, as_: type) -> sp.Expr:
    """``e`` with every ``mark[I]`` written as the difference ``a[I] - b[I']`` it stands for (``as_``: ``Add``
    multiplies it out, ``Difference`` keeps it one value)."""
    def difference(x: sp.Indexed) -> sp.Expr:
        other = _partner(x.indices, a, b)
        return a.base[x.indices] - other if as_ is sp.Add else Difference(a.base[x.indices], other)

    return e.replace(lambda x: isinstance(x, sp.Indexed) and x.base == mark, difference)


def _partner(at: tuple[sp.Expr, ...], a: sp.Indexed, b: sp.Expr) -> sp.Expr:
    """``b`` at the element of ``a`` with indices ``at`` (``mu_d`` for ``x_bd``)."""
    if not isinstance(b, sp.Indexed):
        return b
    return b.base[tuple(at[a.indices.index(i)] for i in b.indices)]


def centre(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``e``, a multiplied-out polynomial in ``a`` and ``b``, in terms of a difference ``a - b`` of the
    definitions when that has fewer terms: ``eps^2 + y^2 - 2 y yhat + yhat^2`` is ``eps^2 + (yhat - y)^2``,
    ``sum_n y_n - N m`` is ``sum_n (y_n - m)``, exact where the expanded form loses every digit
    (``yhat ~ y ~ 1e6``); the difference is one ``Difference`` node, which SymPy does not flatten; else None."""
    if not isinstance(e, sp.Add):
        return None
    for a, b in differences(names):
        if not (e.has(a.base) and e.has(b.base if isinstance(b, sp.Indexed) else b)):
            continue
        mark = sp.IndexedBase(sp.Dummy(f"{name_of(a)}_centred"))
        marked = _mark(e, a, b, mark)
        others = {x: _placeholder(x) for x in marked.atoms(Difference)}  # other pairs' differences stay whole
        marked = marked.xreplace(others)
        before = _linear_sums(_unmark(marked, mark, a, b, sp.Add))
        after = _linear_sums(_shift(marked, a, b, mark))
        if len(sp.Add.make_args(after)) < len(sp.Add.make_args(before)):
            out = _unmark(after, mark, a, b, Difference).xreplace({v: k for k, v in others.items()})
            if out != e:
                return out
    return None


def refold_step(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``Heaviside(u)`` with ``u`` the engine's multiplied-out form of an expression the definitions write with a
    squared sum (the argument of their max) as ``Heaviside`` of theirs: ``alpha + sum P^2 - sum Q^2 - 2 A.P + 2 A.Q`` is
    ``alpha + sum (A - P)^2 - sum (A - Q)^2``, whose sign survives offsets of 1e4 in float32; else None."""
    if not (isinstance(e, sp.Heaviside) and isinstance(e.args[0], sp.Add)):
        return None
    u = e.args[0]
    want, free = _linear_sums(u), sorted(_free(u), key=str)
    for _, rhs in names.values():
        for s in rhs.atoms(sp.Add):
            mine = sorted(_free(s), key=str)
            squares = any(isinstance(x.base, sp.Add) for x in s.atoms(sp.Pow))  # what multiplying out cancels
            if len(mine) != len(free) or len(s.args) >= len(u.args) or s.has(sp.Heaviside) or not squares:
                continue
            for order in itertools.permutations(free):
                if all(a.lower == b.lower and a.upper == b.upper for a, b in zip(mine, order)):
                    theirs = s.xreplace(dict(zip(mine, order)))
                    if sp.expand(_linear_sums(theirs) - want) == 0:
                        return sp.Heaviside(theirs, *e.args[1:])
    return None


def _placeholder(x: Difference) -> sp.Expr:
    """A stand-in for ``x`` with its indices (a sum must not take it for a constant)."""
    first = x.args[0]
    return sp.IndexedBase(sp.Dummy("kept"))[first.indices] if isinstance(first, sp.Indexed) else sp.Dummy("kept")


def _mark(e: sp.Expr, a: sp.Indexed, b: sp.Expr, mark: sp.IndexedBase) -> sp.Expr:
    """``e`` with every ``Difference(a[I], b[I'])`` already there written ``mark[I]``."""
    def found(x: sp.Expr) -> bool:
        return isinstance(x, Difference) and isinstance(x.args[0], sp.Indexed) and x.args[0].base == a.base and (
            x.args[1] == _partner(x.args[0].indices, a, b))

    return e.replace(found, lambda x: mark[x.args[0].indices])


def crossed(names: Names) -> set[tuple[sp.IndexedBase, sp.IndexedBase]]:
    """The bases ``(A, B)`` of every difference ``a - b`` of two elements in the definitions where ``b`` has an
    index ``a`` lacks (``x_n - y_k`` summed over ``n`` and ``k``), in both orders when each has one."""
    out = set()
    for _, rhs in names.values():
        for add in rhs.atoms(sp.Add):
            plus = [t for t in add.args if isinstance(t, sp.Indexed)]
            minus = [-t for t in add.args if isinstance(-t, sp.Indexed)]
            if len(add.args) == 2 and len(plus) == 1 and len(minus) == 1:
                for a, b in ((plus[0], minus[0]), (minus[0], plus[0])):
                    if _free(b) - _free(a):
                        out.add((a.base, b.base))
    return out


def _spread_term(t: sp.Expr, pairs: set) -> tuple[sp.Expr, sp.Expr, sp.Expr, sp.IndexedBase] | None:
    """``(c, s, b, A)`` when the term ``t`` is ``-c s`` with ``s = sum_k w_k b_k`` over one index and ``b`` an element
    of a ``B`` paired with ``A`` in ``pairs``; else None."""
    sums = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Sum) and len(f.limits) == 1]
    if len(sums) != 1:
        return None
    s = sums[0]
    k = s.limits[0][0]
    for b in sp.Mul.make_args(s.function):
        for first, second in pairs:
            if isinstance(b, sp.Indexed) and b.base == second and k in _free(b) and not (s.function / b).has(second):
                return -sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not s]), s, b, first
    return None


def spread(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``c a sum_k w_k - c sum_k w_k b_k`` (the engine's ``2 K x_i - 2 sum_k y_k``) as ``c sum_k w_k (a - b_k)``
    when the definitions subtract ``b_k`` from ``a`` (``sum_n sum_k (x_n - y_k)^2``): each difference is then
    exact where ``a`` and every ``b_k`` are large and close (offsets of 1e8), and the sum adds small numbers;
    else None."""
    pairs = crossed(names) if isinstance(e, sp.Add) else set()
    for t2 in e.args if pairs else ():
        if (found := _spread_term(t2, pairs)) is None:
            continue
        c, s, b, base = found
        (k, lo, hi), w = s.limits[0], s.function / b
        count = hi - lo + 1 if w == 1 else sp.Sum(w, (k, lo, hi))
        for t1 in e.args:
            for a in sp.Mul.make_args(t1):
                if isinstance(a, sp.Indexed) and a.base == base and k not in _free(a) and (
                        sp.expand(t1 / a - c * count) == 0):
                    rest = [x for x in e.args if x is not t1 and x is not t2]
                    return sp.Add(*rest, c * sp.Sum(w * Difference(a, b), (k, lo, hi)))
    return None


def _softmax_mean(e: sp.Expr, names: Names) -> tuple[sp.Expr, sp.Idx, sp.Expr, sp.Expr] | None:
    """``(w, j, p, J)`` when ``e`` (or the name it is) is ``sum_j w_j p_j`` over ``j = 1..J`` with ``p`` a softmax
    over ``j`` (weights that sum to 1 by construction); else None."""
    seen = _seen(e, names)
    if not (isinstance(seen, sp.Sum) and len(seen.limits) == 1 and isinstance(seen.function, sp.Mul)):
        return None
    j, lo, hi = seen.limits[0]
    ps = [f for f in seen.function.args if isinstance(f, Softmax) and len(f.args) == 2 and f.args[1] == j]
    if len(ps) != 1 or lo != 1:
        return None
    w = seen.function / ps[0]
    return (w, j, ps[0], hi) if j in _free(w) and not w.has(Softmax) else None


def refine_mean(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``m - w_k`` with ``m = sum_j w_j p_j`` a softmax-weighted mean as ``(m - w_k) + sum_j p_j (w_j - m)``: the
    same value, since ``sum_j p_j = 1``, but the second sum restores what rounding took from ``m`` where ``p`` is
    nearly one-hot (``m - w_k`` at the top class is 0 where the truth is ``1e-84``); else None."""
    if not isinstance(e, sp.Add):
        return None
    for a in e.args:
        for sign in (1, -1):
            m = sign * a
            if not (_is_value(m) or isinstance(m, sp.Sum)) or (found := _softmax_mean(m, names)) is None:
                continue
            w, j, p, size = found
            for t in e.args:
                for i in _free(t) if t is not a else ():
                    wi = w.xreplace({j: i})
                    if (i.lower, i.upper) == (1, size) and sp.expand(t + sign * wi) == 0:
                        rest = [x for x in e.args if x is not a and x is not t]
                        refined = Difference(m, wi) + sp.Sum(p * Difference(w, m), (j, 1, size))
                        return sp.Add(*rest, sign * refined)
    return None


def _refined(f: sp.Expr, p: Softmax, k: sp.Idx, names: Names) -> bool:
    """Whether ``f`` is ``+-(m - w_k) + ...`` with ``m = sum_j w_j p_j`` a mean under the softmax ``p`` (over ``k``), so
    that ``sum_k p_k f`` is 0 in exact arithmetic (what ``refine_mean`` writes)."""
    for t in sp.Add.make_args(f):
        d = -t if t.could_extract_minus_sign() else t
        if isinstance(d, Difference) and (found := _softmax_mean(d.args[0], names)):
            w, j, q, _ = found
            if q.xreplace({j: k}) == p and sp.expand(d.args[1] - w.xreplace({j: k})) == 0:
                return True
    return False


def centre_covariance(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``sum_k p_k (m - w_k) z_k c`` with ``m`` the mean of ``w`` under the softmax ``p`` and ``c`` free of ``k`` as
    ``sum_k p_k (m - w_k) (z_k - zbar) c`` with ``zbar = sum_j p_j z_j``: the same value (``sum_k p_k (m - w_k) = 0``),
    but ``z_k ~ 1e6`` no longer multiplies weights that cancel only to the rounding (dL/dtau of a tempered softmax
    mean at logits offset by 1e6); else None."""
    if not (isinstance(e, sp.Sum) and len(e.limits) == 1 and isinstance(e.function, sp.Mul)):
        return None
    (k, lo, hi), factors = e.limits[0], e.function.args
    for p in factors:
        if not (isinstance(p, Softmax) and len(p.args) == 2 and p.args[1] == k):
            continue
        refined = [f for f in factors if f is not p and _refined(f, p, k, names)]
        values = [z for z in factors if isinstance(z, sp.Indexed) and k in _free(z)]
        if len(refined) == 1 and len(values) == 1:
            z = values[0]
            if any(k in _free(f) for f in factors if f not in (p, refined[0], z)):
                return None
            name = f"{k.label}_"
            while any(str(i.label) == name for i in e.atoms(sp.Idx)):
                name += "_"
            j = sp.Idx(sp.Symbol(name, integer=True), (lo, hi))
            mean = sp.Sum(p.xreplace({k: j}) * z.xreplace({k: j}), (j, lo, hi))
            rest = [f for f in factors if f is not z]
            return sp.Sum(sp.Mul(*rest) * Difference(z, mean), (k, lo, hi))
    return None


def _mean_over(m: sp.Expr, a: sp.Expr, limits: tuple, names: Names) -> bool:
    """Whether ``m`` (or the name it is) is the mean of ``a`` over the summed index of ``limits`` (mu_d for x_kd)."""
    k, lo, hi = limits
    sums = [f for f in sp.Mul.make_args(_seen(m, names)) if isinstance(f, sp.Sum)]
    if len(sums) != 1 or len(sums[0].limits) != 1:
        return False
    j, lo_j, hi_j = sums[0].limits[0]
    return (lo_j, hi_j) == (lo, hi) and _seen(m, names) == sums[0] / (hi - lo + 1) and (
        sums[0].function.xreplace({j: k}) == a)


def _centred(h: sp.Expr, limits: tuple, names: Names) -> bool:
    """Whether ``h`` (or the name it is) is ``c (a_k - mean_k a)`` with ``c`` free of the summed index ``k``."""
    factors = sp.Mul.make_args(_seen(h, names))
    diffs = [f for f in factors if isinstance(f, Difference)]
    k = limits[0]
    return (len(diffs) == 1 and k in _free(diffs[0].args[0]) and _mean_over(diffs[0].args[1], diffs[0].args[0], limits,
                                                                             names)
            and not any(k in _free(f) for f in factors if f is not diffs[0]))


def centre_weights(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``sum_k h_k z_k c`` with ``h`` centred over ``k`` (``xhat = (x - mu)/s``) and ``c`` free of ``k`` as
    ``sum_k h_k (z_k - zbar) c`` with ``zbar = sum_j z_j / K``: the same value (``sum_k h_k = 0``), but ``z_k ~ 1e6``
    no longer multiplies an h whose rounding (mu's, 1e-10 at 1e6) it would blow up (batchnorm's dL/dgamma =
    sum_n g_n xhat_n at upstream gradients offset by 1e6); else None."""
    if not (isinstance(e, sp.Sum) and len(e.limits) == 1 and isinstance(e.function, sp.Mul)):
        return None
    (k, lo, hi), factors = e.limits[0], e.function.args
    moving = [f for f in factors if k in _free(f)]
    if any(isinstance(f, Difference) for f in moving):  # z - zbar already (this rule's own output) or a residual
        return None
    for h in moving:  # a name: Difference(z, zbar) itself is centred, and must not centre h in turn
        if len(moving) > 1 and isinstance(h, sp.Indexed) and name_of(h) in names and _centred(h, e.limits[0], names):
            z = sp.Mul(*[f for f in moving if f is not h])
            name = f"{k.label}_"
            while any(str(i.label) == name for i in e.atoms(sp.Idx)):
                name += "_"
            j = sp.Idx(sp.Symbol(name, integer=True), (lo, hi))
            mean = sp.Sum(z.xreplace({k: j}), (j, lo, hi)) / (hi - lo + 1)
            rest = [f for f in factors if k not in _free(f)]
            return sp.Sum(sp.Mul(*rest, h) * Difference(z, mean), (k, lo, hi))
    return None


def _weighs(b: sp.Expr, base: sp.IndexedBase) -> bool:
    """Whether ``b`` is a weighted sum of elements of ``base`` (``sum_k y_k s_k``), or one element of it."""
    if isinstance(b, sp.Indexed):
        return b.base == base
    if isinstance(b, sp.Sum):
        return all(sum(1 for f in sp.Mul.make_args(t) if f.has(base)) == 1 and any(
            isinstance(f, sp.Indexed) and f.base == base for f in sp.Mul.make_args(t))
            for t in sp.Add.make_args(b.function))
    return False


def margin(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``s_j - sum_k y_k s_k + Delta`` as ``Difference(s_j, sum_k y_k s_k) + Delta``: the two values of one
    tensor are subtracted first, so a small third term is not rounded away against their size; else None."""
    if not isinstance(e, sp.Add) or len(e.args) < 3:
        return None
    for a in e.args:
        if not isinstance(a, sp.Indexed):
            continue
        for t in e.args:
            if t.could_extract_minus_sign() and _weighs(-t, a.base) and _free(-t) <= _free(a):
                return sp.Add(*[x for x in e.args if x is not a and x is not t], Difference(a, -t))
    return None


def _in_p(b: sp.Expr, names: Names, p: sp.Dummy) -> tuple[sp.Expr, sp.Expr] | None:
    """``(family, b as a polynomial in p)``: ``sigma(v)`` (or a name defined so) is ``p`` and ``sigma(-v)`` is
    ``1 - p`` in the family ``sigma(v)``; any other value ``u`` is ``p`` in the family ``u``; else None."""
    seen = _seen(b, names)
    if isinstance(seen, Sigmoid):
        v = seen.args[0]
        return (Sigmoid(-v), 1 - p) if v.could_extract_minus_sign() else (seen, p)
    return (b, p) if _is_value(b) else None


def _singular(f: sp.Expr) -> bool:
    """``b^k`` with ``k`` a negative or symbolic exponent: infinite where ``b`` is 0."""
    k = f.as_base_exp()[1]
    return bool(k.is_negative) or not (k.is_number or k.is_nonnegative)


def cancel_pole(e: sp.Expr, names: Names) -> sp.Expr | None:
    """A sum of terms ``c_i b^k`` whose cofactors ``sum_i c_i``, a polynomial in ``b`` (``sigma(v)`` and
    ``sigma(-v)`` counting as ``p`` and ``1 - p``), has the factor ``b``: that sum as ``b^(k+1) q`` so that
    ``b^k`` never meets a 0 (focal loss: ``(1 - p)^(gamma - 1) (p - p^2) = (1 - p)^gamma p``, and
    ``p (1 - p)/(1 - p)`` would be ``0 * inf`` where the logit is 1e3); else None."""
    if not isinstance(e, sp.Add) or not any(_singular(f) for t in e.args for f in sp.Mul.make_args(t)):
        return None
    p = sp.Dummy("p")
    parts = {a: sp.Add.make_args(sp.expand_mul(a, deep=False)) for a in e.args}
    terms = [t for a in e.args for t in parts[a]]
    for t in terms:
        for pole in filter(_singular, sp.Mul.make_args(t)):
            b, k = pole.as_base_exp()
            if (mapped := _in_p(b, names, p)) is None:
                continue
            family, q = mapped
            group = [u for u in terms if pole in sp.Mul.make_args(u)]
            total = sp.Add(*[_polynomial(u / pole, family, names, p) for u in group])
            quotient, remainder = sp.div(total, q, p)
            if sp.expand(remainder) == 0 and quotient != 0:
                back = _from_p(sp.factor(quotient), family, p)
                kept = [a if not set(parts[a]) & set(group) else sp.Add(*[u for u in parts[a] if u not in group])
                        for a in e.args]
                return sp.Add(*kept, b ** (k + 1) * back)
    return None


def _polynomial(c: sp.Expr, family: sp.Expr, names: Names, p: sp.Dummy) -> sp.Expr:
    """The cofactor ``c`` with each factor of the family raised to a natural power written in ``p``."""
    out = []
    for f in sp.Mul.make_args(c):
        b, k = f.as_base_exp()
        mapped = _in_p(b, names, p)
        out.append(mapped[1] ** k if mapped and mapped[0] == family and k.is_Integer and k >= 0 else f)
    return sp.Mul(*out)


def _from_p(e: sp.Expr, family: sp.Expr, p: sp.Dummy) -> sp.Expr:
    """``e``, factored in ``p``, back in the family's terms: ``1 - p`` is ``sigma(-v)``, never a difference."""
    if not isinstance(family, Sigmoid):
        return e.xreplace({p: family})
    other = Sigmoid(-family.args[0])
    return e.replace(lambda x: isinstance(x, sp.Add) and x.has(p) and sp.expand(x - (1 - p)) == 0, lambda x: other) \
        .replace(lambda x: isinstance(x, sp.Add) and x.has(p) and sp.expand(x - (p - 1)) == 0, lambda x: -other) \
        .xreplace({p: family})


def cancel_named(e: sp.Expr, names: Names) -> sp.Expr | None:
    """``s / u`` with ``s`` a name defined as ``u`` times something: that something, so ``0/0`` never happens
    (swish's gradient ``g s (1 + beta x - beta s) / x`` with ``s = x sigma(beta x)`` at ``x = 0``); else None."""
    if not isinstance(e, sp.Mul):
        return None
    for f in e.args:
        u, k = f.as_base_exp()
        if not (_is_value(u) and k.is_Integer and k < 0):
            continue
        for s in e.args:
            name, m = s.as_base_exp()
            rhs = _seen(name, names)
            if rhs is name or not (m.is_Integer and m > 0) or u not in sp.Mul.make_args(rhs):
                continue
            rest = [g for g in e.args if g is not f and g is not s]
            return sp.Mul(*rest, name ** (m - 1), rhs / u, u ** (k + 1))
    return None
