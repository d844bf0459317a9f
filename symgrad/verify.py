"""Judge a hand derivation: proved, agrees, wrong (with a counterexample, the correct form and the kind of
slip) or unreadable (with the column and the reason).

Proof first, search second (DESIGN.md). The truth is the engine's result (``symgrad.graph.derive_graph``)
for the derivative asked for; every member of the claimed chain ``A = B = C`` that is not the derivative
itself is compared with it:

- **proved**: ``member - truth`` reduces to 0 symbolically for general sizes: with the engine's rules
  (``symgrad.rules.simplify``), else with every definition substituted inline, the sums split, the
  Kronecker deltas contracted, the constraints used and the fraction cancelled. Concrete sizes never count.
- **agrees**: not proved, but equal at every one of many points: exact rational inputs, values computed
  with mpmath at 50 digits and compared to 1e-30 relative, sizes 1..4, every value of the free indices
  (so both ``i = j`` and ``i != j``). A float comparison never makes a claim right.
- **wrong**: a point where the member and the derivative differ, shown with the sizes, index values,
  inputs, and both values, smallest sizes and simplest values first so it can be checked by hand.

Decisions (documented here because scripts depend on them):

- ``--assume 'i = j'`` (or ``i \\neq j``) restricts both the proof and the search to that case.
- A matrix claim that is right up to a transpose (numerator vs denominator layout, ``(Xw - y)^T X`` for
  ``\\nabla_w``) is not wrong: the verdict is proved/agrees for the transposed entries and the diagnosis
  is ``layout``. An index-notation claim with two indices swapped is wrong, diagnosis ``indices``.
- A claim that holds only when a constraint holds that was not given (``p_j - y_j`` for the softmax
  cross-entropy without ``\\sum_k y_k = 1``) is wrong with diagnosis ``case``; the message names the
  missing constraint. With the constraint given it is proved.
- ``p_j(\\delta_{ij} - p_i)`` for the softmax Jacobian is proved, not an index slip: the Jacobian is
  symmetric (``delta_ij p_j = delta_ij p_i``). Swapped indices are diagnosed where they matter
  (``A_{ji}`` for ``\\partial z_i / \\partial u_j`` of ``z = A u``).
- An abstract model ``f(x, theta)`` (the seed's ``f_\\theta(x)``) is evaluated as an uninterpreted function:
  at each point ``f`` at given argument values, and each of its derivatives (``Derivative(f(x, theta), theta)``,
  ``Subs(...)``, ``d f(x, w) / d w_j``), is an independent pseudo-random value fixed by (point, function,
  derivative, argument values), the same in the claim and in the derivative. That is sound: the values of a
  smooth function and of its derivatives at finitely many points can be chosen freely. The counterexample lists
  them (``functions``), e.g. ``f(x_1, θ)=0, ∂f/∂θ(x_1, θ)=1``; inputs seen only inside such arguments are left out.
- Diagnoses: ``sign`` (claim = -truth), ``factor`` (claim = c * truth, c a constant or a power of a
  size, c != +-1), ``indices`` (two free indices swapped), ``case`` (holds for one index case, or only
  under a missing constraint), ``layout``, ``other``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.functions.elementary.hyperbolic import HyperbolicFunction
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from .derivation import Graph
from .errors import ParseError, SymgradError
from .tensors import Constraint, Definition, Node, name_of

_DPS = 50  # working precision of the numeric search, in decimal digits
_RTOL_DIGITS = 30  # two values are equal when they agree to this many digits
_SIZES = (1, 2, 3, 4)
_MAX_ASSIGNMENTS = 16  # free-index assignments evaluated per point

VERDICTS = ("proved", "agrees", "wrong", "unreadable")
DIAGNOSES = ("sign", "factor", "indices", "case", "layout", "other")


class VerifyError(SymgradError):
    """A claim that cannot be judged: no derivative named, an undefined target, a value that cannot be computed."""


class _Timeout(Exception):
    """The symbolic proof ran past its time budget (internal: always caught)."""


# ---------------------------------------------------------------- the verdict


@dataclass
class Link:
    """One checked member of the claimed chain, with its own verdict."""

    latex: str
    verdict: str
    expr: sp.Expr | None = None
    counterexample: dict[str, Any] | None = None
    points: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"latex": self.latex, "verdict": self.verdict}


@dataclass
class Verdict:
    """The judgement of a claim: ``verdict`` is one of proved, agrees, wrong, unreadable."""

    verdict: str
    links: list[Link] = field(default_factory=list)
    diagnosis: str | None = None
    correct: str | None = None
    counterexample: dict[str, Any] | None = None
    message: str = ""
    derivative: str = ""
    column: int | None = None

    @property
    def exit_code(self) -> int:
        """0 for proved and agrees, 1 for wrong, 2 for unreadable."""
        return {"proved": 0, "agrees": 0, "wrong": 1}.get(self.verdict, 2)

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "links": [link.to_json() for link in self.links],
            "diagnosis": self.diagnosis,
            "correct": self.correct,
            "counterexample": self.counterexample,
            "message": self.message,
            "column": self.column,
        }

    def __str__(self) -> str:
        mark = {"proved": "✓", "agrees": "≈", "wrong": "✗"}.get(self.verdict, "?")
        lines = [f"{mark} {self.verdict}: {self.message}"]
        if len(self.links) > 1:
            for n, link in enumerate(self.links, 1):
                lines.append(f"  link {n}: {link.latex}  [{link.verdict}]")
        if self.verdict == "wrong" and self.correct:
            lines.append(f"  correct: {self.correct}")
        if self.counterexample:
            lines.append(f"  counterexample: {describe_counterexample(self.counterexample)}")
        return "\n".join(lines)


def describe_counterexample(cx: dict[str, Any]) -> str:
    """``N=1, x_1=1, y_1=0, w=1, b=0: claim 2, derivative -2``: a point a person can check by hand."""
    parts = [f"{k}={v}" for k, v in cx.get("sizes", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("indices", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("values", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("functions", {}).items()]
    names = cx.get("names", {})
    where = ", ".join(parts)
    if names:
        where += " (so " + ", ".join(f"{k}={v}" for k, v in names.items()) + ")"
    return f"{where}: claim {cx['claim']}, derivative {cx['derivative']}"


# ---------------------------------------------------------------- the problem and its truth


@dataclass(frozen=True)
class _Problem:
    """Everything a claim is judged against, in the vocabulary of ``symgrad.tensors``."""

    definitions: tuple[Definition, ...]
    of: Node
    var: Node
    constraints: tuple[Constraint, ...] = ()
    assumptions: tuple[sp.Basic, ...] = ()

    def pruned(self) -> tuple[Definition, ...]:
        """The definitions the target needs, with ``var`` an input even when it is a defined name."""
        keep: list[Definition] = []
        wanted = {name_of(self.of)}
        skip = name_of(self.var)
        for d in reversed(self.definitions):
            if d.name in wanted and d.name != skip:
                keep.append(d)
                wanted |= _names_in(d.rhs)
        return tuple(reversed(keep))

    def graph(self) -> Graph:
        defs = self.pruned()
        defined = {d.name for d in defs}
        inputs: dict[str, sp.Basic] = {}
        for d in defs:
            for t in _tensors_in(d.rhs):
                if name_of(t) not in defined:
                    inputs.setdefault(name_of(t), t)
        if name_of(self.var) not in inputs:
            v = self.var.base if isinstance(self.var, sp.Indexed) else self.var
            inputs[name_of(v)] = v
        return Graph(defs, tuple(inputs.values()), name_of(self.of), self.constraints)


def _names_in(e: sp.Basic) -> set[str]:
    return {name_of(t) for t in _tensors_in(e)}


def _tensors_in(e: sp.Basic) -> list[sp.Basic]:
    """IndexedBases and scalar symbols (not sizes, not indices) mentioned in ``e``."""
    out: dict[str, sp.Basic] = {}
    index_names = _index_names(e)
    for node in sp.preorder_traversal(e):
        if isinstance(node, sp.IndexedBase):
            out.setdefault(str(node.label), node)
        elif (isinstance(node, sp.Symbol) and not isinstance(node, (sp.Idx, sp.Dummy)) and not _is_size(node)
              and str(node) not in index_names):
            out.setdefault(str(node), node)
    return list(out.values())


def _is_size(s: sp.Symbol) -> bool:
    return bool(s.is_integer and s.is_positive)


def _index_names(e: sp.Basic) -> set[str]:
    """Names used as indices: Idx objects, summation variables, symbols inside an Indexed's subscripts."""
    out = {str(i.label) for i in e.atoms(sp.Idx)}
    for s in e.atoms(sp.Sum, sp.Product):
        out |= {str(lim[0]) for lim in s.limits}
    for ix in e.atoms(sp.Indexed):
        for sub in ix.indices:
            out |= {str(s) for s in sub.free_symbols if not _is_size(s)}
    return out


