"""Simplification rules: one small function each, named by the justification it prints.

Each rule takes an expression and the graph it lives in and returns the rewritten
expression with the label to print beside the step, or ``None`` when it does not apply.
The engine (``simplify``) knows no rule by name: it runs the table to a fixed point.
SymPy's generic ``simplify`` is never used: it is slow and crashes on some
``Sum``/``KroneckerDelta`` forms.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from .derivation import Graph, Step
from .errors import DeriveError
from .tensors import Constraint, Definition

Rewrite = tuple[sp.Expr, str, sp.Expr | None] | None


@dataclass(frozen=True)
class Rule:
    """A named rewrite: ``apply(expr, graph)`` gives ``(new_expr, label, detail)`` or ``None``.

    ``label`` is the words printed beside the step; ``detail`` an optional formula after them
    (the constraint or definition used).
    """

    name: str
    apply: Callable[[sp.Expr, Graph], Rewrite]


# ---------------------------------------------------------------- sums and deltas


def _expand(e: sp.Expr) -> sp.Expr:
    """``sympy.expand`` without splitting exponentials: it would turn ``e^{sum_k u_k}`` into a product."""
    return sp.expand(e, power_exp=False)


def _multiply_out(e: sp.Expr) -> sp.Expr:
    """Distribute products over sums, leaving powers and function arguments alone."""
    return sp.expand(e, deep=False, power_exp=False, power_base=False, multinomial=False, log=False)


def _make_sum(body: sp.Expr, limits: list[tuple]) -> sp.Expr:
    return sp.Sum(body, *limits) if limits else body


def _split_sum(s: sp.Sum) -> sp.Expr:
    """Distribute a sum over the terms of its multiplied-out summand, constants pulled out.

    SymPy flattens nested sums into one ``Sum`` with several limits, so every rule here
    works on several limits at once.
    """
    body = _multiply_out(s.function)
    if isinstance(body, sp.Sum):  # Sum(Sum(f, a), b) is kept flat by SymPy; merge explicitly
        return _split_sum(sp.Sum(body.function, *body.limits, *s.limits))
    out = sp.Integer(0)
    for term in sp.Add.make_args(body):
        const, dep = [], []
        for factor in sp.Mul.make_args(term):
            (dep if any(factor.has(lim[0]) for lim in s.limits) else const).append(factor)
        limits = []
        for lim in s.limits:
            if any(f.has(lim[0]) for f in dep):
                limits.append(lim)
            else:
                const.append(lim[2] - lim[1] + 1)
        out += sp.Mul(*const) * _make_sum(sp.Mul(*dep), limits)
    return out


def _worth_splitting(s: sp.Sum) -> bool:
    """Splitting helps only if it exposes a delta to contract, a nested sum, or a tensor to pull out."""
    bound = {lim[0] for lim in s.limits}
    if any(bound & set(k.args) for k in s.function.atoms(sp.KroneckerDelta)):
        return True
    if any(_worth_splitting(inner) for inner in s.function.atoms(sp.Sum)):
        return True
    for term in sp.Add.make_args(_multiply_out(s.function)):
        for factor in sp.Mul.make_args(term):
            if not factor.has(*bound) and (factor.atoms(sp.Indexed) or factor.atoms(sp.Function)):
                return True
    return False


def split_sums(expr: sp.Expr) -> sp.Expr:
    """Every sum multiplied out and split into sums of single terms, constants pulled out."""

    def walk(e: sp.Expr) -> sp.Expr:
        if isinstance(e, sp.Sum):
            return _split_sum(sp.Sum(walk(e.function), *e.limits))
        if isinstance(e, (sp.Add, sp.Mul)):
            return e.func(*[walk(a) for a in e.args])
        return e

    # a second pass catches sums that multiplying out exposed inside products
    return _multiply_out(walk(_multiply_out(walk(expr))))


def expand_sums(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Multiply out and split the sums, when that exposes something for the other rules."""
    if not any(_worth_splitting(s) for s in expr.atoms(sp.Sum)):
        return None  # nothing to gain; sum-free algebra is the job of cancel_fractions
    new = split_sums(expr)
    return (new, "multiply out, split the sums, pull constants out", None) if new != expr else None


