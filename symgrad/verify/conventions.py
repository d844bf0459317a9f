"""The conventions a matrix derivative is written in, and how a verdict names them: the layout (numerator or
denominator, the Matrix Cookbook's) and, by a matrix declared symmetric, the unconstrained gradient ``G`` or the
gradient on symmetric matrices ``G + G^T - diag G``."""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass

import sympy as sp

from .. import linalg
from ..rules.deadline import now
from ..tensors import name_of
from .evaluation import _compile, _kinks_undefined
from .printing import _text
from .problem import _Problem
from .proof import _prove, _Timeout
from .search import _first_difference, _Search, _Tally
from .verdict import Link

CONVENTIONS = (None, "unconstrained", "symmetric")
_DIAGNOSIS_POINTS = 40


@dataclass(frozen=True)
class Form:
    """The derivative in one convention: its name, its expression, the note saying a verdict judged by it, and the
    note saying a claim was accepted in it."""

    name: str
    expr: sp.Expr
    judged_by: str
    accepted: str


def symmetric_var(problem: _Problem) -> tuple[sp.Idx, sp.Idx] | None:
    """The two indices of the variable when it is an element of a matrix declared symmetric, else None."""
    var = problem.var
    if isinstance(var, sp.Indexed) and isinstance(var.base, linalg.Symmetric) and len(var.indices) == 2:
        i, j = var.indices
        return (i, j) if i != j else None
    return None


def conventions(problem: _Problem, truth: sp.Expr, asked: str | None) -> list[Form]:
    """The derivative by a symmetric matrix in both conventions, the one to judge by first (the one asked for,
    else the unconstrained one); ``[]`` when the variable is not such a matrix."""
    indices = symmetric_var(problem)
    if indices is None:
        return []
    name = _text(problem.var.base.label)
    free = f"the unconstrained gradient G (every entry of {name} independent, what autodiff gives)"
    sym = f"the gradient on symmetric matrices G + Gᵀ − diag G ({name}_ij and {name}_ji one parameter)"
    forms = [Form("unconstrained", truth, f"judged by {free}; the other convention is {sym}",
                  f"the claim is {free}, the other convention, not a mistake"),
             Form("symmetric", sp.expand(linalg.symmetric_gradient(truth, *indices)),
                  f"judged by {sym}, as asked; the other convention is {free}",
                  f"the claim is {sym}, the other convention, not a mistake")]
    return forms[::-1] if asked == "symmetric" else forms


def with_truth(search: _Search, truth: sp.Expr) -> _Search:
    """The same points judged against another form of the derivative (the self-check ran on the first)."""
    other = copy.copy(search)
    other.truth_expr, other.truth = truth, _compile(truth)
    other.smooth_truth = _compile(_kinks_undefined(truth))
    other._truth_cache = {}
    return other


def by_another_form(link: Link, forms: list[Form], search: _Search, proof_until: float,
                    accept: bool) -> tuple[Link, tuple[str, str] | None] | None:
    """A member wrong by the first form, judged by the second: accepted (its link and no diagnosis; when no
    convention was asked for) or named (diagnosis ``symmetric``); or a gradient that counts the diagonal twice;
    None when it is neither."""
    expr, indices = link.expr, symmetric_var(search.problem)
    fn = _compile(expr)
    second = _compile(forms[1].expr)
    tally = _Tally()
    # as many points as the first form was compared at, lazily: the first difference ends the search
    samples = itertools.islice(search.samples(fn, truth=second, tally=tally), max(link.points, 8))
    if _first_difference(list(samples), fn, second) is None and tally.compared >= 4:
        if not accept:
            return link, ("symmetric", _wrong_convention(forms))
        how = _proof(expr, forms[1].expr, search.problem, proof_until)
        return Link(link.latex, "proved" if how else "agrees", expr, None, tally.compared), None
    unconstrained = next(f.expr for f in forms if f.name == "unconstrained")
    doubled = _compile(unconstrained + unconstrained.xreplace({indices[0]: indices[1], indices[1]: indices[0]}))
    tally = _Tally()
    # a diagnosis only (the verdict is wrong either way): the first points, smallest sizes first, suffice
    samples = itertools.islice(search.samples(fn, truth=doubled, tally=tally), _DIAGNOSIS_POINTS)
    if _first_difference(list(samples), fn, doubled) is None and tally.compared >= 4:
        name = _text(search.problem.var.base.label)
        why = (f"The claim is G + Gᵀ: it counts the diagonal of {name} twice. On symmetric matrices the gradient is "
               "G + Gᵀ − diag G; unconstrained it is G.")
        return link, ("symmetric", why)
    return None


def _wrong_convention(forms: list[Form]) -> str:
    if forms[0].name == "symmetric":
        return ("A dropped symmetric term: the claim is the unconstrained gradient G, but the symmetric convention "
                "was asked for, G + Gᵀ − diag G.")
    return ("The claim is the gradient on symmetric matrices, G + Gᵀ − diag G, but the unconstrained convention "
            "was asked for, G.")


def _proof(expr: sp.Expr, truth: sp.Expr, problem: _Problem, until: float) -> str | None:
    try:
        left = until - now()
        return _prove(expr, truth, problem, left) if left > 0 else None
    except _Timeout:
        return None


def layout_note(problem: _Problem) -> str:
    """Which layout the derivative is in and which the claim is: for a scalar by a vector or a matrix the derivative
    has the variable's shape (denominator layout, the Matrix Cookbook's), for a vector by a vector it is the
    Jacobian (numerator layout)."""
    of_axes = len(problem.of.indices) if isinstance(problem.of, sp.Indexed) else 0
    var = _text(problem.var.base.label) if isinstance(problem.var, sp.Indexed) else name_of(problem.var)
    if of_axes == 0:
        return (f"the claim is in numerator layout (the shape of {var}ᵀ); the derivative here is in denominator "
                f"layout (the shape of {var}, as the Matrix Cookbook writes gradients)")
    return ("the claim is in denominator layout (the transposed Jacobian); the derivative here is in numerator "
            "layout (the Jacobian, a row per output)")

