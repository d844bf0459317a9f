"""The readable final form of a result: sums merged, factors pulled out, differences oriented as defined."""

from __future__ import annotations

import math

import sympy as sp

from ..derivation import Graph
from .deadline import Deadline
from .terms import _expand


def _positive_first(e: sp.Expr) -> sp.Expr:
    """``-(s - 1)`` as ``(1 - s)``: flip a minus sign into a binomial factor."""
    coeff, factors = e.as_coeff_mul()
    if coeff.is_negative:
        for idx, f in enumerate(factors):
            if isinstance(f, sp.Add) and len(f.args) == 2:
                flipped = sp.Add(*[-a for a in f.args], evaluate=True)
                rest = factors[:idx] + (flipped,) + factors[idx + 1:]
                return sp.Mul(-coeff, *rest)
    return e


def _factor_summand(e: sp.Expr, deadline: Deadline | None = None) -> sp.Expr:
    """Factor every summand, inner sums first; an inner sum counts as one symbol."""
    if deadline is not None:
        deadline.check()
    if isinstance(e, sp.Sum):
        return sp.Sum(_factor_summand(e.function, deadline), *e.limits)
    # Dummies made in a fixed order: factor's sign and order of terms follow theirs, not the hash seed's set order
    sums = sorted(e.atoms(sp.Sum), key=sp.default_sort_key)
    inner = {s: sp.Dummy() for s in sums if not any(s in o.args for o in sums if o is not s)}
    if not inner:
        return _positive_first(sp.factor(e))
    flat = e.xreplace(inner)
    if flat.atoms(sp.Sum):  # a sum nested in a function argument: leave the shape alone
        return e
    back = {dummy: _factor_summand(s, deadline) for s, dummy in inner.items()}
    return _positive_first(sp.factor(flat)).xreplace(back)


def _group(term: sp.Expr, single: set[tuple]) -> tuple[tuple, sp.Expr] | None:
    """The group a term of ``merge_sums`` joins, ``(limits, indices outside)``, and its summand; ``None`` for none.

    A product of sums joins the group of one of them: ``(sum_s a_s b_s) c - sum_s a_s b_s d_s`` is
    ``sum_s a_s b_s (c - d_s)``, one contraction (attention's dL/dS inside dL/dQ)."""
    coeff, factors = term.as_coeff_mul()
    sums = [f for f in factors if isinstance(f, sp.Sum)]
    joins = [f for f in sums if f.limits in single and not any(g.has(f.limits[0][0]) for g in sums if g is not f)]
    if len(sums) != 1 and not joins:
        return None
    s = sums[0] if len(sums) == 1 else joins[0]
    others = sp.Mul(*[f for f in factors if f is not s])
    inner = frozenset() if len(sums) > 1 else frozenset(i for i in others.free_symbols if isinstance(i, sp.Idx))
    return (s.limits, inner), coeff * others * s.function


def _same_bound_names(terms: tuple[sp.Expr, ...]) -> list[sp.Expr]:
    """Each term's one sum with the summation indices of the first sum over the same ranges, where those names
    are not used in the term: ``sum_l f_l + sum_t f_t`` is then one sum, merged below."""
    first: dict[tuple, tuple] = {}
    out = []
    for t in terms:
        sums = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Sum)]
        if len(sums) == 1:
            s = sums[0]
            bound = tuple(lim[0] for lim in s.limits)
            names = first.setdefault(tuple((lim[1], lim[2]) for lim in s.limits), bound)
            # a name in use anywhere in the term, free or bound by an inner sum, would be captured
            taken = {str(i) for i in t.atoms(sp.Idx)} - {str(i) for i in bound}
            if names != bound and not {str(i) for i in names} & taken:
                t = t.xreplace({s: s.xreplace(dict(zip(bound, names)))})
        out.append(t)
    return out