def _free_indices(e: sp.Basic, bound: frozenset[str] = frozenset()) -> dict[str, sp.Basic]:
    """Index names of ``e`` not bound by a Sum, with an object carrying the range (Idx when known)."""
    out: dict[str, sp.Basic] = {}
    if isinstance(e, (sp.Sum, sp.Product)):
        inner = bound | {str(lim[0]) for lim in e.limits}
        for lim in e.limits:
            for b in lim[1:]:
                out.update(_free_indices(b, bound))
        out.update(_free_indices(e.function, inner))
        return out
    if isinstance(e, sp.Idx):
        if str(e.label) not in bound:
            out[str(e.label)] = e
        return out
    if isinstance(e, sp.Indexed):
        for pos, sub in enumerate(e.indices):
            for s in sub.atoms(sp.Idx, sp.Symbol):
                if isinstance(s, sp.Symbol) and (_is_size(s) or isinstance(s, sp.Dummy)):
                    continue
                name = str(s.label) if isinstance(s, sp.Idx) else str(s)
                if name in bound:
                    continue
                if isinstance(s, sp.Idx) and s.upper is not None:
                    out[name] = s
                elif name not in out:
                    shape = e.base.shape
                    out[name] = sp.Idx(sp.Symbol(name, integer=True), (1, shape[pos])) if shape else s
        return out
    if isinstance(e, sp.KroneckerDelta):
        for a in e.args:
            out.update(_free_indices(a, bound))
        return out
    for a in e.args:
        out.update(_free_indices(a, bound))
    return out


def _rename_bound(e: sp.Expr, avoid: set[str]) -> sp.Expr:
    """Rename summation variables whose names clash with ``avoid`` (free indices about to be substituted)."""
    pool = [c for c in "klmnrstuvqgh" if c not in avoid] + [f"k{n}" for n in range(1, 50)]
    used = set(avoid) | {str(i) for i in e.atoms(sp.Idx)}

    def fresh() -> str:
        for name in pool:
            if name not in used:
                used.add(name)
                return name
        raise VerifyError("ran out of fresh index names")

    def walk(x: sp.Basic) -> sp.Basic:
        if isinstance(x, sp.Sum):
            body, limits = walk(x.function), []
            for var, lo, hi in x.limits:
                if str(var) in avoid:
                    new = sp.Idx(sp.Symbol(fresh(), integer=True), (lo, hi)) if isinstance(var, sp.Idx) \
                        else sp.Symbol(fresh(), integer=True)
                    body = body.xreplace({var: new})
                    var = new
                limits.append((var, lo, hi))
            return sp.Sum(body, *limits)
        if not x.args or isinstance(x, (sp.Indexed, sp.Idx)):
            return x
        return x.func(*[walk(a) for a in x.args])

    return walk(e)


def _engine_truth(problem: _Problem, timeout: float | None = None) -> sp.Expr:
    """The engine's result for d of / d var, written in the claim's index names (``DeriveError`` past ``timeout``)."""
    from .graph import derive_graph

    graph = problem.graph()
    w = name_of(problem.var)
    var_idx = tuple(problem.var.indices) if isinstance(problem.var, sp.Indexed) else ()
    derivation = derive_graph(graph, [w], index_names={w: tuple(str(i) for i in var_idx)}, timeout=timeout)
    result = derivation.results[0]
    return _align(result.expr, result.of, result.var, problem)


def _align(expr: sp.Expr, of: Node, var: Node, problem: _Problem) -> sp.Expr:
    """Rename the free indices of a result for ``of``/``var`` to the problem's own index objects."""
    src = (tuple(of.indices) if isinstance(of, sp.Indexed) else ()) + (
        tuple(var.indices) if isinstance(var, sp.Indexed) else ())
    dst = (tuple(problem.of.indices) if isinstance(problem.of, sp.Indexed) else ()) + (
        tuple(problem.var.indices) if isinstance(problem.var, sp.Indexed) else ())
    mapping = {s: d for s, d in zip(src, dst) if s != d}
    if not mapping:
        return expr
    avoid = {str(d) for d in dst} | {str(s) for s in src}
    return _rename_bound(expr, avoid).xreplace(mapping)


def _inline(e: sp.Expr, definitions: Sequence[Definition], keep: str = "") -> sp.Expr:
    """Substitute every defined name (except ``keep``) by its right-hand side, innermost last."""
    by_name = {d.name: d for d in definitions if d.name != keep}
    for _ in range(len(by_name) + 1):
        hits: dict[sp.Basic, sp.Expr] = {}
        for node in e.atoms(sp.Indexed, sp.Symbol):
            d = by_name.get(name_of(node))
            if d is None or isinstance(node, sp.Idx):
                continue
            if isinstance(node, sp.Indexed) and d.indices:
                rhs = _rename_bound(d.rhs, {str(i) for i in node.indices} | {str(i) for i in d.indices})
                hits[node] = rhs.xreplace(dict(zip(d.indices, node.indices)))
            elif not d.indices and not isinstance(node, sp.Indexed):
                hits[node] = d.rhs
        if not hits:
            return e
        e = e.xreplace(hits)
    return e


def _differentiate(expr: sp.Expr, var: Node, problem: _Problem) -> sp.Expr:
    """d expr / d var with every definition inlined: the check on the engine, and the value of inline
    derivative members such as ``\\frac{\\partial}{\\partial a_j} \\frac{e^{a_i}}{\\sum_k e^{a_k}}``.

    Taken with the engine's rules for real variables (``symgrad.derivatives.d``: d|z|/dz = sign(z)); ``sympy.diff``
    only for what they refuse, since it treats a plain Symbol as complex (d|z|/dz is left as Derivative(im(z), z))."""
    from . import rules
    from .derivatives import d
    from .errors import DeriveError

    graph = problem.graph()
    inlined = _inline(expr, problem.definitions, keep=name_of(var))
    try:
        raw = d(inlined, var)
    except DeriveError:
        raw = _model_derivatives(sp.diff(inlined, var), var)
    return rules.simplify(raw, graph, rules=tuple(r for r in rules.SIMPLIFY if r.name in ("expand", "contract")))


def _evaluate_derivatives(e: sp.Expr, problem: _Problem) -> sp.Expr:
    """``e`` with each derivative written inside it (``2 \\frac{d}{dz} \\frac{z^2}{2}``) replaced by its value; those of
    abstract functions stay, evaluated as uninterpreted values."""
    hits: dict[sp.Basic, sp.Expr] = {}
    for node in e.atoms(sp.Derivative):
        if _is_abstract(node):
            continue
        value = node.expr
        for v, count in node.variable_count:
            for _ in range(int(count)):
                value = _differentiate(value, v, problem)
        hits[node] = value
    return e.xreplace(hits) if hits else e


def _model_derivatives(e: sp.Expr, var: Node) -> sp.Expr:
    """``sympy.diff`` writes d f(x, w)/d w_j for an abstract f of a whole tensor w as
    ``Derivative(w, w_j) * Subs(Derivative(f(x, u), u), u, w)``; in index notation that is ``Derivative(f(x, w), w_j)``."""
    if not isinstance(var, sp.Indexed):
        return e
    base = var.base
    hits: dict[sp.Basic, sp.Expr] = {sp.Derivative(base, var): sp.Integer(1)}
    for s in e.atoms(sp.Subs):
        if s.point == (base,) and isinstance(s.expr, sp.Derivative) and s.expr.variables == s.variables:
            hits[s] = sp.Derivative(s.expr.expr.xreplace({s.variables[0]: base}), var)
    return e.xreplace(hits)


def _truth(problem: _Problem, timeout: float | None = None) -> tuple[sp.Expr, str]:
    """The derivative, from the engine; from ``sympy.diff`` on the inlined definitions when the engine fails
    or does not finish within ``timeout``."""
    defs = {d.name: d for d in problem.definitions}
    target = defs.get(name_of(problem.of))
    if target is None:
        raise VerifyError(f"{name_of(problem.of)} is not defined: give its definition with --define")
    try:
        return _engine_truth(problem, timeout), ""
    except Exception as exc:  # noqa: BLE001 - whatever stops the engine, sympy.diff still gives the truth
        note = f"the engine could not derive it ({type(exc).__name__}: {exc}); the derivative was taken with sympy.diff"

    of_expr = target.at(*problem.of.indices) if isinstance(problem.of, sp.Indexed) else target.rhs
    return _differentiate(of_expr, problem.var, problem), note


# ---------------------------------------------------------------- proof


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``_Timeout`` inside the block after ``seconds`` (SIGALRM; only in the main thread)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout()

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _apply_assumptions(e: sp.Expr, assumptions: Sequence[sp.Basic]) -> sp.Expr:
    """``i = j``: write j as i; ``i != j``: drop delta_ij."""
    for a in assumptions:
        if isinstance(a, sp.Eq) and all(isinstance(s, (sp.Idx, sp.Symbol)) for s in a.args):
            e = e.xreplace({a.rhs: a.lhs})
        elif isinstance(a, sp.Ne):
            x, y = a.args
            e = e.xreplace({sp.KroneckerDelta(x, y): 0, sp.KroneckerDelta(y, x): 0, sp.Eq(x, y): sp.false,
                            sp.Eq(y, x): sp.false, sp.Ne(x, y): sp.true, sp.Ne(y, x): sp.true})
    return e


