"""Judging each member of a claimed chain against the derivative: numeric search first (a difference is a
counterexample), then proof; the verdict summarised."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import mpmath
import sympy as sp

from ..rules.deadline import now
from ..tensors import Constraint, Definition, Node, name_of
from .conventions import CONVENTIONS, by_another_form, conventions, layout_note, with_truth
from .counterexample import _counterexample
from .diagnosis import _diagnose
from .evaluation import _DPS, Fn, _compile, _equal
from .identities import set_aside
from .printing import _case_text, _derivative_text, _latex, _text
from .problem import _inline, _Problem, _rename_bound
from .proof import _apply_assumptions, _prove, _size_where_it_differs, _Timeout
from .search import _first_difference, _Sample, _Search, _Tally
from .selfcheck import check_truth
from .stationarity import set_to_zero
from .truth import _differentiate, _evaluate_derivatives, _truth
from .verdict import Link, Verdict, VerifyError, describe_point


def _derivative_indices(of: Node, var: Node) -> tuple[sp.Idx, ...]:
    """The derivative's array axes: those of ``of``, then those of ``var`` (as ``Result.free_indices``)."""
    return tuple(of.indices if isinstance(of, sp.Indexed) else ()) + tuple(
        var.indices if isinstance(var, sp.Indexed) else ())


def _orientations(expr: sp.Expr, array: tuple[sp.Idx, ...], free: tuple[sp.Idx, ...]) -> list[tuple[sp.Expr, bool]]:
    """A matrix-notation member with its axes laid onto the derivative's: in order first, then every
    other order the extents allow; each with whether it is transposed. Index notation: as written. A member
    with fewer axes than ``free`` (``1(1 - w^T x_i > 0) x_i`` for dL_i/dw) has them laid onto the last free
    indices it does not already contain (i is written; the vector's axis is w's)."""
    axes = [a for a in array if a is not None]
    if axes and len(axes) < len(free):
        written = expr.free_symbols - set(axes)
        rest = tuple(f for f in free if f not in written)
        free = rest[len(rest) - len(axes):] if len(rest) >= len(axes) else free
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


def judge(members: Sequence[tuple[str, sp.Expr] | tuple[str, sp.Expr, Sequence[sp.Idx]]], of: Node, var: Node, definitions: Sequence[Definition] = (),
          constraints: Sequence[Constraint] = (), assumptions: Sequence[sp.Basic] = (),
          timeout: float = 3.0, convention: str | None = None, domains: Mapping[str, sp.Set] | None = None
          ) -> Verdict:
    """Judge the members of a claimed chain against ``d of / d var`` (SymPy in, Verdict out).

    ``members`` are ``(latex, expr)`` pairs in the order written, or ``(latex, expr, axes)`` for a
    member written in matrix notation (its free indices in array order, ``(None, i)`` for a row
    vector): a transpose of the derivative is then a layout difference, not a mistake. A member that is an unevaluated
    ``sympy.Derivative`` is a derivative written out (``\\frac{\\partial p_i}{\\partial a_j}``): it is
    the derivative itself when it differentiates ``of``, else its value is checked like any member.

    By a matrix declared symmetric (``linalg.Symmetric``) there are two gradients: the unconstrained ``G`` (every
    entry independent, what autodiff gives) and ``G + G^T - diag G`` (``X_ij`` and ``X_ji`` one parameter).
    ``convention`` (``"unconstrained"`` or ``"symmetric"``) says which one a claim must be; without it a claim may
    be either and the verdict names the one it is. The verdict always names the convention it judged by.

    ``domains`` (an input's name to a SymPy set: ``\\epsilon > 0`` is ``{"epsilon": Interval.open(0, oo)}``) keeps the
    numeric search inside what was declared: a claim is judged only where its inputs can be.
    """
    if convention not in CONVENTIONS:
        raise VerifyError(f"unknown gradient convention {convention!r}; choose one of: "
                          f"{', '.join(c for c in CONVENTIONS if c)}")
    constraints, held = set_aside(constraints)  # sigma'(x) = sigma(x)(1 - sigma(x)) spelled out: no restriction
    problem = _Problem(tuple(definitions), of, var, tuple(constraints), tuple(assumptions))
    timeout = max(timeout, 0.0)  # a negative budget is no budget
    with mpmath.workdps(_DPS):
        return _judge(members, problem, timeout, convention, domains, held)


