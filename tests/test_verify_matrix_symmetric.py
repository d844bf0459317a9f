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
from test_linalg import gradient_by_free_entries

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


# ---------------------------------------------------------------- the two conventions by a symmetric matrix


def _mvn() -> tuple:
    """The catalog's Gaussian NLL (L = 1/2 sum_s r_s^T Sigma^-1 r_s + N/2 log det Sigma, Sigma declared symmetric
    positive definite) and its unconstrained gradient G_ij = 1/2 (N (Σ⁻¹)_ij - (Σ⁻¹ S Σ⁻¹)_ij), written here."""
    from symgrad import catalog

    graph = catalog.get("gaussian-mvn-nll").graph
    Sigma = next(t for t in graph.inputs if str(t) == "Sigma")
    n = Sigma.shape[0]
    N = next(s for s in graph.definitions[-1].rhs.free_symbols if str(s) == "N")
    r = graph.definitions[0].lhs.base
    i, j, k, l = (sp.Idx(sp.Symbol(c, integer=True), (1, n)) for c in "ijkl")
    s = sp.Idx(sp.Symbol("s", integer=True), (1, N))
    P = linalg.inverse(Sigma)
    G = (N * P[i, j] - sp.Sum(P[i, k] * r[s, k] * r[s, l] * P[l, j], (s, 1, N), (k, 1, n), (l, 1, n))) / 2
    return graph, Sigma[i, j], G, G.xreplace({i: j, j: i}), sp.KroneckerDelta(i, j)


def _autograd_gradients(cx: dict) -> tuple[np.ndarray, np.ndarray]:
    """At a counterexample's inputs: autograd's unconstrained gradient by Sigma, and its gradient by the n(n+1)/2
    free entries of a symmetric Sigma (Sigma_ab = Sigma_ba one parameter), as n x n matrices."""
    import autograd
    import autograd.numpy as anp

    n, N = cx["sizes"]["n"], cx["sizes"]["N"]
    val = {k: float(Fraction(v)) for k, v in cx["values"].items()}
    x = np.array([[val[f"x_{{{a},{b}}}"] for b in range(1, n + 1)] for a in range(1, N + 1)])
    mu = np.array([val[f"mu_{a}"] for a in range(1, n + 1)])
    S0 = np.array([[val[f"Sigma_{{{a},{b}}}"] for b in range(1, n + 1)] for a in range(1, n + 1)])

    def nll(S):
        d = x - mu
        return 0.5 * anp.sum(d * anp.linalg.solve(S, d.T).T) + 0.5 * N * anp.linalg.slogdet(S)[1]

    return autograd.grad(nll)(S0), gradient_by_free_entries(nll, S0)


def test_the_gaussian_nll_gradient_by_sigma_is_judged_unconstrained_and_the_verdict_names_that_convention() -> None:
    graph, var, G, _, _ = _mvn()
    v = judge([("G", G)], graph.definitions[-1].lhs, var, graph.definitions, timeout=30)
    assert (v.verdict, v.diagnosis) == ("proved", None), str(v)
    assert "judged by the unconstrained gradient G" in v.message and "G + Gᵀ − diag G" in v.message


def test_the_symmetric_form_of_the_gaussian_nll_gradient_is_the_other_convention_not_a_mistake() -> None:
    graph, var, G, Gt, delta = _mvn()
    v = judge([("G + G^T - diag G", G + Gt - delta * G)], graph.definitions[-1].lhs, var, graph.definitions)
    assert v.verdict in ("proved", "agrees") and v.diagnosis == "convention", str(v)
    assert "the claim is the gradient on symmetric matrices G + Gᵀ − diag G" in v.message
    assert v.message.endswith("the other convention, not a mistake.")


def test_asked_for_the_symmetric_convention_g_is_a_dropped_symmetric_term_and_autograd_confirms_the_point() -> None:
    graph, var, G, _, _ = _mvn()
    v = judge([("G", G)], graph.definitions[-1].lhs, var, graph.definitions, convention="symmetric")
    assert (v.verdict, v.diagnosis) == ("wrong", "symmetric"), str(v)
    assert "dropped symmetric term" in v.message and "judged by the gradient on symmetric matrices" in v.message
    cx = v.counterexample
    a, b = cx["indices"]["i"] - 1, cx["indices"]["j"] - 1
    unconstrained, symmetric = _autograd_gradients(cx)
    assert float(Fraction(cx["claim"])) == pytest.approx(unconstrained[a, b], rel=1e-10)
    assert float(Fraction(cx["derivative"])) == pytest.approx(symmetric[a, b], rel=1e-10)


def test_twice_g_counts_the_diagonal_twice_in_either_convention() -> None:
    graph, var, G, Gt, _ = _mvn()
    for convention in (None, "symmetric"):
        v = judge([("G + G^T", G + Gt)], graph.definitions[-1].lhs, var, graph.definitions, convention=convention)
        assert (v.verdict, v.diagnosis) == ("wrong", "symmetric"), str(v)
        assert "counts the diagonal of Σ twice" in v.message


def test_an_unknown_convention_is_refused_naming_the_two() -> None:
    from symgrad.verify import VerifyError

    graph, var, G, _, _ = _mvn()
    with pytest.raises(VerifyError, match="unknown gradient convention 'upper'; choose one of: unconstrained, symm"):
        judge([("G", G)], graph.definitions[-1].lhs, var, graph.definitions, convention="upper")
