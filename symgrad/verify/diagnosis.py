"""What kind of slip a wrong claim is: sign, factor, swapped indices, a case (an index case, a missing
constraint or a matrix that must be symmetric), a dropped symmetric term (``A x`` for ``(A + A^T) x``), a transposed
input (``A B^T`` for ``A^T B^T``), a dependence left out (``mu`` and ``v`` held fixed in batchnorm's backward), or
other."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import sympy as sp

from ..rules.deadline import now
from ..tensors import Constraint, name_of
from .evaluation import _ABSTRACT, Env, Fn, Values, _compile, _equal, _mp, _rational
from .printing import _text
from .problem import _names_in, _Problem, _rename_bound
from .search import _Point, _Sample, _Search, _value
from .truth import _differentiate


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
    for slip in (_dropped_transposed_half, _transposed_input, _only_if_symmetric, _held_fixed):
        found = slip(member, samples, search)
        if found is not None:
            return found
    return "other", "The claim differs from the derivative (not by a sign, a factor, swapped indices or a case)."


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


_MISSING_SECONDS = 1.0  # trials of a missing constraint past this start no new one (each draws its points anew)


def _missing_constraint(member: Fn, search: _Search) -> str | None:
    """``\\sum_k y_k = 1`` when imposing it on an input makes the claim agree everywhere; its indices are letters
    no scalar input takes (the user's scalar k beside a trial sum over k was 'k has no value'). A distribution is a
    vector or the rows of a matrix of samples by classes, never a square matrix (a covariance, a weight matrix):
    those are not tried (each trial draws its points anew, seconds on a problem with inverses and determinants)."""
    given = {(n, a) for n, a, _ in search.space.constraint_axes}
    taken = {name for name, shape in search.space.inputs.items() if not shape}  # scalars: a bound k would clash
    deadline = now() + _MISSING_SECONDS
    for name, shape in search.space.inputs.items():
        if not shape or (len(shape) == 2 and shape[0] == shape[1]):
            continue
        if now() > deadline:  # the verdict stands; only its diagnosis stays "other"
            break
        axis = len(shape) - 1
        if (name, axis) in given:
            continue
        letters = [n for n in "knmlrstpq" if n not in taken] + [f"k{n}" for n in range(1, len(shape) + 1)]
        k = sp.Idx(sp.Symbol(letters[0], integer=True), (1, shape[axis]))
        others = [sp.Idx(sp.Symbol(o, integer=True), (1, d)) for o, d in zip(letters[1:], shape[:-1])]
        base = sp.IndexedBase(name, shape=shape)
        c = Constraint(sp.Sum(base[(*others, k)], (k, 1, shape[axis])), sp.Integer(1))
        trial = _Search(search.problem, search.truth_expr, search.members, [*search.problem.constraints, c],
                        domains=search.space.domains)
        if _agrees_everywhere(trial.samples(member)):
            sub = ",".join(str(i) for i in (*others, k))
            return f"\\sum_{{{k}}} {name}_{{{sub}}} = 1"
    return None


def _agrees_everywhere(samples: Iterable[_Sample]) -> bool:
    """Whether there is a sample and the claim equals the derivative at each; stops at the first that differs (each
    sample evaluates the whole problem: a trial constraint that fails fails at once)."""
    seen = False
    for s in samples:
        if s.claim is None or not _equal(s.claim, s.truth):
            return False
        seen = True
    return seen


# ---------------------------------------------------------------- slips of matrix calculus

Diagnosis = tuple[str, str]


def _square_inputs(search: _Search) -> list[str]:
    """The square matrix inputs not declared symmetric: where a transpose can be dropped."""
    return [name for name, shape in search.space.inputs.items()
            if len(shape) == 2 and shape[0] == shape[1] and name not in search.space.symmetric]


def _values_with(search: _Search, point: _Point, name: str, entries: Callable[[dict], dict]) -> Values | None:
    """The point's values with the input ``name`` replaced by ``entries(its table)``, every definition recomputed."""
    inputs = {k: _mp(v) for k, v in {**point.inputs, name: entries(point.inputs[name])}.items()}
    return search.space.values(point.sizes, inputs, point.vals.get(_ABSTRACT))


def _transposed(table: dict) -> dict:
    return {(r, c): table[(c, r)] for r, c in table}


def _symmetrised(table: dict) -> dict:
    return {(r, c): (table[(r, c)] + table[(c, r)]) / 2 for r, c in table}


def _at_changed_points(search: _Search, samples: Sequence[_Sample], name: str, entries: Callable[[dict], dict],
                       test: Callable[[_Sample, Values], bool]) -> bool:
    """Whether ``test`` holds at every sample with ``name`` changed by ``entries`` (at least 4 comparable)."""
    cache: dict[int, Values | None] = {}
    checked = 0
    for s in samples:
        if s.claim is None:
            continue
        key = id(s.point)
        if key not in cache:
            cache[key] = _values_with(search, s.point, name, entries)
        if cache[key] is None:
            continue
        if not test(s, cache[key]):
            return False
        checked += 1
    return checked >= 4


def _dropped_transposed_half(member: Fn, samples: list[_Sample], search: _Search) -> Diagnosis | None:
    """``A x`` for ``(A + A^T) x``: the claim plus itself with ``A`` transposed is the derivative."""
    for name in _square_inputs(search):
        def whole(s: _Sample, vals: Values) -> bool:
            other = _value(member, s.env, vals)
            return other is not None and _equal(s.claim + other, s.truth)

        if _at_changed_points(search, samples, name, _transposed, whole):
            text = _text(sp.Symbol(name))
            return "symmetric", (f"A dropped symmetric term: the claim is one of the two terms of the derivative; the "
                                 f"other is the claim with {text} transposed (the derivative has {text} + {text}ᵀ; "
                                 f"{text} is not declared symmetric).")
    return None


def _only_if_symmetric(member: Fn, samples: list[_Sample], search: _Search) -> Diagnosis | None:
    """``2 A x`` for ``(A + A^T) x``: right where ``A`` is symmetric, which was not declared."""
    for name in _square_inputs(search):
        def agrees(s: _Sample, vals: Values) -> bool:
            claim, truth = _value(member, s.env, vals), _value(search.truth, s.env, vals)
            return claim is not None and truth is not None and _equal(claim, truth)

        if _at_changed_points(search, samples, name, _symmetrised, agrees):
            text = _text(sp.Symbol(name))
            return "case", (f"The claim holds only if {text} = {text}ᵀ ({text} symmetric); it was not declared "
                            f"(declare it with --given '{name} = {name}^T', or write {text} + {text}ᵀ for 2{text}).")
    return None


def _transposed_input(member: Fn, samples: list[_Sample], search: _Search) -> Diagnosis | None:
    """``A B^T`` for ``A^T B^T``: with one square input transposed the claim is the derivative."""
    for name in _square_inputs(search):
        def right(s: _Sample, vals: Values) -> bool:
            value = _value(member, s.env, vals)
            return value is not None and _equal(value, s.truth)

        if _at_changed_points(search, samples, name, _transposed, right):
            text = _text(sp.Symbol(name))
            return "transpose", (f"A transpose slip: the claim has {text} where the derivative has {text}ᵀ, or "
                                 f"{text}ᵀ where it has {text}: with {text} transposed it is the derivative.")
    return None


# ---------------------------------------------------------------- a dependence left out

_MAX_HELD = 3  # names held fixed together, at most
_MAX_SUBSETS = 24  # sets of names tried, smallest first: a deep graph would otherwise try hundreds


def _intermediates(problem: _Problem) -> list[str]:
    """The defined names between the variable and the target: those whose value depends on the variable."""
    depends = {name_of(problem.var)}
    out = []
    for d in problem.pruned():
        if _names_in(d.rhs) & depends:
            depends.add(d.name)
            if d.name != name_of(problem.of):
                out.append(d.name)
    return out


def _partial(problem: _Problem, held: Sequence[str]) -> sp.Expr | None:
    """d of / d var with the names ``held`` taken as inputs: the chain rule without the paths through them (None
    where it cannot be taken)."""
    kept = _Problem(tuple(d for d in problem.definitions if d.name not in held), problem.of, problem.var,
                    problem.constraints, problem.assumptions)
    target = next(d for d in problem.definitions if d.name == name_of(problem.of))
    of_expr = target.at(*problem.of.indices) if isinstance(problem.of, sp.Indexed) else target.rhs
    free = problem.var.indices if isinstance(problem.var, sp.Indexed) else ()
    of_expr = _rename_bound(of_expr, {str(i) for i in free})  # L = sum_i g_i y_i by x_i: the sum's i is another
    try:
        return _differentiate(of_expr, problem.var, kept)
    except Exception:  # noqa: BLE001 - a partial the engine cannot take names no slip
        return None


def _held_fixed(member: Fn, samples: list[_Sample], search: _Search) -> Diagnosis | None:
    """The claim is the derivative with some intermediate names held fixed (batchnorm's ``gamma g_i/sqrt(v + eps)``
    forgets that ``mu`` and ``v`` depend on ``x_i``): the smallest such set of names."""
    names = _intermediates(search.problem)
    defined = [s for s in samples if s.claim is not None]
    if not names or len(defined) < 4:
        return None
    subsets = itertools.chain.from_iterable(itertools.combinations(names, size)
                                            for size in range(1, min(_MAX_HELD, len(names)) + 1))
    for held in itertools.islice(subsets, _MAX_SUBSETS):
        partial = _partial(search.problem, held)
        if partial is None or partial == 0:
            continue  # none, or every path cut: that would call any claim 0 this slip
        fn = _compile(partial)
        pairs = [(v, s.claim) for v, s in ((_value(fn, s.env, s.point.vals), s) for s in defined) if v is not None]
        if len(pairs) >= 4 and all(_equal(v, c) for v, c in pairs) and any(not _equal(v, 0) for v, _ in pairs):
            return "dependence", _held_text(held, search)
    return None


def _held_text(held: Sequence[str], search: _Search) -> str:
    words = [_text(sp.Symbol(n)) for n in held]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    they = "it depends" if len(words) == 1 else "they depend"
    var = _text(search.problem.var)
    return (f"The claim holds {listed} fixed: it leaves out that {they} on {var} (the chain-rule terms through "
            f"{listed} are missing).")