# "agrees" needs at least this many points where the claim and the derivative are both defined
_MIN_COMPARED = 8


def _judge(members: Sequence[tuple[Any, ...]], problem: _Problem, timeout: float, convention: str | None,
           domains: Mapping[str, sp.Set] | None, held: Sequence[str] = ()) -> Verdict:
    truth, note = _truth(problem, timeout if timeout > 0 else None)  # a zero budget skips only the proof
    notes = [note, *held] if note else list(held)
    checked = _prepared(members, problem, notes)
    search = _Search(problem, truth, [e for _, orients in checked for e, _ in orients], domains=domains)
    if not search.points:
        raise VerifyError("no valid point to evaluate the claim at (every point divides by zero or leaves the domain)")
    check_truth(search)  # the derivative itself against the definitions, before it judges anything
    forms = conventions(problem, truth, convention)
    if forms:
        notes.append(forms[0].judged_by)
        truth = forms[0].expr
        search = with_truth(search, truth)
    # the proof and the numeric search each get a budget: past the search's, the points evaluated so far decide
    budget = _Budget(now() + timeout, now() + 2 * timeout + 2, timeout)
    links: list[Link] = []
    wrong: tuple[Link, str, str] | None = None
    transposed = False
    accepted: list[str] = []  # members right in the other convention

    def other_form(link: Link) -> tuple[Link, tuple[str, str] | None] | None:
        found = by_another_form(link, forms, search, budget.proof, convention is None)
        if found is not None and found[1] is None:
            accepted.append(link.latex)
        return found

    for latex, orients in checked:
        link, flipped, diagnosis = _judge_member(latex, orients, search, truth, budget, notes,
                                                 other_form if forms else None)
        links.append(link)
        if diagnosis is not None and wrong is None:
            wrong = (link, *diagnosis)
        transposed |= flipped and diagnosis is None
    written = {latex for latex, expr, *_ in members if isinstance(expr, sp.Derivative)}  # d/dx x^2: no value
    links, wrong = set_to_zero(links, wrong, notes, written)  # ... = 0: the derivative set to zero after right values
    if accepted and wrong is None:
        notes.append(forms[1].accepted)
    if transposed and wrong is None:
        notes.append(layout_note(problem))
        notes.append("the claim is the transpose of the derivative: the other layout convention, not a mistake")
    kind = "convention" if accepted else "layout" if transposed else None
    return _summarise(problem, truth, links, wrong, notes, search, kind)


@dataclass(frozen=True)
class _Budget:
    """When the proof and the numeric search must stop."""

    proof: float
    search: float
    timeout: float


def _prepared(members: Sequence[tuple[Any, ...]], problem: _Problem, notes: list[str]
              ) -> list[tuple[str, list[tuple[sp.Expr, bool]]]]:
    """Each member to check, in the layouts it may be read in; a written-out derivative of ``of`` is skipped
    (it is the derivative itself), any other is replaced by its value (a partial's reading goes to ``notes``)."""
    free = _derivative_indices(problem.of, problem.var)
    checked: list[tuple[str, list[tuple[sp.Expr, bool]]]] = []
    for latex, expr, *array in members:
        if isinstance(expr, sp.Derivative):
            if expr.expr == problem.of and tuple(expr.variables) == (problem.var,):
                continue
            expr = _differentiate(expr.expr, expr.variables[0], problem)
        expr = _evaluate_derivatives(expr, problem, notes)
        checked.append((latex, _orientations(expr, tuple(array[0]) if array else (), free)))
    if not checked:
        raise VerifyError("the claim has nothing to check: write the derivative's value after '='")
    return checked