def _index_case(e: sp.Expr) -> sp.Eq | None:
    """``i = j`` when a piecewise claim (``\\begin{cases}``) branches on two indices being equal."""
    for pw in e.atoms(sp.Piecewise):
        for _, cond in pw.args:
            for rel in [cond, *cond.atoms(sp.Eq, sp.Ne)]:
                if isinstance(rel, (sp.Eq, sp.Ne)) and all(isinstance(s, sp.Idx) for s in rel.args):
                    return sp.Eq(*rel.args)
    return None


def _canonical_dummies(e: sp.Expr) -> sp.Expr:
    """Name summation variables by depth and range, so equal sums written with other letters compare equal."""

    def walk(x: sp.Basic, depth: int) -> sp.Basic:
        if isinstance(x, sp.Sum):
            body, limits = x.function, []
            for n, (var, lo, hi) in enumerate(x.limits):
                new = sp.Idx(sp.Symbol(f"_s{depth}_{n}", integer=True), (lo, hi))
                body = body.xreplace({var: new})
                limits.append((new, lo, hi))
            return sp.Sum(walk(body, depth + 1), *limits)
        if not x.args or isinstance(x, (sp.Indexed, sp.Idx)):
            return x
        return x.func(*[walk(a, depth) for a in x.args])

    return walk(e, 0)


def _delta_diagonal(e: sp.Expr) -> sp.Expr:
    """``delta_ij f(i, j) = delta_ij f(i, i)`` for free i, j: each term with a delta written on its diagonal."""
    out = []
    for term in sp.Add.make_args(sp.expand(e)):
        for d in sp.Mul.make_args(term):
            if isinstance(d, sp.KroneckerDelta) and all(isinstance(x, sp.Idx) for x in d.args):
                keep, drop = sorted(d.args, key=str)
                rest = (term / d).xreplace({drop: keep})
                if not any(str(drop) == str(v) for s in rest.atoms(sp.Sum) for v, *_ in s.limits):
                    term = d * rest
                break
        out.append(term)
    return sp.Add(*out)


def _exponentials_as_unknowns(e: sp.Expr) -> sp.Expr:
    """``e`` with sums merged and each ``e^{c u}`` written ``t_u^c`` (``t_u > 0`` a new unknown), summands cancelled."""
    from . import rules

    bases: dict[sp.Expr, sp.Dummy] = {}

    def power(x: sp.exp) -> sp.Expr:
        c, base = x.args[0].as_coeff_Mul()
        return bases.setdefault(base, sp.Dummy("t", positive=True)) ** c

    merged = rules.merge_sums(_canonical_dummies(e)).replace(lambda x: isinstance(x, sp.exp), power)
    return merged.replace(lambda x: isinstance(x, sp.Sum), lambda s: sp.Sum(sp.cancel(sp.together(s.function)),
                                                                            *s.limits))


def _as_real(e: sp.Expr) -> sp.Expr:
    """``e`` with its scalars and tensors declared real, so that SymPy simplifies ``|z|^2`` to ``z^2``."""
    subs = {s: sp.Symbol(s.name, real=True) for s in e.free_symbols
            if isinstance(s, sp.Symbol) and not isinstance(s, (sp.Dummy, sp.Idx)) and not s.is_integer}
    subs.update({b: sp.IndexedBase(b.label, shape=b.shape, real=True) for b in e.atoms(sp.IndexedBase)})
    return e.xreplace(subs)


def _is_zero(e: sp.Expr) -> bool:
    e = _canonical_dummies(_delta_diagonal(e))
    if e == 0:
        return True
    return sp.cancel(sp.together(e)) == 0


def _prove(claim: sp.Expr, truth: sp.Expr, problem: _Problem, seconds: float) -> str | None:
    """How ``claim = truth`` was shown symbolically, or None. Raises ``_Timeout`` when out of time."""
    from . import rules

    diff = _apply_assumptions(claim - truth, problem.assumptions)
    case = _index_case(diff)
    if case is not None:  # prove each case on its own
        start = time.monotonic()
        cases = [(*problem.assumptions, case), (*problem.assumptions, sp.Ne(*case.args))]
        hows = []
        for asm in cases:
            left = seconds - (time.monotonic() - start)
            hows.append(_prove(claim, truth, _Problem(problem.definitions, problem.of, problem.var,
                                                      problem.constraints, asm), max(left, 0.01)))
        return f"case by case ({', '.join(h for h in hows if h)})" if all(hows) else None
    graph = problem.graph()
    asm = problem.assumptions
    with _time_limit(seconds):
        if _is_zero(diff):
            return "by algebra"
        reduced = _apply_assumptions(rules.simplify(diff, graph), asm)
        if _is_zero(reduced):
            return "with the engine's rules"
        inlined = _apply_assumptions(_inline(diff, problem.definitions, keep=name_of(problem.var)), asm)
        plain = tuple(r for r in rules.SIMPLIFY if r.name != "fold")
        reduced = _apply_assumptions(rules.simplify(inlined, graph, rules=plain), asm)
        if _is_zero(reduced):
            return "with the definitions substituted"
        # trigonometric and hyperbolic identities (tan' = 1 + tan^2 = sec^2); only on sum-free
        # expressions, where SymPy's trigsimp is safe, and still under the time limit
        if not reduced.atoms(sp.Sum) and reduced.atoms(TrigonometricFunction, HyperbolicFunction) \
                and _is_zero(sp.trigsimp(sp.expand_trig(reduced))):
            return "with trigonometric identities"
        # e^{c u} = t^c with t = e^u > 0 an unknown: an identity in t (after merging sums written with
        # other letters) is an identity; this proves sigmoids written out inline (logistic regression)
        if reduced.atoms(sp.exp) and _is_zero(_exponentials_as_unknowns(rules.split_sums(reduced))):
            return "with the exponentials as unknowns"
        # every quantity is real (|z|^2 = z^2): say so to SymPy and try again; then sign(u) = u/|u|,
        # which holds except where u = 0 (the kink, also sampled by the numeric search)
        if reduced.atoms(sp.Abs, sp.sign):
            real = _as_real(reduced)
            if _is_zero(real):
                return "for real values"
            if _is_zero(real.replace(sp.sign, lambda u: u / sp.Abs(u))):
                return "for real values away from the kinks where sign jumps"
    return None


# ---------------------------------------------------------------- numeric evaluation

Env = dict[str, int]
Values = dict[str, Any]
Fn = Callable[[Env, Values], Any]

# past this magnitude (log2) of an exponent mpmath works on integers of billions of bits and never returns
# (e^{e^{e^{e^x}}}, a power tower of sums): the point is skipped, as for an overflow
_MAX_EXPONENT_MAG = 32


def _exp(x: Any) -> Any:
    if mpmath.mag(x) > _MAX_EXPONENT_MAG:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.exp(x)


def _power(base: Any, exponent: Any) -> Any:
    if mpmath.mag(exponent) > _MAX_EXPONENT_MAG and base != 0 and abs(base) != 1:
        raise OverflowError("exponent too large to evaluate")
    return mpmath.power(base, exponent)


def _heaviside(x: Any, at_zero: Any = None) -> Any:
    """H(x) with SymPy's convention H(0) = 1/2 (its second argument when given)."""
    if x == 0:
        return mpmath.mpf(1) / 2 if at_zero is None else at_zero
    return mpmath.mpf(x > 0)


_FUNCS: dict[type, Callable[..., Any]] = {
    sp.exp: _exp, sp.log: mpmath.log, sp.Abs: abs, sp.sign: mpmath.sign, sp.tanh: mpmath.tanh,
    sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.atan: mpmath.atan,
    sp.erf: mpmath.erf, sp.erfc: mpmath.erfc, sp.tan: mpmath.tan, sp.cot: mpmath.cot, sp.sec: mpmath.sec,
    sp.csc: mpmath.csc, sp.asin: mpmath.asin, sp.acos: mpmath.acos, sp.acot: mpmath.acot, sp.asec: mpmath.asec,
    sp.acsc: mpmath.acsc, sp.asinh: mpmath.asinh, sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh,
    sp.coth: mpmath.coth, sp.sech: mpmath.sech, sp.csch: mpmath.csch, sp.acoth: mpmath.acoth,
    sp.floor: mpmath.floor, sp.ceiling: mpmath.ceil, sp.Heaviside: _heaviside, sp.factorial: mpmath.factorial,
    sp.binomial: mpmath.binomial, sp.gamma: mpmath.gamma,
}
_RELATIONS: dict[type, Callable[[Any, Any], bool]] = {
    sp.Eq: lambda a, b: a == b, sp.Ne: lambda a, b: a != b, sp.Lt: lambda a, b: a < b,
    sp.Le: lambda a, b: a <= b, sp.Gt: lambda a, b: a > b, sp.Ge: lambda a, b: a >= b,
}