def same_sums(expr: sp.Expr) -> sp.Expr:
    """A sum that is the whole argument of a function, written once where it appears under several index names:
    ``exp(sum_k X_mk w_k)`` and ``exp(sum_t X_mt w_t)`` in one gradient are then one value, so ``e^a e^a`` is
    ``e^{2a}`` and a fraction over ``(e^a + 1)(e^a + 1)`` cancels (the logistic loss's vector gradient overflowed
    at large w without it). Sums inside polynomials keep their names: the compiled code's refolding of
    ``sum a^2 + sum n^2 - 2 sum a n`` into ``||a - n||^2`` reads each such group by its own index."""
    first: dict[sp.Expr, sp.Sum] = {}

    def walk(e: sp.Basic, argument: bool) -> sp.Basic:
        if not e.args or not e.has(sp.Sum):
            return e
        inside = isinstance(e, sp.Function)
        out = e.func(*[walk(a, inside) for a in e.args])
        if not (argument and isinstance(out, sp.Sum)):
            return out
        bound = [lim[0] for inner in [out, *sorted(out.atoms(sp.Sum) - {out}, key=sp.default_sort_key)]
                 for lim in inner.limits]
        key = out.xreplace({b: _placeholder(b, n) for n, b in enumerate(bound)})
        return first.setdefault(key, out)

    return walk(expr, False)


def _placeholder(index: sp.Expr, n: int) -> sp.Expr:
    """The n-th bound index of a sum, named apart from any index a user writes, its range kept."""
    if isinstance(index, sp.Idx):
        return sp.Idx(sp.Symbol(f"_bound{n}", integer=True), (index.lower, index.upper))
    return sp.Symbol(f"_bound{n}", integer=True)


def merge_sums(expr: sp.Expr) -> sp.Expr:
    """``c sum f + c sum g -> c sum (f + g)`` for sums over the same range whose factors outside carry the same
    indices: ``x̂_i sum_n g_n x̂_n + sum_n g_n`` stays two sums, as the textbook writes it."""
    terms = _same_bound_names(sp.Add.make_args(_expand(expr)))
    groups: dict[tuple, list[sp.Expr]] = {}
    rest = []
    single = {f.limits for t in terms for f in t.as_coeff_mul()[1] if isinstance(f, sp.Sum)
              and sum(isinstance(g, sp.Sum) for g in t.as_coeff_mul()[1]) == 1}
    for t in terms:
        found = _group(t, single)
        if found is None:
            rest.append(t)
        else:
            groups.setdefault(found[0], []).append(found[1])
    out = sp.Add(*rest)
    for (limits, _), summands in groups.items():
        body = sp.Add(*summands)
        # pull out factors free of the summation variable
        inner = sp.factor_terms(body)
        const, dep = [], []
        for f in sp.Mul.make_args(inner):
            (dep if f.has(*[lim[0] for lim in limits]) else const).append(f)
        out += sp.Mul(*const) * sp.Sum(merge_sums(sp.Mul(*dep)), *limits)
    return out


def _distribute(e: sp.Expr) -> sp.Expr:
    """``m (a + b + c)`` as ``ma + mb + mc`` with powers merged, when the bracket is long.

    A long product cannot be broken across lines; its distributed terms can, and merging
    powers (``(1 - s)(1 - s)^{g - 1} = (1 - s)^g``) often makes each term simpler.
    """
    if not isinstance(e, sp.Mul):
        return e
    brackets = [f for f in e.args if isinstance(f, sp.Add) and len(f.args) >= 3]
    if len(brackets) != 1:
        return e
    multiplier = _positive_first(sp.factor(e / brackets[0]))
    return sp.Add(*[sp.powsimp(multiplier * t) for t in brackets[0].args])