def _judge_member(latex: str, orients: list[tuple[sp.Expr, bool]], search: _Search, truth: sp.Expr, budget: _Budget,
                  notes: list[str], other_form: Callable[[Link], tuple[Link, tuple[str, str] | None] | None] | None
                  ) -> tuple[Link, bool, tuple[str, str] | None]:
    """One member's link, whether it is read transposed, and its diagnosis (kind, sentence) when it is wrong;
    ``other_form`` judges a wrong member by the derivative's other convention first (a symmetric matrix)."""
    expr, flipped = orients[0]
    fn = _compile(expr)
    tally = _Tally()
    samples = _within(search.samples(fn, tally=tally), budget.search, search.signs)
    if len(samples) < sum(len(a) for _, a in search.points) and now() > budget.search:
        _note(notes, f"the numeric search stopped at its time budget ({2 * budget.timeout + 2:g} s) "
                     f"after {len(samples)} points")
    if not samples:
        raise VerifyError(f"the claim {latex} could not be evaluated at any point")
    bad = _first_difference(samples, fn, search.truth)
    for other, other_flipped in orients[1:] if bad is not None else ():
        other_fn, other_tally = _compile(other), _Tally()
        other_samples = list(search.samples(other_fn, tally=other_tally))
        if other_samples and _first_difference(other_samples, other_fn, search.truth) is None:
            expr, flipped, samples, bad, tally = other, other_flipped, other_samples, None, other_tally
            break
    if bad is not None:
        link = Link(latex, "wrong", expr, _counterexample(bad, search, expr), tally.compared)
        found = other_form(link) if other_form is not None else None
        if found is not None:
            return found[0], flipped, found[1]
        diagnosis = _diagnose_member(fn, samples, search, link)
        if diagnosis[0] == "other":
            diagnosis = _diagnosed_transposed(orients[1:], search, link) or diagnosis
        return link, flipped, diagnosis
    _too_few(tally, search, latex)
    if tally.skipped + search.rejected:
        _note(notes, f"{tally.skipped + search.rejected} points skipped where the derivative is undefined")
    how = None
    try:
        left = budget.proof - now()
        if left <= 0:
            raise _Timeout()
        how = _prove(expr, truth, search.problem, left)
        if how is None:
            wrong = _wrong_at_another_size(latex, expr, fn, truth, search, budget.proof - now())
            if wrong is not None:
                return wrong[0], flipped, wrong[1]
    except _Timeout:
        _note(notes, f"the symbolic proof ran out of time ({budget.timeout:g} s): the verdict rests on the numeric "
                     "search")
    return Link(latex, "proved" if how else "agrees", expr, None, tally.compared), flipped, None


def _diagnosed_transposed(orients: list[tuple[sp.Expr, bool]], search: _Search, link: Link) -> tuple[str, str] | None:
    """The slip of a matrix claim read in the other layout (``2 X^{-1}`` for ``X^{-T}``: a factor 2), when it has one
    there and none as written."""
    for other, _ in orients:
        fn = _compile(other)
        found = _diagnose_member(fn, list(search.samples(fn)), search, link)
        if found[0] not in ("other", "domain"):
            return found[0], f"Read transposed (the other layout): {found[1][0].lower()}{found[1][1:]}"
    return None


def _wrong_at_another_size(latex: str, expr: sp.Expr, fn: Fn, truth: sp.Expr, search: _Search,
                           seconds: float) -> tuple[Link, tuple[str, str]] | None:
    """A member that agrees at the searched sizes but differs symbolically at another (a polynomial in N that
    vanishes at N = 1..4 and 7): its link and diagnosis, from a search at that size; None when there is none."""
    if seconds <= 0:
        raise _Timeout()
    at = _size_where_it_differs(expr, truth, search.problem, seconds)
    if at is None:
        return None
    wider = _Search(search.problem, truth, [expr], sizes=[{**{s: 3 for s in search.space.sizes}, **at}],
                    domains=search.space.domains)
    samples = list(wider.samples(fn))
    bad = _first_difference(samples, fn, wider.truth)
    if bad is None:
        return None
    link = Link(latex, "wrong", expr, _counterexample(bad, wider, expr), len(samples))
    size = ", ".join(f"{k} = {v}" for k, v in at.items())
    why = (f"The claim agrees with the derivative at the sizes searched but not at {size}: their difference, "
           "read as a polynomial in the size, is not 0 there.")
    return link, ("other", why)