def _same_range(a: sp.Expr, lo: sp.Expr, hi: sp.Expr) -> bool:
    return isinstance(a, sp.Idx) and a.lower == lo and a.upper == hi


def contract_deltas(expr: sp.Expr, graph: Graph) -> Rewrite:
    """``sum_k f_k delta_kj = f_j`` when j runs over the same range as k."""
    changed = False

    def contract(s: sp.Sum) -> sp.Expr:
        nonlocal changed
        bound = {lim[0] for lim in s.limits}
        body = s.function
        # SymPy folds a Piecewise summand to the top of the sum: a delta that every
        # branch carries is a factor of the whole summand
        branches = [e for e, _ in body.args] if isinstance(body, sp.Piecewise) else [body]
        shared = set(sp.Mul.make_args(branches[0])).intersection(*[sp.Mul.make_args(b) for b in branches[1:]])
        for pos, (var, lo, hi) in enumerate(s.limits):
            for factor in shared:
                if isinstance(factor, sp.KroneckerDelta) and var in factor.args:
                    other = factor.args[0] if factor.args[1] == var else factor.args[1]
                    if other not in bound and _same_range(other, lo, hi):
                        changed = True
                        if isinstance(body, sp.Piecewise):
                            rest = sp.Piecewise(*[(e / factor, c) for e, c in body.args])
                        else:
                            rest = body / factor
                        rest = rest.xreplace({var: other})
                        return _make_sum(rest, [lim for k, lim in enumerate(s.limits) if k != pos])
        return s

    new = expr.replace(lambda e: isinstance(e, sp.Sum), contract)
    return (new, "contract the Kronecker delta", None) if changed else None


def _constraint_pattern(c: Constraint) -> tuple[sp.Expr, sp.Idx, list[sp.Wild]] | None:
    if not (isinstance(c.lhs, sp.Sum) and len(c.lhs.limits) == 1):
        return None
    var = c.lhs.limits[0][0]
    free = sorted((i for i in c.lhs.free_symbols if isinstance(i, sp.Idx)), key=str)
    wilds = [sp.Wild(f"free_{i}") for i in free]
    return c.lhs.function.xreplace(dict(zip(free, wilds))), var, wilds


