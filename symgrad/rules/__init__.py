"""Simplification rules: one small function each, named by the justification it prints.

Each rule takes an expression and the graph it lives in and returns the rewritten
expression with the label to print beside the step, or ``None`` when it does not apply.
The engine (``simplify``) knows no rule by name: it runs the table to a fixed point.
SymPy's generic ``simplify`` is never used: it is slow and crashes on some
``Sum``/``KroneckerDelta`` forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from ..derivation import Graph, Step
from ..tensors import Constraint
from . import construction
from .deadline import Deadline
from .names import _canonical, _fold_one, _inverses, fold_definitions
from .presentation import _distribute, _positive_first, _terms_bound, merge_sums, tidy
from .terms import Rewrite, _expand, _make_sum, _multiply_out, _tidy_rational

__all__ = [
    "SIMPLIFY",
    "Deadline",
    "Rule",
    "_canonical",
    "_distribute",
    "_expand",
    "_fold_one",
    "_inverses",
    "_positive_first",
    "_terms_bound",
    "_tidy_rational",
    "by_construction",
    "cancel_fractions",
    "contract_deltas",
    "expand_sums",
    "factor_cases",
    "fold_definitions",
    "hyperbolic",
    "merge_sums",
    "simplify",
    "split_sums",
    "step_times_ramp",
    "tidy",
    "use_constraints",
]


@dataclass(frozen=True)
class Rule:
    """A named rewrite: ``apply(expr, graph)`` gives ``(new_expr, label, detail)`` or ``None``.

    ``label`` is the words printed beside the step; ``detail`` an optional formula after them
    (the constraint or definition used).
    """

    name: str
    apply: Callable[[sp.Expr, Graph], Rewrite]


# ---------------------------------------------------------------- sums and deltas


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
            for factor in sorted(shared, key=sp.default_sort_key):  # set order varies with PYTHONHASHSEED
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


def _use(expr: sp.Expr, constraints: tuple[Constraint, ...]) -> tuple[sp.Expr, list[Constraint]]:
    """``expr`` with every sum that one of ``constraints`` fixes replaced by its value, and the ones used."""
    used: list[Constraint] = []
    for c in constraints:
        pattern = _constraint_pattern(c)
        if pattern is None:
            continue
        body, var, wilds = pattern
        (_, lo, hi) = c.lhs.limits[0]
        free = sorted((i for i in c.lhs.free_symbols if isinstance(i, sp.Idx)), key=str)

        def value(e: sp.Expr, body: sp.Expr = body, var: sp.Idx = var, lo=lo, hi=hi) -> dict | None:
            if not (isinstance(e, sp.Sum) and len(e.limits) == 1) or e.limits[0][1:] != (lo, hi):
                return None
            m = e.function.xreplace({e.limits[0][0]: var}).match(body)
            return None if m is None or any(val.has(var) for val in m.values()) else m

        def replace(e: sp.Expr, c: Constraint = c, value=value, free=free, wilds=wilds) -> sp.Expr:
            if c not in used:
                used.append(c)
            m = value(e)
            return sp.sympify(c.rhs).xreplace({i: m[w] for i, w in zip(free, wilds) if w in m})

        expr = expr.replace(lambda e, value=value: value(e) is not None, replace)
    return expr, used


def use_constraints(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Replace a sum that a declared constraint fixes, e.g. ``sum_k y_k = 1``."""
    expr, used = _use(expr, graph.constraints)
    if not used:
        return None
    detail = sp.Eq(used[0].lhs, used[0].rhs, evaluate=False)
    return expr, "use the constraint" + (f" ({used[0].reason})" if used[0].reason else ""), detail


def _reduce(expr: sp.Expr, graph: Graph) -> sp.Expr:
    """The rule table without the facts by construction: what proves them; the sums split first when that
    is what it takes (sum_n (x_n - μ) with a scalar μ)."""
    table = tuple(r for r in SIMPLIFY if r.apply is not by_construction)
    out = simplify(expr, graph, rules=table)
    return simplify(split_sums(expr), graph, rules=table) if out.atoms(sp.Sum) else out


def by_construction(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Replace a sum the definitions fix by construction, e.g. ``sum_k x̂_kd = 0`` for a centred x̂."""
    if not expr.atoms(sp.Sum):
        return None
    # a constant factor inside the sum (sum_n x̂_n sqrt(v + ε)) does not hide the fact
    pulled = expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, construction._pull_constants)
    expr, used = _use(pulled, construction.facts(graph, _reduce))
    if not used:
        return None
    return expr, "it holds by construction", sp.Eq(used[0].lhs, used[0].rhs, evaluate=False)


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
    Rule("construction", by_construction),
    Rule("cases", factor_cases),
    Rule("expand", expand_sums),
    Rule("hyperbolic", hyperbolic),
    Rule("ramp", step_times_ramp),
    Rule("cancel", cancel_fractions),
)


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