def _diagnose_member(fn: Fn, samples: list[_Sample], search: _Search, link: Link) -> tuple[str, str]:
    """The kind of slip: from the points where the member is defined when it differs at one of them, else
    ``domain`` (it is undefined where the derivative is defined)."""
    defined = [s for s in samples if s.claim is not None]
    if any(not _equal(s.claim, s.truth) for s in defined):
        return _diagnose(fn, defined, search)
    cx = link.counterexample or {}
    return "domain", f"The claim is undefined at {describe_point(cx)}, where the derivative is {cx.get('derivative')}."


def _too_few(tally: _Tally, search: _Search, latex: str) -> None:
    """Refuse to judge a member that agrees at fewer than ``_MIN_COMPARED`` points where both are defined, unless
    that is every point there is (a problem with no input has one)."""
    possible = sum(len(a) for _, a in search.points)
    if tally.compared < min(_MIN_COMPARED, possible):
        raise VerifyError(f"the claim {latex} and the derivative are both defined at only {tally.compared} of the "
                          f"points tried: too few to judge")


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _within(samples: Iterator[_Sample], deadline: float, needed: set[int]) -> list[_Sample]:
    """The samples drawn before ``deadline``, but at least ``_MIN_COMPARED`` where the member is defined and,
    among those, inputs of every sign in ``needed`` (negative, zero, positive), when there are such samples."""
    out: list[_Sample] = []
    defined, seen = 0, set()
    for s in samples:
        out.append(s)
        if s.claim is not None:
            defined += 1
            seen |= s.point.signs
        if defined >= _MIN_COMPARED and seen >= needed and now() > deadline:
            break
    return out


def _names(e: sp.Basic) -> set[str]:
    """The arrays and scalars ``e`` uses, not its indices nor the sizes that bound them."""
    indices = e.atoms(sp.Idx)
    skip = set().union({str(i) for i in indices}, *({str(s) for s in sp.sympify(b).free_symbols}
                                                   for i in indices if i.lower is not None for b in (i.lower, i.upper)))
    skip |= {str(v) for s in e.atoms(sp.Subs) for v in s.variables}  # f'(u) of an undefined f: Subs binds its _t
    return {_array_name(a.base) if isinstance(a, sp.Indexed) else str(a) for a in e.atoms(sp.Indexed, sp.Symbol)} - skip


def _array_name(base: sp.IndexedBase) -> str:
    """The name of an indexed array: an inverse's element (A^{-1})_{kl} is given by its matrix A."""
    matrix = getattr(base.label, "matrix", None)
    return str(matrix) if isinstance(matrix, sp.IndexedBase) else str(base)


def _solved_apart(c: Constraint, used: set[str]) -> bool:
    """``z_i = g(b_i)`` with z in neither the claim nor the derivative: any b has its z, so the fact restricts
    nothing they use."""
    return any(isinstance(side, (sp.Symbol, sp.Indexed)) and not _names(side) & used for side in (c.lhs, c.rhs))