def _compile(e: sp.Basic) -> Fn:
    """A closure computing ``e`` at 50 digits from index values ``env`` and tensor tables ``vals``."""
    if isinstance(e, sp.Integer):
        c = mpmath.mpf(int(e))
        return lambda env, vals: c
    if isinstance(e, sp.Rational):
        c = mpmath.mpf(e.p) / e.q
        return lambda env, vals: c
    if isinstance(e, sp.Float):
        c = mpmath.mpf(e._mpf_)
        return lambda env, vals: c
    if e in (sp.pi, sp.E, sp.EulerGamma):
        c = {sp.pi: mpmath.pi, sp.E: mpmath.e, sp.EulerGamma: mpmath.euler}[e]
        return lambda env, vals: +c
    if isinstance(e, sp.Idx):
        name = str(e.label)
        return lambda env, vals: env[name]
    if isinstance(e, sp.Symbol):
        name = str(e)
        return lambda env, vals: env[name] if name in env else vals[name]
    if isinstance(e, sp.Indexed):
        name = str(e.base.label)
        subs = [_compile(i) for i in e.indices]
        return lambda env, vals: vals[name][tuple(int(f(env, vals)) for f in subs)]
    if isinstance(e, sp.Add):
        fs = [_compile(a) for a in e.args]

        def add(env: Env, vals: Values) -> Any:
            total = fs[0](env, vals)
            for f in fs[1:]:
                total += f(env, vals)
            return total

        return add
    if isinstance(e, sp.Mul):
        fs = [_compile(a) for a in e.args]

        def mul(env: Env, vals: Values) -> Any:
            total = fs[0](env, vals)
            for f in fs[1:]:
                total *= f(env, vals)
            return total

        return mul
    if isinstance(e, sp.Pow):
        base = _compile(e.base)
        if isinstance(e.exp, sp.Integer):
            n = int(e.exp)
            # sizes and indices are Python ints: 3 ** -1 would be a float
            return lambda env, vals: mpmath.mpmathify(base(env, vals)) ** n
        ex = _compile(e.exp)
        return lambda env, vals: _power(base(env, vals), ex(env, vals))
    if isinstance(e, sp.KroneckerDelta):
        x, y = (_compile(a) for a in e.args[:2])
        one, zero = mpmath.mpf(1), mpmath.mpf(0)
        return lambda env, vals: one if int(x(env, vals)) == int(y(env, vals)) else zero
    if isinstance(e, (sp.Sum, sp.Product)):
        return _compile_reduction(e)
    if isinstance(e, sp.Piecewise):
        pieces = [(_compile(v), _compile(c)) for v, c in e.args]

        def piecewise(env: Env, vals: Values) -> Any:
            for value, cond in pieces:
                if cond(env, vals):
                    return value(env, vals)
            raise ValueError("no piece applies")

        return piecewise
    if type(e) in _RELATIONS:
        rel, x, y = _RELATIONS[type(e)], _compile(e.lhs), _compile(e.rhs)
        return lambda env, vals: rel(x(env, vals), y(env, vals))
    if isinstance(e, (sp.And, sp.Or, sp.Not)):
        fs = [_compile(a) for a in e.args]
        combine = {sp.And: all, sp.Or: any}.get(type(e))
        if combine is None:
            return lambda env, vals: not fs[0](env, vals)
        return lambda env, vals: combine(f(env, vals) for f in fs)
    if e in (sp.true, sp.false):
        truth = bool(e)
        return lambda env, vals: truth
    if isinstance(e, (sp.Max, sp.Min)):
        fs = [_compile(a) for a in e.args]
        pick = max if isinstance(e, sp.Max) else min
        return lambda env, vals: pick(f(env, vals) for f in fs)
    if isinstance(e, sp.log) and len(e.args) == 2:
        x, b = (_compile(a) for a in e.args)
        return lambda env, vals: mpmath.log(x(env, vals), b(env, vals))
    if type(e) in _FUNCS:
        func, fs = _FUNCS[type(e)], [_compile(a) for a in e.args]
        return lambda env, vals: func(*(f(env, vals) for f in fs))
    if _is_abstract(e):
        return _compile_abstract(e)
    raise VerifyError(f"cannot evaluate {e} numerically")


# ---------------------------------------------------------------- abstract functions

_ABSTRACT = "<abstract functions>"  # where a point keeps its _Uninterpreted table among the values
Wrt = tuple[tuple[int, tuple[sp.Expr, ...]], ...]  # per differentiation: argument position, component indices


def _is_abstract(e: sp.Basic) -> bool:
    """``f(x, theta)``, a derivative of it, or such a derivative at a point (``Subs``): an uninterpreted value."""
    if isinstance(e, sp.Subs):
        e = e.expr
    if isinstance(e, sp.Derivative):
        e = e.expr
    return isinstance(e, AppliedUndef)


def _abstract_parts(e: sp.Expr) -> tuple[AppliedUndef, Wrt]:
    """The application ``f(args)`` behind ``e`` and what it is differentiated by, argument by argument: theta is
    the argument theta, ``w_j`` component j of the argument w, ``Subs`` a derivative by an argument at a point."""
    point: dict[sp.Basic, sp.Basic] = {}
    if isinstance(e, sp.Subs):
        point = dict(zip(e.variables, e.point))
        e = e.expr
    wrt: list[tuple[int, tuple[sp.Expr, ...]]] = []
    if isinstance(e, sp.Derivative):
        app = e.expr
        for v, count in e.variable_count:
            base = v.base if isinstance(v, sp.Indexed) else v
            hits = [k for k, a in enumerate(app.args) if a.has(base)]
            if len(hits) != 1 or app.args[hits[0]] not in (v, base):
                raise VerifyError(f"cannot evaluate {e} numerically: {v} must be exactly one argument of {app.func}")
            whole = app.args[hits[0]] == base and isinstance(v, sp.Indexed)
            wrt += [(hits[0], tuple(v.indices) if whole else ())] * int(count)
        e = app
    return e.xreplace(point) if point else e, tuple(wrt)


def _compile_abstract(e: sp.Expr) -> Fn:
    app, wrt = _abstract_parts(e)
    name = str(app.func)
    args = [(lambda env, vals, t=str(a.label): vals[t]) if isinstance(a, sp.IndexedBase) else _compile(a)
            for a in app.args]
    comps = [(k, [_compile(i) for i in idx]) for k, idx in wrt]

    def value(env: Env, vals: Values) -> Any:
        spec = tuple(sorted((k, tuple(int(f(env, vals)) for f in fs)) for k, fs in comps))
        return vals[_ABSTRACT].value(name, spec, [f(env, vals) for f in args], lambda: _abstract_label(app, spec, env))

    return value


def _key(v: Any) -> Any:
    """An argument value as a hashable key: 40 digits of a number, every entry of a whole tensor."""
    if isinstance(v, dict):
        return tuple((ix, _key(x)) for ix, x in sorted(v.items()))
    return mpmath.nstr(v, 40)


def _abstract_label(app: AppliedUndef, spec: tuple[tuple[int, tuple[int, ...]], ...], env: Env) -> str:
    """``f(x_1, θ)``, ``∂f/∂θ(x_1, θ)``, ``∂f/∂w_2(x_1, w)``: an abstract value as a person reads it."""
    at: dict[sp.Basic, sp.Basic] = {i: sp.Integer(env[str(i.label)]) for i in app.atoms(sp.Idx) if str(i.label) in env}
    app = app.xreplace(at)
    app = app.xreplace({s: sp.Integer(env[str(s)]) for s in app.atoms(sp.Symbol) if s.is_integer and str(s) in env})
    head = str(app.func)
    if spec:
        by = []
        for k, comp in spec:
            a = app.args[k]
            a = a[comp] if comp else a
            by.append(f"∂{_text(a)}" if isinstance(a, (sp.Symbol, sp.Indexed, sp.IndexedBase)) else f"∂(argument {k + 1})")
        order = f"^{len(spec)}" if len(spec) > 1 else ""
        head = f"∂{order}{head}/{''.join(by)}"
    return f"{head}({', '.join(_text(a) for a in app.args)})"


class _Uninterpreted:
    """The abstract functions of one point: each value (of f, or of a derivative of f) at given argument values is
    a pseudo-random draw in the point's style, fixed by (point, function, derivative, arguments)."""

    def __init__(self, seed: str, style: str):
        self.seed, self.style = seed, style
        self.seen: dict[str, Any] | None = None  # when recording: label -> value of every value handed out

    def value(self, name: str, spec: tuple, args: Sequence[Any], label: Callable[[], str]) -> Any:
        key = repr((self.seed, name, spec, tuple(_key(a) for a in args)))
        v = _mp(_draw(self.style, random.Random(hashlib.sha256(key.encode()).digest())))
        if self.seen is not None:
            self.seen.setdefault(label(), v)
        return v


