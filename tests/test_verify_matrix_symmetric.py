"""Verify's slips of matrix calculus (issue 13): a dropped symmetric term (``A x`` for ``(A + A^T) x``), a claim
right only for a symmetric matrix nobody declared (``2 A x``), and the two gradient conventions of a declared
symmetric matrix (the unconstrained ``G`` and ``G + G^T - diag G``).

Each counterexample is checked against the Matrix Cookbook's formula (81: d xᵀAx/dx = (A + Aᵀ)x; 108: d tr(XᵀAX)/dX =
(A + Aᵀ)X) computed here with NumPy from the counterexample's own inputs, never from symgrad's value.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from symgrad import linalg
from symgrad.tensors import Definition
from symgrad.verify import judge, verify

VECTOR = [r"x \in \mathbb{R}^n", r"A \in \mathbb{R}^{n \times n}"]
QUADRATIC = [r"L = x^T A x"]
DLDX = r"\frac{\partial L}{\partial x}"
DLDXM = r"\frac{\partial L}{\partial X}"


def _table(cx: dict, name: str, n: int) -> np.ndarray:
    """The matrix ``name`` of a counterexample (``A_{1,2}=...``) as exact Fractions."""
    out = np.empty((n, n), dtype=object)
    for r in range(1, n + 1):
        for c in range(1, n + 1):
            out[r - 1, c - 1] = Fraction(cx["values"][f"{name}_{{{r},{c}}}"])
    return out


def _vector(cx: dict, name: str, n: int) -> np.ndarray:
    return np.array([Fraction(cx["values"][f"{name}_{r}"]) for r in range(1, n + 1)], dtype=object)


@pytest.mark.parametrize("claim", ["A x", "A^T x"])
def test_a_x_for_the_quadratic_form_is_a_dropped_symmetric_term_with_a_cookbook_counterexample(claim: str) -> None:
    v = verify(claim, of=DLDX, define=QUADRATIC, given=VECTOR)
    assert (v.verdict, v.diagnosis) == ("wrong", "symmetric"), str(v)
    assert "dropped symmetric term" in v.message and "A transposed" in v.message
    cx = v.counterexample
    n, i = cx["sizes"]["n"], cx["indices"]["i"]
    A, x = _table(cx, "A", n), _vector(cx, "x", n)
    written = (A if claim == "A x" else A.T) @ x
    assert Fraction(cx["claim"]) == written[i - 1]
    assert Fraction(cx["derivative"]) == ((A + A.T) @ x)[i - 1] != written[i - 1]


def test_2_a_x_is_right_only_for_a_symmetric_a_and_the_verdict_says_declare_it() -> None:
    v = verify("2 A x", of=DLDX, define=QUADRATIC, given=VECTOR)
    assert (v.verdict, v.diagnosis) == ("wrong", "case"), str(v)
    assert "holds only if A = Aᵀ" in v.message
    cx = v.counterexample
    n, i = cx["sizes"]["n"], cx["indices"]["i"]
    A, x = _table(cx, "A", n), _vector(cx, "x", n)
    assert (A != A.T).any()
    assert Fraction(cx["claim"]) == (2 * A @ x)[i - 1] != Fraction(cx["derivative"]) == ((A + A.T) @ x)[i - 1]


def test_the_trace_quadratic_gradient_a_x_drops_the_transposed_half_and_2_a_x_needs_symmetry() -> None:
    dropped = verify("A X", of=DLDXM, define=[r"L = \mathrm{tr}(X^T A X)"])
    assert (dropped.verdict, dropped.diagnosis) == ("wrong", "symmetric"), str(dropped)
    cx = dropped.counterexample
    n, i, j = cx["sizes"]["n"], cx["indices"]["i"], cx["indices"]["j"]
    A, X = _table(cx, "A", n), _table(cx, "X", n)
    assert Fraction(cx["derivative"]) == ((A + A.T) @ X)[i - 1, j - 1] != Fraction(cx["claim"])
    doubled = verify("2 A X", of=DLDXM, define=[r"L = \mathrm{tr}(X^T A X)"])
    assert (doubled.verdict, doubled.diagnosis) == ("wrong", "case"), str(doubled)


@pytest.mark.parametrize("claim", ["(A + A^T) x", "A x + A^T x", "x^T (A + A^T)"])
def test_the_whole_quadratic_form_gradient_is_proved_in_either_layout(claim: str) -> None:
    v = verify(claim, of=DLDX, define=QUADRATIC, given=VECTOR)
    assert v.verdict == "proved", str(v)
    assert v.diagnosis == ("layout" if claim.startswith("x^T") else None)


def test_a_declared_symmetric_a_makes_2_a_x_right() -> None:
    n = sp.Symbol("n", integer=True, positive=True)
    i, k, l = (sp.Idx(sp.Symbol(s, integer=True), (1, n)) for s in "ikl")
    A, x, L = linalg.symmetric("A", n, positive_definite=False), sp.IndexedBase("x", shape=(n,)), sp.Symbol("L")
    loss = Definition(L, sp.Sum(x[k] * A[k, l] * x[l], (k, 1, n), (l, 1, n)))
    v = judge([("2 A x", 2 * sp.Sum(A[i, k] * x[k], (k, 1, n)))], L, x[i], [loss])
    assert v.verdict == "proved", str(v)