def _refuse_unheld(problem: _Problem, search: _Search, links: list[Link], truth: sp.Expr) -> None:
    """A counterexample drawn where a stated fact (``z_i = g(b_i)``) the search cannot impose does not hold is no
    counterexample: when the claim or the derivative uses a name such a fact ties (itself or through the
    definitions of the names it writes: z_i = g(b_i) defined, b_i = \\sum_j A_{ij} x_j stated), refuse rather than
    call it wrong (a proof or an agreement without the fact still holds with it)."""
    keep = name_of(problem.var)
    used = set().union(*(_names(_inline(link.expr, problem.definitions, keep=keep)) for link in links),
                       *(_names(link.expr) for link in links), _names(truth))
    unheld = [c for c in search.space.unsupported if _names(c.lhs - c.rhs) & used and not _solved_apart(c, used)]
    if unheld:
        facts = "; ".join(_text(sp.Eq(c.lhs, c.rhs, evaluate=False)) for c in unheld)
        raise VerifyError(f"the claim differs from the derivative at points where the fact {facts} need not "
                          f"hold, and symgrad cannot draw points where it does: state it as a definition "
                          f"(--define) so that the claim is judged with it")


def _refuse_unknown(problem: _Problem, link: Link, truth: sp.Expr) -> None:
    """A wrong member whose value needs a name that nothing the derivative is computed from gives (the claim's
    ``C_ij = (-1)^{i+j} M_ij`` with the minor ``M`` defined only in words) is not refuted: any value of that name
    was drawn at random. Refuse, naming it, rather than call the claim wrong."""
    known = {str(s) for part in (truth, problem.var, *(d.rhs for d in problem.pruned()),
                                 *(c.lhs - c.rhs for c in problem.constraints)) for s in _symbols(part)}
    unknown = sorted(_names(_inline(link.expr, problem.definitions, keep=name_of(problem.var))) - known)
    if unknown:
        names = ", ".join(unknown)
        raise VerifyError(f"the claim differs from the derivative, but its value depends on {names}, which nothing "
                          f"the derivative is computed from gives (only the claim's own terms use it): define {names} "
                          f"(--define) or state it (--given) so that the claim can be judged")


def _symbols(e: sp.Basic) -> set[sp.Basic]:
    """Every symbol and array name in ``e``, index bounds included."""
    e = sp.sympify(e)
    out = set(e.free_symbols) | {a.base.label for a in e.atoms(sp.Indexed)}
    for i in e.atoms(sp.Idx):
        if i.lower is not None:
            out |= sp.sympify(i.lower).free_symbols | sp.sympify(i.upper).free_symbols
    return out


def _summarise(problem: _Problem, truth: sp.Expr, links: list[Link], wrong: tuple[Link, str, str] | None,
               notes: list[str], search: _Search, kind: str | None) -> Verdict:
    general = _text(truth)
    in_case = _apply_assumptions(truth, problem.assumptions)
    correct = _latex(in_case)
    head = _derivative_text(problem.of, problem.var)
    case = _case_text(problem.assumptions)
    when = f" when {case}" if case else ""
    also = f"   ({general} in general)" if case and in_case != truth else ""
    if search.space.fixed:
        notes.append("the numeric search draws every point with " + ", ".join(
            _text(sp.Eq(sp.Symbol(name), sp.Rational(v.numerator, v.denominator), evaluate=False))
            for name, v in search.space.fixed.items()) + " (as the facts state)")
    if search.space.unsupported:
        notes.append("constraints not imposed in the numeric search: "
                     + "; ".join(_text(sp.Eq(c.lhs, c.rhs, evaluate=False)) for c in search.space.unsupported))
    tail = "".join(f" Note: {n}." for n in notes)
    if wrong is not None:
        _refuse_unheld(problem, search, links, truth)
        _refuse_unknown(problem, wrong[0], truth)
        link, diagnosis, why = wrong
        where = f" Link {links.index(link) + 1} ({link.latex}) breaks." if len(links) > 1 else ""
        return Verdict("wrong", links, diagnosis, correct, link.counterexample,
                       f"{diagnosis}. {why}{where}{tail}", head)
    shown = links[-1].expr
    if all(link.verdict == "proved" for link in links):
        return Verdict("proved", links, kind, correct, None,
                       f"{head} = {_text(shown)}{when}{also}{tail}", head)
    points = min(link.points for link in links)
    return Verdict("agrees", links, kind, correct, None,
                   f"{head} = {_text(shown)}{when} agrees with the derivative at {points} points "
                   f"(not proved){also}{tail}", head)