def _factor(e: sp.Expr) -> sp.Expr:
    """``sp.factor`` with each decimal constant held as a symbol: SymPy factors floats into ``1.0 t + 1.0``
    brackets; as symbols ``0.134145 x^2 + 1`` stays the bracket the definition wrote."""
    held = {abs(f): sp.Dummy() for f in sorted(e.atoms(sp.Float), key=sp.default_sort_key)}
    if not held:
        return sp.factor(e)
    out = sp.factor(e.xreplace({f: sp.sign(f) * held[abs(f)] for f in e.atoms(sp.Float)}))
    return out.xreplace({v: k for k, v in held.items()})


def _minus_signs(e: sp.Expr) -> int:
    return sum(a.as_coeff_Mul()[0].is_negative for a in sp.Add.make_args(e))


def _fewer_minus(e: sp.Expr) -> sp.Expr:
    """Brackets negated in pairs where that leaves fewer minus signs: ``(t - 1)(-c x^2 - 1)`` as ``(1 - t)(c x^2 + 1)``."""
    if not isinstance(e, sp.Mul):
        return e
    gain = {f: _minus_signs(f) - _minus_signs(-f) for f in e.args if isinstance(f, sp.Add)}
    ranked = sorted(gain, key=lambda f: -gain[f])
    pairs = [(a, b) for a, b in zip(ranked[::2], ranked[1::2]) if gain[a] + gain[b] > 0]
    flip = {f: _expand(-f) for pair in pairs for f in pair}
    return sp.Mul(*[flip.get(f, f) for f in e.args])


def _conjugates_merged(e: sp.Expr) -> sp.Expr:
    """``(1 - t)(1 + t)`` as ``1 - t^2``, the difference of squares a textbook writes (GELU's ``1 - tanh^2``)."""
    if not isinstance(e, sp.Mul):
        return e
    factors = list(e.args)
    binomials = [f for f in factors if isinstance(f, sp.Add) and len(f.args) == 2]
    for a in binomials:
        c, y = a.as_coeff_Add()
        b = next((f for f in binomials if f is not a and f in factors and _expand(f) == _expand(c - y)), None)
        if c != 0 and a in factors and b is not None:
            factors.remove(a)
            factors.remove(b)
            factors.append(c**2 - y**2)
    return sp.Mul(*factors)


def _factor_by_constant(e: sp.Expr) -> sp.Expr:
    """The terms of ``e`` grouped by their irrational constant (``sqrt(2)/sqrt(pi)``), each group factored:
    GELU's ``g (t + 1)/2 + sqrt(2) g x (1 - t)(t + 1)(0.134145 x^2 + 1)/(2 sqrt(pi))`` rather than one fraction."""
    groups: dict[sp.Expr, list[sp.Expr]] = {}
    for term in sp.Add.make_args(sp.expand(e)):
        constant = term.as_independent(*term.free_symbols)[0].as_coeff_Mul()[1]
        groups.setdefault(constant, []).append(term / constant)
    return sp.Add(*[c * _conjugates_merged(_fewer_minus(_positive_first(_factor(sp.Add(*terms)))))
                   for c, terms in groups.items()])


def _shape_key(e: sp.Expr) -> sp.Expr:
    """``e`` with every index replaced by one placeholder, to compare ``y_n - f_n`` with ``y_m - f_m``."""
    return e.xreplace({i: sp.Symbol("_") for i in e.atoms(sp.Idx)})


def _absorb_minus(coeff: sp.Expr, factors: list[sp.Expr], source: set[sp.Expr]) -> sp.Expr:
    """``coeff`` times ``factors`` with a minus sign absorbed into a difference the definitions do not fix, one
    with a minus sign in it if there is one: ``-(H - 1)(H + 1)`` is ``(1 - H)(H + 1)``."""
    free = [k for k, f in enumerate(factors) if isinstance(f, sp.Add) and len(f.args) == 2
            and _shape_key(f) not in source]
    if coeff.is_negative and free:
        k = max(free, key=lambda k: sum(a.could_extract_minus_sign() for a in factors[k].args))
        factors[k], coeff = _expand(-factors[k]), -coeff
    return sp.Mul(coeff, *factors)