def use_constraints(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Replace a sum that a declared constraint fixes, e.g. ``sum_k y_k = 1``."""
    used: list[Constraint] = []
    for c in graph.constraints:
        pattern = _constraint_pattern(c)
        if pattern is None:
            continue
        body, var, _ = pattern
        (_, lo, hi) = c.lhs.limits[0]

        def matches(e: sp.Expr, body: sp.Expr = body, var: sp.Idx = var, lo=lo, hi=hi) -> bool:
            if not (isinstance(e, sp.Sum) and len(e.limits) == 1):
                return False
            v, elo, ehi = e.limits[0]
            if (elo, ehi) != (lo, hi):
                return False
            m = e.function.xreplace({v: var}).match(body)
            return m is not None and not any(val.has(var) for val in m.values())

        def replace(e: sp.Expr, c: Constraint = c) -> sp.Expr:
            if c not in used:
                used.append(c)
            return c.rhs

        expr = expr.replace(matches, replace)
    if not used:
        return None
    detail = sp.Eq(used[0].lhs, used[0].rhs, evaluate=False)
    return expr, "use the constraint" + (f" ({used[0].reason})" if used[0].reason else ""), detail


# ---------------------------------------------------------------- names


def _kernels(defn: Definition) -> list[sp.Expr]:
    """Subexpressions of a definition worth folding back: exponentials of its own indices."""
    own = set(defn.indices)
    out = []
    for e in sp.preorder_traversal(defn.rhs):
        if isinstance(e, sp.exp) and (not own or own <= e.free_symbols) and not _inside_sum_over(defn.rhs, e):
            out.append(e)
    return out


def _inside_sum_over(root: sp.Expr, target: sp.Expr) -> bool:
    for s in root.atoms(sp.Sum):
        if s.function.has(target):
            return True
    return False


@lru_cache(maxsize=256)
def _inverses(defn: Definition) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
    """``(kernel, kernel written in the defined name)`` pairs: ``e^{a_i} = p_i sum_k e^{a_k}``.

    The definition is solved for each kernel when it enters linearly after clearing
    denominators; SymPy's ``solve`` is avoided, it calls ``simplify`` and is slow.
    """
    out = []
    for kernel in _kernels(defn):
        u = sp.Dummy("u")
        rhs = defn.rhs.xreplace({kernel: u})
        factor = rhs / u
        if not factor.has(u):  # q = u c, the common case (softmax): u = q / c without clearing denominators
            out.append((kernel, defn.lhs / factor))
            continue
        num = sp.expand(sp.fraction(sp.together(defn.lhs - rhs))[0])
        a, b = num.coeff(u, 1), num.coeff(u, 0)
        if a == 0 or a.has(u) or b.has(u) or sp.expand(num - a * u - b) != 0:
            continue
        out.append((kernel, sp.cancel(-b / a)))
    return tuple(out)


def _fold_one(expr: sp.Expr, defn: Definition) -> sp.Expr | None:
    """Write ``expr`` in terms of the name ``defn`` defines, by solving the definition for a kernel."""
    own = list(defn.indices)
    wilds = [sp.Wild(f"w_{i}") for i in own]
    to_wild = dict(zip(own, wilds))
    # sums are compared up to the names of their summation variables: a derivation may
    # have renamed k to l to keep k free
    present = {_canonical(t): t for t in expr.atoms(sp.Sum)} if expr.has(sp.exp) else {}
    guards = [_canonical(t).xreplace(to_wild) for t in defn.rhs.atoms(sp.Sum)]
    for kernel, inverse in _inverses(defn) if expr.has(sp.exp) else ():
        # e^{c u} for an integer c is the kernel e^{u} to the power c (e^{-z}, e^{2z})
        power = sp.Wild("power", properties=[lambda c: c.is_Integer and c != 0])
        pattern = power * kernel.xreplace(to_wild).args[0]
        hits = 0

        def walk(e: sp.Expr, pattern=pattern, inverse=inverse, power=power) -> sp.Expr:
            nonlocal hits
            if isinstance(e, sp.Sum) and any(_canonical(e).match(g) is not None for g in guards):
                return e
            if isinstance(e, sp.exp):
                m = e.args[0].match(pattern)
                if m is not None and all(w in m for w in wilds):
                    hits += 1
                    inst = inverse.xreplace({w0: m[w] for w0, w in zip(own, wilds)})
                    inst = inst.xreplace({t: present.get(_canonical(t), t) for t in inst.atoms(sp.Sum)})
                    return inst ** m[power]
            if not e.args or isinstance(e, (sp.Indexed, sp.Idx)):
                return e
            return e.func(*[walk(a) for a in e.args])

        new = walk(expr)
        if not hits:
            continue
        new = _tidy_rational(new)
        if sp.count_ops(new) <= sp.count_ops(expr) + 2 and not any(new.has(k) for k in _kernel_bases(kernel)):
            return new
    # a scalar definition whose right side appears verbatim, up to the names of
    # summation variables (e.g. sqrt(sum_n r_n^2) = L)
    if not own and not defn.rhs.is_Atom:
        own_sums = {_canonical(s): s for s in defn.rhs.atoms(sp.Sum)}
        renamed = expr.xreplace({s: own_sums[_canonical(s)] for s in expr.atoms(sp.Sum) if _canonical(s) in own_sums})
        new = renamed.subs(defn.rhs, defn.lhs)
        if new != renamed:
            return new
    return None


@lru_cache(maxsize=4096)
def _canonical(s: sp.Sum) -> sp.Expr:
    """A sum with its summation variables renamed by position, to compare sums up to renaming."""
    out = s
    for pos, lim in enumerate(s.limits):
        var = lim[0]
        out = out.xreplace({var: sp.Idx(sp.Symbol(f"_bound{pos}", integer=True), (var.lower, var.upper))})
    return out


def _kernel_bases(kernel: sp.Expr) -> list[sp.Expr]:
    return [] if kernel.atoms(sp.Indexed) else [kernel]


def _tidy_rational(e: sp.Expr) -> sp.Expr:
    """Cancel a rational expression; keep sums and deltas as opaque generators."""
    if e.atoms(sp.Sum) or not any(p.exp.is_negative for p in e.atoms(sp.Pow)):
        return e
    out = sp.cancel(e)
    return _expand(out) if out.is_polynomial() else out


def fold_definitions(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Fold subexpressions back into the names they define (``e^{a_i}/sum_k e^{a_k} -> p_i``)."""
    for defn in graph.definitions:
        new = _fold_one(expr, defn)
        if new is not None and new != expr:
            return _expand(new), "substitute the definition", sp.Eq(defn.lhs, defn.rhs, evaluate=False)
    return None


def cancel_fractions(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Put a sum-free expression over a common denominator and cancel."""
    if expr.atoms(sp.Sum):
        return None
    new = _tidy_rational(expr)
    if new != expr and sp.count_ops(new) < sp.count_ops(expr):
        return new, "cancel common factors", None
    return None


def factor_cases(expr: sp.Expr, graph: Graph) -> Rewrite:
    """``cases(a d, b d) = d cases(a, b)``: a factor every branch shares comes out of the cases."""
    changed = False

    def pull(pw: sp.Piecewise) -> sp.Expr:
        nonlocal changed
        branches = [sp.Mul.make_args(e) for e, _ in pw.args]
        common = [f for f in branches[0] if all(f in b for b in branches[1:]) and not f.is_number]
        if not common:
            return pw
        changed = True
        shared = sp.Mul(*common)
        return shared * sp.Piecewise(*[(sp.cancel(e / shared), c) for e, c in pw.args])

    new = expr.replace(lambda e: isinstance(e, sp.Piecewise), pull)
    return (new, "take the common factor out of the cases", None) if changed else None


def _tanh_pairs(e: sp.Expr) -> dict[sp.Expr, sp.Expr]:
    """In a product, each ``sinh(u)`` whose ``1/cosh(u)`` is also there, mapped to ``tanh(u)``."""
    if not isinstance(e, sp.Mul):
        return {}
    return {f: sp.tanh(*f.args) for f in e.args if isinstance(f, sp.sinh) and sp.cosh(*f.args) ** -1 in e.args}


def hyperbolic(expr: sp.Expr, graph: Graph) -> Rewrite:
    """``sinh(u) / cosh(u) = tanh(u)``."""

    def rewrite(e: sp.Mul) -> sp.Expr:
        pairs = _tanh_pairs(e)
        return e.xreplace(pairs).xreplace({sp.cosh(*f.args) ** -1: 1 for f in pairs})

    new = expr.replace(lambda e: bool(_tanh_pairs(e)), rewrite)
    return (new, "sinh/cosh = tanh", None) if new != expr else None


def _ramp(e: sp.Expr) -> bool:
    return isinstance(e, sp.Max) and len(e.args) == 2 and 0 in e.args


def step_times_ramp(expr: sp.Expr, graph: Graph) -> Rewrite:
    """``H(u) max(0, u) = max(0, u)``: the step is 1 wherever the ramp is not 0."""
    def matches(e: sp.Expr) -> bool:
        if not isinstance(e, sp.Mul):
            return False
        ramps = {next(a for a in f.args if a != 0) for f in e.args if _ramp(f)}
        return any(isinstance(f, sp.Heaviside) and f.args[0] in ramps for f in e.args)

    def drop(e: sp.Mul) -> sp.Expr:
        ramps = {next(a for a in f.args if a != 0) for f in e.args if _ramp(f)}
        return sp.Mul(*[f for f in e.args if not (isinstance(f, sp.Heaviside) and f.args[0] in ramps)])

    new = expr.replace(matches, drop)
    return (new, "the step is 1 where max(0, u) is not 0", None) if new != expr else None


# order matters: folding names back in comes before expansion can scatter the pattern
SIMPLIFY: tuple[Rule, ...] = (
    Rule("contract", contract_deltas),
    Rule("fold", fold_definitions),
    Rule("constraints", use_constraints),
    Rule("cases", factor_cases),
    Rule("expand", expand_sums),
    Rule("hyperbolic", hyperbolic),
    Rule("ramp", step_times_ramp),
    Rule("cancel", cancel_fractions),
)


class Deadline:
    """A cooperative time budget for symbolic work: ``check()`` raises ``DeriveError`` once it has run out.

    Checked between rules and between steps of the walk, so no threads or signals are needed; one
    rule that blows up on its own still runs to its end before the check sees the time.
    """

    def __init__(self, seconds: float, what: str = "the derivation"):
        self.seconds = seconds
        self.what = what
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise DeriveError(f"{self.what} did not finish within {self.seconds:g} s; "
                              "simplify the loss or raise --timeout")


def simplify(expr: sp.Expr, graph: Graph, lhs: sp.Expr | None = None, section: str = "",
             steps: list[Step] | None = None, rules: tuple[Rule, ...] = SIMPLIFY, limit: int = 40,
             deadline: Deadline | None = None) -> sp.Expr:
    """Run the rule table to a fixed point, appending a ``Step`` for every rule that changed something."""
    for _ in range(limit):
        for rule in rules:
            if deadline is not None:
                deadline.check()
            out = rule.apply(expr, graph)
            if out is not None and out[0] != expr:
                expr = out[0]
                if steps is not None:
                    steps.append(Step(lhs, expr, out[1], section, out[2]))
                break
        else:
            return expr
    return expr


# ---------------------------------------------------------------- presentation


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
    inner = {s: sp.Dummy() for s in e.atoms(sp.Sum) if not any(s in o.args for o in e.atoms(sp.Sum) if o is not s)}
    if not inner:
        return _positive_first(sp.factor(e))
    flat = e.xreplace(inner)
    if flat.atoms(sp.Sum):  # a sum nested in a function argument: leave the shape alone
        return e
    back = {dummy: _factor_summand(s, deadline) for s, dummy in inner.items()}
    return _positive_first(sp.factor(flat)).xreplace(back)


def merge_sums(expr: sp.Expr) -> sp.Expr:
    """``c sum f + c sum g -> c sum (f + g)`` for sums over the same range."""
    terms = sp.Add.make_args(_expand(expr))
    groups: dict[tuple, list[sp.Expr]] = {}
    rest = []
    for t in terms:
        coeff, factors = t.as_coeff_mul()
        sums = [f for f in factors if isinstance(f, sp.Sum)]
        if len(sums) != 1:
            rest.append(t)
            continue
        s = sums[0]
        others = sp.Mul(*[f for f in factors if f is not s])
        key = s.limits
        groups.setdefault(key, []).append(coeff * others * s.function)
    out = sp.Add(*rest)
    for limits, summands in groups.items():
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


def _shape_key(e: sp.Expr) -> sp.Expr:
    """``e`` with every index replaced by one placeholder, to compare ``y_n - f_n`` with ``y_m - f_m``."""
    return e.xreplace({i: sp.Symbol("_") for i in e.atoms(sp.Idx)})


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
        if coeff.is_negative:  # absorb the minus sign into a difference the definitions do not fix
            for k, f in enumerate(out):
                if isinstance(f, sp.Add) and len(f.args) == 2 and _shape_key(f) not in source:
                    out[k], coeff = _expand(-f), -coeff
                    break
        return sp.Mul(coeff, *out)
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
    if _terms_bound(expr) > _MAX_TERMS:
        return expr
    if deadline is not None:
        deadline.check()
    if expr.atoms(sp.Sum):
        merged = merge_sums(expr)
        factored = _factor_summand(merged, deadline)
    else:
        merged = _distribute(expr)
        merged_powers = sp.powsimp(expr) if any(not p.exp.is_Number for p in expr.atoms(sp.Pow)) else expr
        factored = _positive_first(sp.factor(merged_powers))
    # factoring can fold a short sum into one long fraction: keep the shorter form
    out = factored if sp.count_ops(factored) <= sp.count_ops(merged) else merged
    if graph is None:
        return out
    source = {_shape_key(a) for d in graph.definitions for a in sp.preorder_traversal(d.rhs)
              if isinstance(a, sp.Add)}
    return _orient(out, source)