def _outside_abstract(e: sp.Basic) -> set[str]:
    """Names of ``e`` used other than as arguments of abstract functions."""
    if _is_abstract(e):
        return set()
    if isinstance(e, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
        return _names_in(e)
    return set().union(*(_outside_abstract(a) for a in e.args)) if e.args else set()


# summation variables nested deeper than this are not evaluated: each level multiplies the work by the size
# (up to 4), and no derivation a person writes nests more than a handful
_MAX_NESTED_SUMS = 5


def _nested_sums(e: sp.Basic) -> int:
    """How many summation variables are nested at the deepest point of ``e``."""
    inner = max((_nested_sums(a) for a in e.args), default=0)
    return inner + len(e.limits) if isinstance(e, (sp.Sum, sp.Product)) else inner


def _compile_reduction(e: sp.Sum | sp.Product) -> Fn:
    depth = _nested_sums(e)
    if depth > _MAX_NESTED_SUMS:
        raise VerifyError(f"{depth} nested sums are more than the numeric search evaluates ({_MAX_NESTED_SUMS})")
    body = _compile(e.function)
    limits = [(str(var), _compile(lo), _compile(hi)) for var, lo, hi in e.limits]
    is_sum = isinstance(e, sp.Sum)

    def loop(env: Env, vals: Values, depth: int) -> Any:
        if depth == len(limits):
            return body(env, vals)
        name, lo, hi = limits[depth]
        saved = env.get(name)
        total = mpmath.mpf(0 if is_sum else 1)
        for k in range(int(lo(env, vals)), int(hi(env, vals)) + 1):
            env[name] = k
            if is_sum:
                total += loop(env, vals, depth + 1)
            else:
                total *= loop(env, vals, depth + 1)
        if saved is None:
            env.pop(name, None)
        else:
            env[name] = saved
        return total

    return lambda env, vals: loop(env, vals, 0)


def _finite_real(v: Any) -> bool:
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > abs(v.real) * mpmath.mpf(10) ** -_RTOL_DIGITS and v.imag != 0:
            return False
        v = v.real
    return bool(mpmath.isfinite(v))


def _equal(a: Any, b: Any) -> bool:
    scale = max(mpmath.mpf(1), abs(a), abs(b))
    return abs(a - b) <= scale * mpmath.mpf(10) ** -_RTOL_DIGITS


# ---------------------------------------------------------------- numeric search


@dataclass
class _Point:
    """One concrete instance: sizes, input values (exact rationals) and every defined name's values."""

    sizes: dict[str, int]
    inputs: dict[str, Any]  # name -> Fraction or {index tuple: Fraction}
    vals: Values  # also holds the point's abstract functions under _ABSTRACT
    style: str


@dataclass
class _Sample:
    point: _Point
    env: Env
    claim: Any
    truth: Any


class _Space:
    """Where the search looks: the sizes, the inputs and their shapes, the definitions in order."""

    def __init__(self, problem: _Problem, exprs: Sequence[sp.Expr]):
        self.problem = problem
        defs = [d for d in problem.definitions if d.name != name_of(problem.var)]
        self.definitions = [(d, _compile(d.rhs)) for d in defs]
        defined = {d.name for d in defs}
        everything = [d.rhs for d in defs] + [d.lhs for d in defs] + list(exprs) + [problem.var, problem.of]
        everything += [c.lhs for c in problem.constraints]
        self.sizes = sorted({str(s) for e in everything for s in e.free_symbols
                             if isinstance(s, sp.Symbol) and _is_size(s)}
                            | {str(s) for e in everything for b in e.atoms(sp.IndexedBase) for dim in (b.shape or ())
                               for s in dim.free_symbols})
        self.inputs: dict[str, tuple[sp.Expr, ...]] = {}
        arrays = {str(b.label) for e in everything for b in e.atoms(sp.IndexedBase)}
        both = arrays & {str(s) for e in everything for s in _bare_symbols(e)}
        if both:
            name = min(both)
            raise VerifyError(f"{name} is used both as a scalar and as an array: declare its shape with --given "
                              f"(e.g. '{name} \\in \\mathbb{{R}}^{{n}}') before it is used")
        for e in everything:
            for t in _tensors_in(e):
                name = name_of(t)
                if name in defined or name in self.inputs:
                    continue
                self.inputs[name] = self._shape(t, everything)
        self.constraint_axes = [c for c in (_constraint_axis(c) for c in problem.constraints) if c is not None]
        self.unsupported = [c for c in problem.constraints if _constraint_axis(c) is None]
        self.made = 0  # points made so far: each gets its own abstract functions

    @staticmethod
    def _shape(t: sp.Basic, exprs: Sequence[sp.Expr]) -> tuple[sp.Expr, ...]:
        if not isinstance(t, sp.IndexedBase):
            return ()
        if t.shape:
            return tuple(t.shape)
        for e in exprs:
            for ix in e.atoms(sp.Indexed):
                if ix.base.label == t.label and all(isinstance(i, sp.Idx) and i.upper is not None for i in ix.indices):
                    return tuple(i.upper for i in ix.indices)
        raise VerifyError(f"the shape of {t} is not known: declare it, e.g. --given '{t} \\in \\mathbb{{R}}^{{n}}'")

    def size_plans(self) -> list[dict[str, int]]:
        if not self.sizes:
            return [{}]
        if len(self.sizes) == 1:
            return [{self.sizes[0]: n} for n in _SIZES]
        combos = [tuple(n for _ in self.sizes) for n in (1, 2, 3)]
        rng = random.Random(len(self.sizes))
        combos += [tuple(rng.choice((1, 2, 3, 4)) for _ in self.sizes) for _ in range(3)]
        return [dict(zip(self.sizes, c)) for c in sorted(set(combos), key=lambda c: (sum(c), c))]

    def point(self, sizes: dict[str, int], style: str, rng: random.Random) -> _Point | None:
        env: Env = dict(sizes)
        inputs: dict[str, Any] = {}
        for name, shape in self.inputs.items():
            dims = [_as_int(d, env) for d in shape]
            if dims:
                inputs[name] = {ix: _draw(style, rng) for ix in itertools.product(*(range(1, n + 1) for n in dims))}
            else:
                inputs[name] = _draw(style, rng)
        for name, axis, target in self.constraint_axes:
            if name in inputs:
                _impose(inputs[name], axis, target)
        vals: Values = {k: _mp(v) for k, v in inputs.items()}
        self.made += 1
        vals[_ABSTRACT] = _Uninterpreted(f"{sorted(sizes.items())} {style} {self.made}", style)
        try:
            for d, fn in self.definitions:
                if d.indices:
                    ranges = [range(_as_int(i.lower, env), _as_int(i.upper, env) + 1) for i in d.indices]
                    table = {}
                    names = [str(i.label) for i in d.indices]
                    for ix in itertools.product(*ranges):
                        table[ix] = fn({**env, **dict(zip(names, ix))}, vals)
                    vals[d.name] = table
                else:
                    vals[d.name] = fn(dict(env), vals)
                values = vals[d.name].values() if d.indices else (vals[d.name],)
                if not all(map(_finite_real, values)):  # off the real domain: arccosh z for z < 1 is complex
                    return None
        except (ZeroDivisionError, ValueError, OverflowError, TypeError):
            return None
        except KeyError as e:  # e.g. a letter n used as a number beside a sum over n (found by fuzzing)
            raise VerifyError(f"{e.args[0]} has no value: it is used as a number but is neither given nor defined") \
                from None
        return _Point(sizes, inputs, vals, style)


def _bare_symbols(e: sp.Basic) -> set[sp.Symbol]:
    """Symbols of ``e`` outside any Indexed (so not the labels of arrays)."""
    if isinstance(e, sp.Indexed):
        return set().union(*(_bare_symbols(i) for i in e.indices))
    if isinstance(e, sp.IndexedBase):  # a whole tensor, as an abstract function's argument
        return set()
    if isinstance(e, sp.Symbol) and not isinstance(e, sp.Idx):
        return {e}
    return set().union(*(_bare_symbols(a) for a in e.args)) if e.args else set()


def _as_int(e: sp.Expr, env: Env) -> int:
    return int(sp.sympify(e).xreplace({s: env[str(s)] for s in sp.sympify(e).free_symbols}))


def _constraint_axis(c: Constraint) -> tuple[str, int, Fraction] | None:
    """``Sum(y[n, k], k) = 1`` as (tensor y, axis 1, total 1): a constraint the search can impose by scaling."""
    if not (isinstance(c.lhs, sp.Sum) and len(c.lhs.limits) == 1 and isinstance(c.lhs.function, sp.Indexed)):
        return None
    if not c.rhs.is_Rational:
        return None
    var = str(c.lhs.limits[0][0])
    positions = [n for n, i in enumerate(c.lhs.function.indices) if str(i) == var]
    if len(positions) != 1:
        return None
    return str(c.lhs.function.base.label), positions[0], Fraction(int(c.rhs.p), int(c.rhs.q))


def _impose(table: dict[tuple[int, ...], Fraction], axis: int, total: Fraction) -> None:
    """Scale each slice along ``axis`` so it sums to ``total`` (uniform when it sums to 0)."""
    groups: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for ix in table:
        groups.setdefault(ix[:axis] + ix[axis + 1:], []).append(ix)
    for members in groups.values():
        s = sum(table[ix] for ix in members)
        for ix in members:
            table[ix] = table[ix] * total / s if s != 0 else total / len(members)


_STYLES = ("zeros", "ones", "simple", "simple", "unit", "unit", "positive", "random", "random", "random")


def _draw(style: str, rng: random.Random) -> Fraction:
    if style == "zeros":
        return Fraction(0)
    if style == "ones":
        return Fraction(1)
    if style == "simple":
        return Fraction(rng.choice((0, 1, -1, 2)))
    if style == "unit":
        return Fraction(rng.randint(1, 9), 10)
    if style == "positive":
        return Fraction(rng.randint(1, 20), rng.choice((1, 2, 3, 4, 5)))
    return Fraction(rng.randint(-30, 30), rng.choice((7, 11, 13)))


def _mp(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _mp(x) for k, x in v.items()}
    return mpmath.mpf(v.numerator) / v.denominator


class _Search:
    """The points of one problem, made once and shared by every member of the chain."""

    def __init__(self, problem: _Problem, truth: sp.Expr, members: Sequence[sp.Expr],
                 constraints: Sequence[Constraint] | None = None):
        if constraints is not None:
            problem = _Problem(problem.definitions, problem.of, problem.var, tuple(constraints), problem.assumptions)
        self.problem = problem
        self.truth_expr, self.members = truth, list(members)
        self.space = _Space(problem, [truth, *members])
        self.truth = _compile(truth)
        self.free = _free_indices(truth)
        for m in members:
            self.free.update({k: v for k, v in _free_indices(m).items() if k not in self.free})
        for node in (problem.of, problem.var):
            self.free.update({k: v for k, v in _free_indices(node).items() if k not in self.free})
        self.conditions = [_compile(a) for a in problem.assumptions]
        self.points: list[tuple[_Point, list[Env]]] = []
        rng = random.Random(20240601)
        plans = self.space.size_plans()
        extra = max(0, 40 - len(plans) * len(_STYLES)) // len(plans)  # at least ~40 points in all
        styles = _STYLES + tuple(_STYLES[2 + n % (len(_STYLES) - 2)] for n in range(extra))
        for sizes in plans:
            for style in styles:
                point = self.space.point(sizes, style, rng)
                if point is None:
                    continue
                assignments = self._assignments(point, rng)
                if assignments:
                    self.points.append((point, assignments))
        self._truth_cache: dict[tuple[int, int], Any] = {}

    def _assignments(self, point: _Point, rng: random.Random) -> list[Env]:
        env: Env = dict(point.sizes)
        names = sorted(self.free)
        ranges = []
        for name in names:
            idx = self.free[name]
            if not isinstance(idx, sp.Idx) or idx.upper is None:
                raise VerifyError(f"the range of index {name} is not known: declare it, e.g. --given '{name} \\in \\{{1, \\dots, n\\}}'")
            ranges.append(range(_as_int(idx.lower, env), _as_int(idx.upper, env) + 1))
        out = []
        for values in itertools.product(*ranges):
            e = {**env, **dict(zip(names, values))}
            if all(cond(e, point.vals) for cond in self.conditions):
                out.append(e)
        if len(out) > _MAX_ASSIGNMENTS:
            diagonal = [e for e in out if len({e[n] for n in names}) < len(names)]
            rest = [e for e in out if e not in diagonal]
            half = _MAX_ASSIGNMENTS // 2
            out = rng.sample(diagonal, min(half, len(diagonal))) if diagonal else []
            out += rng.sample(rest, min(_MAX_ASSIGNMENTS - len(out), len(rest)))
        return out

    def samples(self, member: sp.Expr | Fn, truth: Fn | None = None) -> Iterator[_Sample]:
        """Member and derivative at every valid point, smallest sizes and simplest values first."""
        claim = member if callable(member) else _compile(member)
        for p, (point, assignments) in enumerate(self.points):
            for a, env in enumerate(assignments):
                try:
                    if truth is None:
                        key = (p, a)
                        if key not in self._truth_cache:
                            self._truth_cache[key] = self.truth(dict(env), point.vals)
                        t = self._truth_cache[key]
                    else:
                        t = truth(dict(env), point.vals)
                    c = claim(dict(env), point.vals)
                except (ZeroDivisionError, ValueError, OverflowError, KeyError, TypeError):
                    continue
                if _finite_real(t) and _finite_real(c):
                    yield _Sample(point, env, c, t)


def _first_difference(samples: Sequence[_Sample], claim: Fn, truth: Fn) -> _Sample | None:
    """The first sample where claim and derivative differ, confirmed at three times the precision.

    A claim that cancels huge terms (sum of e^{5a} minus (sum e^a)^5) loses digits at the working
    precision; a true difference survives more digits, a rounding artefact does not.
    """
    for s in samples:
        if _equal(s.claim, s.truth):
            continue
        with mpmath.workdps(3 * _DPS):
            try:
                c, t = claim(dict(s.env), s.point.vals), truth(dict(s.env), s.point.vals)
            except (ZeroDivisionError, ValueError, OverflowError, KeyError, TypeError):
                return s
        if not _equal(c, t):
            return s
    return None


# ---------------------------------------------------------------- diagnosis


def _diagnose(member: Fn, samples: list[_Sample], search: _Search) -> tuple[str, str]:
    """The kind of slip of a wrong member, with a sentence saying it."""
    if all(_equal(s.claim, -s.truth) for s in samples):
        return "sign", "The claim is −1 × the derivative (a sign slip)."
    factor = _factor(samples)
    if factor is not None:
        missing = f" (a factor {sp.sstr(1 / factor)} is missing)" if factor.free_symbols else ""
        return "factor", f"The claim is {sp.sstr(factor)} × the derivative{missing}."
    for a, b in _index_pairs(search):
        if all(_equal(s.claim, search.truth(_swap(s.env, a, b), s.point.vals)) for s in samples):
            return "indices", f"The indices {a} and {b} are swapped: the claim is the derivative with {a} ↔ {b}."
        same = [s for s in samples if s.env[a] == s.env[b]]
        apart = [s for s in samples if s.env[a] != s.env[b]]
        if same and apart:
            if all(_equal(s.claim, s.truth) for s in same):
                return "case", f"The claim holds only when {a} = {b}; for {a} ≠ {b} it is wrong."
            if all(_equal(s.claim, s.truth) for s in apart):
                return "case", f"The claim holds only when {a} ≠ {b}; for {a} = {b} it is wrong."
    missing = _missing_constraint(member, search)
    if missing is not None:
        return "case", f"The claim holds only if {missing}; it was not given (add it with --given)."
    return "other", "The claim differs from the derivative (not by a sign, a factor, swapped indices or a case)."


def _derivative_indices(of: Node, var: Node) -> tuple[sp.Idx, ...]:
    """The derivative's array axes: those of ``of``, then those of ``var`` (as ``Result.free_indices``)."""
    return tuple(of.indices if isinstance(of, sp.Indexed) else ()) + tuple(
        var.indices if isinstance(var, sp.Indexed) else ())


def _orientations(expr: sp.Expr, array: tuple[sp.Idx, ...], free: tuple[sp.Idx, ...]) -> list[tuple[sp.Expr, bool]]:
    """A matrix-notation member with its axes laid onto the derivative's: in order first, then every
    other order the extents allow; each with whether it is transposed. Index notation: as written."""
    if len(array) == 2 and array[0] is None and len(free) == 1:  # a row vector (1 x n) for a column gradient
        (column, _), *_ = _orientations(expr, (array[1],), free)
        return [(column, True)]
    array = tuple(a for a in array if a is not None)
    if not array or len(array) != len(free):
        return [(expr, False)]
    out = []
    for perm in itertools.permutations(range(len(free))):
        target = [free[p] for p in perm]
        if any(a.upper != t.upper for a, t in zip(array, target)):
            continue
        mapping = {a: t for a, t in zip(array, target) if a != t}
        moved = _rename_bound(expr, {str(i) for i in (*array, *free)}).xreplace(mapping) if mapping else expr
        out.append((moved, list(perm) != sorted(perm)))
    return out or [(expr, False)]


def _swap(env: Env, a: str, b: str) -> Env:
    out = dict(env)
    out[a], out[b] = env[b], env[a]
    return out


def _index_pairs(search: _Search) -> list[tuple[str, str]]:
    """Pairs of free indices over the same range that the assumptions leave apart."""
    tied = {frozenset(map(str, a.args)) for a in search.problem.assumptions if isinstance(a, (sp.Eq, sp.Ne))}
    names = sorted(search.free)
    out = []
    for a, b in itertools.combinations(names, 2):
        ia, ib = search.free[a], search.free[b]
        if getattr(ia, "upper", None) == getattr(ib, "upper", None) and frozenset((a, b)) not in tied:
            out.append((a, b))
    return out


def _factor(samples: Sequence[_Sample]) -> sp.Expr | None:
    """c with claim = c × truth at every sample: a rational constant or a rational times a power of a size."""
    ratios: list[tuple[dict[str, int], Any]] = []
    for s in samples:
        if _equal(s.truth, 0):
            if not _equal(s.claim, 0):
                return None
            continue
        ratios.append((s.point.sizes, s.claim / s.truth))
    if not ratios:
        return None
    names = sorted(ratios[0][0])
    candidates: list[tuple[sp.Expr, Callable[[dict[str, int]], int | Fraction]]] = [(sp.Integer(1), lambda z: 1)]
    for name in names:
        for power in (1, -1, 2, -2):
            candidates.append((sp.Symbol(name) ** power, lambda z, n=name, k=power: Fraction(z[n]) ** k))
    if len(names) > 1:
        for power in (1, -1):
            candidates.append((sp.Mul(*map(sp.Symbol, names)) ** power,
                               lambda z, k=power: Fraction(math.prod(z.values())) ** k))
    for expr, value in candidates:
        q = [r / _mp(Fraction(value(z))) for z, r in ratios]
        if all(_equal(x, q[0]) for x in q):
            c = _rational(q[0])
            if c is not None and c not in (1, -1, 0):
                return sp.Rational(c.numerator, c.denominator) * expr
            if c is not None and expr != 1 and c != 0:
                return sp.Rational(c.numerator, c.denominator) * expr
    return None


def _rational(v: Any, max_den: int = 1000) -> Fraction | None:
    if isinstance(v, mpmath.mpc):
        v = v.real
    if not mpmath.isfinite(v) or abs(v) > mpmath.mpf(10) ** 30:
        return None  # printed in fixed point it would have millions of digits (e^{e^{e^{a}}} in a fuzzed claim)
    f = Fraction(str(mpmath.nstr(v, _DPS - 5, strip_zeros=False, min_fixed=-math.inf, max_fixed=math.inf)))
    f = f.limit_denominator(max_den)
    return f if _equal(_mp(f), v) else None


def _missing_constraint(member: Fn, search: _Search) -> str | None:
    """``\\sum_k y_k = 1`` when imposing it on an input makes the claim agree everywhere."""
    given = {(n, a) for n, a, _ in search.space.constraint_axes}
    for name, shape in search.space.inputs.items():
        if not shape:
            continue
        axis = len(shape) - 1
        if (name, axis) in given:
            continue
        k = sp.Idx(sp.Symbol("k", integer=True), (1, shape[axis]))
        others = [sp.Idx(sp.Symbol(f"i{n}", integer=True), (1, d)) for n, d in enumerate(shape[:-1])]
        base = sp.IndexedBase(name, shape=shape)
        c = Constraint(sp.Sum(base[(*others, k)], (k, 1, shape[axis])), sp.Integer(1))
        trial = _Search(search.problem, search.truth_expr, search.members, [*search.problem.constraints, c])
        samples = list(trial.samples(member))
        if samples and all(_equal(s.claim, s.truth) for s in samples):
            k_name = "k"
            sub = ",".join([*(str(o) for o in others), k_name])
            return f"\\sum_{{{k_name}}} {name}_{{{sub}}} = 1"
    return None


# ---------------------------------------------------------------- presentation


def _latex(e: sp.Expr) -> str:
    try:
        from .latex import to_latex
    except ImportError:
        return sp.latex(e)
    return to_latex(e)


def _text(e: sp.Expr) -> str:
    try:
        from .latex import to_text
    except ImportError:
        return sp.sstr(e)
    return to_text(e)


def _show(v: Any) -> str:
    """A value as a person would write it: an exact fraction when it is one, else 10 significant digits."""
    if isinstance(v, Fraction):
        return str(v)
    f = _rational(v, max_den=10**6)
    if f is not None:
        return str(f)
    if isinstance(v, mpmath.mpc):
        v = v.real
    return mpmath.nstr(v, 10)


def _subscript(name: str, ix: tuple[int, ...]) -> str:
    return f"{name}_{ix[0]}" if len(ix) == 1 else f"{name}_{{{','.join(map(str, ix))}}}"


def _counterexample(s: _Sample, search: _Search, member: sp.Expr) -> dict[str, Any]:
    free = sorted(search.free)
    exprs = [member, *search.members, search.truth_expr, *(d.rhs for d, _ in search.space.definitions),
             *(c.lhs for c in search.problem.constraints)]
    shown = set().union(*(_outside_abstract(e) for e in exprs))  # the rest only feed abstract functions
    values: dict[str, str] = {}
    for name, v in s.point.inputs.items():
        if name not in shown:
            continue
        if isinstance(v, dict):
            for ix, x in sorted(v.items()):
                values[_subscript(name, ix)] = _show(x)
        else:
            values[name] = _show(v)
    names: dict[str, str] = {}
    defined = {d.name for d, _ in search.space.definitions}
    for t in _tensors_in(member):
        n = name_of(t)
        if n in defined:
            table = s.point.vals[n]
            if isinstance(table, dict):
                for ix, x in sorted(table.items()):
                    names[_subscript(n, ix)] = _show(x)
            else:
                names[n] = _show(table)
    oracle = s.point.vals[_ABSTRACT]
    oracle.seen = {}
    try:  # again, recording the abstract values this sample used
        _compile(member)(dict(s.env), s.point.vals)
        search.truth(dict(s.env), s.point.vals)
        functions = {label: _show(v) for label, v in oracle.seen.items()}
    finally:
        oracle.seen = None
    return {
        "sizes": dict(s.point.sizes),
        "indices": {n: s.env[n] for n in free},
        "values": values,
        "names": names,
        "functions": functions,
        "claim": _show(s.claim),
        "derivative": _show(s.truth),
    }


def _derivative_text(of: Node, var: Node) -> str:
    return f"∂{_text(of)}/∂{_text(var)}"


def _case_text(assumptions: Sequence[sp.Basic]) -> str:
    words = []
    for a in assumptions:
        op = {sp.Eq: "=", sp.Ne: "≠"}.get(type(a))
        words.append(f"{_text(a.lhs)} {op} {_text(a.rhs)}" if op else _text(a))
    return " and ".join(words)


# ---------------------------------------------------------------- judging


def judge(members: Sequence[tuple[str, sp.Expr] | tuple[str, sp.Expr, Sequence[sp.Idx]]], of: Node, var: Node, definitions: Sequence[Definition] = (),
          constraints: Sequence[Constraint] = (), assumptions: Sequence[sp.Basic] = (),
          timeout: float = 3.0) -> Verdict:
    """Judge the members of a claimed chain against ``d of / d var`` (SymPy in, Verdict out).

    ``members`` are ``(latex, expr)`` pairs in the order written, or ``(latex, expr, axes)`` for a
    member written in matrix notation (its free indices in array order, ``(None, i)`` for a row
    vector): a transpose of the derivative is then a layout difference, not a mistake. A member that is an unevaluated
    ``sympy.Derivative`` is a derivative written out (``\\frac{\\partial p_i}{\\partial a_j}``): it is
    the derivative itself when it differentiates ``of``, else its value is checked like any member.
    """
    problem = _Problem(tuple(definitions), of, var, tuple(constraints), tuple(assumptions))
    with mpmath.workdps(_DPS):
        return _judge(members, problem, timeout)


def _judge(members: Sequence[tuple[Any, ...]], problem: _Problem, timeout: float) -> Verdict:
    of, var = problem.of, problem.var
    truth, note = _truth(problem, timeout if timeout > 0 else None)  # a zero budget skips only the proof
    notes = [note] if note else []
    free = _derivative_indices(of, var)
    checked: list[tuple[str, list[tuple[sp.Expr, bool]]]] = []
    for latex, expr, *array in members:
        if isinstance(expr, sp.Derivative):
            if expr.expr == of and tuple(expr.variables) == (var,):
                continue
            expr = _differentiate(expr.expr, expr.variables[0], problem)
        expr = _evaluate_derivatives(expr, problem)
        checked.append((latex, _orientations(expr, tuple(array[0]) if array else (), free)))
    if not checked:
        raise VerifyError("the claim has nothing to check: write the derivative's value after '='")
    search = _Search(problem, truth, [e for _, orients in checked for e, _ in orients])
    if not search.points:
        raise VerifyError("no valid point to evaluate the claim at (every point divides by zero or leaves the domain)")
    deadline = time.monotonic() + timeout
    # the numeric search gets its own budget: past it, the points evaluated so far decide (at least 3)
    search_deadline = time.monotonic() + 2 * timeout + 2
    links: list[Link] = []
    wrong: tuple[Link, str, str] | None = None
    transposed = False
    for latex, orients in checked:
        expr, flipped = orients[0]
        fn = _compile(expr)
        samples = _within(search.samples(fn), search_deadline)
        if len(samples) < sum(len(a) for _, a in search.points) and time.monotonic() > search_deadline:
            note = f"the numeric search stopped at its time budget ({2 * timeout + 2:g} s) after {len(samples)} points"
            if note not in notes:
                notes.append(note)
        if not samples:
            raise VerifyError(f"the claim {latex} could not be evaluated at any point")
        bad = _first_difference(samples, fn, search.truth)
        for other, other_flipped in orients[1:] if bad is not None else ():
            other_fn = _compile(other)
            other_samples = list(search.samples(other_fn))
            if other_samples and _first_difference(other_samples, other_fn, search.truth) is None:
                expr, flipped, samples, bad = other, other_flipped, other_samples, None
                break
        if bad is not None:
            link = Link(latex, "wrong", expr, _counterexample(bad, search, expr), len(samples))
            if wrong is None:
                diagnosis, why = _diagnose(fn, samples, search)
                wrong = (link, diagnosis, why)
            links.append(link)
            continue
        transposed |= flipped
        how = None
        try:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Timeout()
            how = _prove(expr, truth, problem, left)
        except _Timeout:
            note = f"the symbolic proof ran out of time ({timeout:g} s): the verdict rests on the numeric search"
            if note not in notes:
                notes.append(note)
        links.append(Link(latex, "proved" if how else "agrees", expr, None, len(samples)))
    if transposed and wrong is None:
        notes.append("the claim is the transpose of the derivative: the other layout convention, not a mistake")
    return _summarise(problem, truth, links, wrong, notes, search, transposed)


def _within(samples: Iterator[_Sample], deadline: float, least: int = 3) -> list[_Sample]:
    """The samples drawn before ``deadline`` (but at least ``least``, when there are that many)."""
    out = []
    for s in samples:
        out.append(s)
        if len(out) >= least and time.monotonic() > deadline:
            break
    return out


def _summarise(problem: _Problem, truth: sp.Expr, links: list[Link], wrong: tuple[Link, str, str] | None,
               notes: list[str], search: _Search, layout: bool) -> Verdict:
    general = _text(truth)
    in_case = _apply_assumptions(truth, problem.assumptions)
    correct = _latex(in_case)
    head = _derivative_text(problem.of, problem.var)
    case = _case_text(problem.assumptions)
    when = f" when {case}" if case else ""
    also = f"   ({general} in general)" if case and in_case != truth else ""
    if search.space.unsupported:
        notes.append("constraints not imposed in the numeric search: "
                     + "; ".join(_text(sp.Eq(c.lhs, c.rhs, evaluate=False)) for c in search.space.unsupported))
    tail = "".join(f" Note: {n}." for n in notes)
    if wrong is not None:
        link, diagnosis, why = wrong
        where = f" Link {links.index(link) + 1} ({link.latex}) breaks." if len(links) > 1 else ""
        return Verdict("wrong", links, diagnosis, correct, link.counterexample,
                       f"{diagnosis}. {why}{where}{tail}", head)
    shown = links[-1].expr
    if all(link.verdict == "proved" for link in links):
        return Verdict("proved", links, "layout" if layout else None, correct, None,
                       f"{head} = {_text(shown)}{when}{also}{tail}", head)
    points = min(link.points for link in links)
    return Verdict("agrees", links, "layout" if layout else None, correct, None,
                   f"{head} = {_text(shown)}{when} agrees with the derivative at {points} points "
                   f"(not proved){also}{tail}", head)


def verify(claim: str, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0) -> Verdict:
    """Judge a hand derivation written in LaTeX (see the module docstring for the verdicts).

    ``claim`` may be a chain ``A = B = C``; ``of`` names the derivative (``\\frac{\\partial p_i}{\\partial a_j}``)
    when the claim does not start with it; ``define`` are equations naming things (``p_i = ...``),
    ``given`` shapes, ranges and constraints, ``assume`` a case (``i = j``). Never raises for bad input:
    an unreadable input gives the verdict "unreadable" with the column and the reason.
    """
    from . import parse

    ctx = parse.Context()
    try:
        source = "--given"  # shapes first: they decide how the definitions read
        for text in given:
            parse.parse_given(text, ctx)
        source = "--define"
        for text in define:
            parse.parse_definition(text, ctx)
        source = "--assume"
        assumptions = [parse.parse_assumption(text, ctx) for text in assume]
        source = "--of"
        derivative = parse.parse_derivative(of, ctx) if of else None
        source = "--claim"
        members = [(m.text, m.value, m.indices) for m in parse.parse_claim(claim, ctx)]
        # parse_claim names an array member's axes after the derivative, in order; read it again alone
        # to keep its own axes, so that a transposed claim shows as a layout difference
        members = [(text, *_own_axes(text, ctx, parse)) if array and not _is_derivative(value)
                   else (text, value, array) for text, value, array in members]
        source = ""
        if derivative is None:
            derivative = _derivative_in(members, ctx)
        of_node, var = derivative
        if isinstance(of_node, sp.Basic) and of_node.atoms(sp.Derivative):
            raise VerifyError("a derivative of an expression that holds a derivative (a higher derivative) is not "
                              "supported: claim one first derivative at a time")
        definitions = list(ctx.definitions.values())
        if not isinstance(of_node, (sp.Indexed, sp.Symbol)) or name_of(of_node) not in ctx.definitions:
            of_node, extra = _named(of_node, definitions)
            definitions += extra
        marked = [(text, _marker(value), array) for text, value, array in members]
        return judge(marked, of_node, var, definitions, ctx.constraints, assumptions, timeout)
    except ParseError as e:
        where = f" (in {source})" if source else ""
        return Verdict("unreadable", message=f"{e}{where}", column=e.column)
    except SymgradError as e:
        return Verdict("unreadable", message=str(e))


def _is_derivative(value: Any) -> bool:
    return hasattr(value, "of") and hasattr(value, "var")


def _own_axes(text: str, ctx: Any, parse: Any) -> tuple[sp.Expr, tuple[sp.Idx | None, ...]]:
    """A member read alone: its value and its own axes (``(None, i)`` for a row vector when parse says so)."""
    (alone,) = parse.parse_claim(text, ctx)
    return alone.value, tuple(getattr(alone, "axes", alone.indices))


def _marker(value: Any) -> sp.Expr:
    """A parsed member as ``judge`` takes it: a written-out derivative becomes an unevaluated Derivative."""
    if _is_derivative(value):
        return sp.Derivative(value.of, value.var)
    return value


def _derivative_in(members: Sequence[tuple[str, Any, Any]], ctx: Any) -> tuple[sp.Expr, Node]:
    """The first derivative written in the chain: what the other members claim to equal."""
    for _, value, _ in members:
        if _is_derivative(value):
            return value.of, value.var
    raise VerifyError("the claim names no derivative: start it with \\frac{\\partial ...}{\\partial ...} = ... "
                      "or give --of")


def _named(expr: sp.Expr, definitions: Sequence[Definition]) -> tuple[Node, list[Definition]]:
    """A node standing for an inline expression: the definition it spells out, else a new one named ``f``."""
    free = list(_free_indices(expr).values())
    for d in definitions:
        if len(d.indices) == len(free) and _is_zero(d.at(*free) - expr if d.indices else d.rhs - expr):
            return (d.lhs.base[tuple(free)] if d.indices else d.lhs), []
        if isinstance(expr, sp.Symbol) and d.name == str(expr):
            return d.lhs, []
    if not free:
        node = sp.Symbol("f")
        return node, [Definition(node, expr)]
    base = sp.IndexedBase("f", shape=tuple(i.upper for i in free))
    return base[tuple(free)], [Definition(base[tuple(free)], expr)]


# ---------------------------------------------------------------- command line


def add_cli(subparsers: Any) -> None:
    """Register ``symgrad verify`` on the ``symgrad`` command line."""
    p = subparsers.add_parser(
        "verify", help="judge a hand derivation written in LaTeX: proved, agrees, wrong or unreadable",
        description="Judge a claimed derivative. Exit code 0 proved/agrees, 1 wrong, 2 unreadable. "
                    "A LaTeX value starting with '-' needs the '=' form: --claim='-p_j p_i'.")
    p.add_argument("--claim", required=True, metavar="LATEX", help="the claim, possibly a chain A = B = C")
    p.add_argument("--of", metavar="LATEX", help="the derivative claimed, e.g. '\\frac{\\partial L}{\\partial w}'")
    p.add_argument("--define", action="append", default=[], metavar="LATEX", help="a definition, e.g. 'L = ...'")
    p.add_argument("--given", action="append", default=[], metavar="LATEX",
                   help="a shape, index range or constraint, e.g. '\\sum_k y_k = 1'")
    p.add_argument("--assume", action="append", default=[], metavar="LATEX", help="a case, e.g. 'i = j'")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--timeout", type=float, default=3.0, metavar="SECONDS",
                   help="time budget of the symbolic proof (default 3)")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    """Run ``symgrad verify``: print the verdict; exit 0 proved/agrees, 1 wrong, 2 unreadable."""
    verdict = verify(args.claim, of=args.of, define=args.define, given=args.given, assume=args.assume,
                     timeout=args.timeout)
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:  # unreadable input is an error: its one line goes to stderr, like every other CLI error
        print(verdict, file=sys.stderr if verdict.verdict == "unreadable" else sys.stdout)
    return verdict.exit_code