def _orient(e: sp.Expr, source: set[sp.Expr]) -> sp.Expr:
    """Write differences the way the definitions do: ``-2 sum (y - f) x``, not ``2 sum (f - y) x``."""
    if isinstance(e, sp.Sum):
        inner = _orient(e.function, source)
        if isinstance(inner, sp.Add) and _shape_key(-inner) in source and _shape_key(inner) not in source:
            return -sp.Sum(_expand(-inner), *e.limits)
        coeff, rest = inner.as_coeff_Mul()
        return coeff * sp.Sum(rest, *e.limits) if coeff.is_negative else sp.Sum(inner, *e.limits)
    if isinstance(e, sp.Mul):
        coeff, factors = e.as_coeff_mul()
        out = []
        for f in factors:
            f = _orient(f, source)
            if isinstance(f, sp.Add) and _shape_key(-f) in source and _shape_key(f) not in source:
                f, coeff = _expand(-f), -coeff
            elif isinstance(f, sp.Pow) and isinstance(f.base, sp.Add) and f.exp.is_odd \
                    and _shape_key(-f.base) in source and _shape_key(f.base) not in source:
                f, coeff = _expand(-f.base) ** f.exp, -coeff
            out.append(f)
        return _absorb_minus(coeff, out, source)
    if isinstance(e, sp.Add):
        return sp.Add(*[_orient(a, source) for a in e.args])
    return e


# multiplying out or factoring an expression with more terms than this can take SymPy hours
# (a product of many powers of sums); such an expression is left as the walk made it
_MAX_TERMS = 2000


def _terms_bound(e: sp.Basic) -> int:
    """An upper bound of the number of terms of ``e`` multiplied out, read off the tree (capped past ``_MAX_TERMS``)."""
    if isinstance(e, sp.Add):
        return min(sum(_terms_bound(a) for a in e.args), _MAX_TERMS + 1)
    if isinstance(e, sp.Mul):
        total = 1
        for a in e.args:
            total = min(total * _terms_bound(a), _MAX_TERMS + 1)
        return total
    if isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp > 0:
        t = _terms_bound(e.base)
        return 1 if t == 1 else min(math.comb(t + min(int(e.exp), _MAX_TERMS) - 1, t - 1), _MAX_TERMS + 1)
    if isinstance(e, sp.Sum):
        return _terms_bound(e.function)
    return 1


def tidy(expr: sp.Expr, graph: Graph | None = None, deadline: Deadline | None = None) -> sp.Expr:
    """The readable final form: sums merged, factors pulled out, differences oriented as defined.

    An expression that would multiply out to more than ``_MAX_TERMS`` terms is left as it is;
    ``deadline`` is checked before each summand is factored (factoring can take minutes).
    """
    expr = same_sums(expr)
    if _terms_bound(expr) > _MAX_TERMS:
        return expr
    if deadline is not None:
        deadline.check()
    if expr.atoms(sp.Sum):
        merged = same_sums(merge_sums(expr))  # merging names outer indices alike: inner sums may then be one
        factored = _factor_summand(merged, deadline)
    else:
        merged = _distribute(expr)
        merged_powers = sp.powsimp(expr) if any(not p.exp.is_Number for p in expr.atoms(sp.Pow)) else expr
        factored = _positive_first(_factor(merged_powers))
        grouped = _factor_by_constant(expr) if isinstance(expr, sp.Add) else factored
        factored = grouped if sp.count_ops(grouped) < sp.count_ops(factored) else factored
    # factoring can fold a short sum into one long fraction: keep the shorter form
    out = factored if sp.count_ops(factored) <= sp.count_ops(merged) else merged
    if graph is None:
        return out
    source = {_shape_key(a) for d in graph.definitions for a in sp.preorder_traversal(d.rhs)
              if isinstance(a, sp.Add)}
    return _orient(out, source)
