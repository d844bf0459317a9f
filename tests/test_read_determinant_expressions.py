"""The determinant of a square matrix expression (``\\log\\det(WW^T + \\sigma^2 I)``, ``\\det(aI + B)``): read, differentiated
by Jacobi's formula with the inverse of the same expression, evaluated from the expression's entries at each point.
Each claim's truth is first established by autograd on random inputs; then verify's verdict must match it."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad.verify import verify

_RNG = np.random.default_rng(11)
_N = 3
_GIVEN = [r"B \in \mathbb{R}^{N \times N}"]


def _holds(logarithm: bool, claim) -> bool:
    """autograd: d/da of (log) det(aI + B) against ``claim(a, B)`` at a random point where aI + B has det > 0."""
    B, a = _RNG.normal(size=(_N, _N)) + 2 * np.eye(_N), 0.8
    f = (lambda s: anp.log(anp.linalg.det(s * anp.eye(_N) + B))) if logarithm else \
        (lambda s: anp.linalg.det(s * anp.eye(_N) + B))
    return bool(np.isclose(autograd.grad(f)(a), claim(a, B), rtol=1e-9))


def _inv(a: float, B: np.ndarray) -> np.ndarray:
    return np.linalg.inv(a * np.eye(_N) + B)


@pytest.mark.parametrize(("claim", "value"), [
    (r"\mathrm{tr}\left((aI + B)^{-1}\right)", lambda a, B: np.trace(_inv(a, B))),
    (r"\mathrm{tr}\left((aI + B)^{-2}\right)", lambda a, B: np.trace(_inv(a, B) @ _inv(a, B)))])
def test_derivative_of_log_det_of_a_i_plus_b_by_a_is_the_trace_of_the_inverse(claim: str, value) -> None:
    """The log-determinant of an expression (the Gaussian process marginal likelihood's log|K + s^2 I|); the inverse
    squared is wrong."""
    v = verify(rf"\frac{{df}}{{da}} = {claim}", define=[r"f = \log\det(aI + B)"], given=_GIVEN)
    assert (v.verdict in ("proved", "agrees")) == _holds(True, value), str(v)
    assert v.verdict in ("proved", "agrees", "wrong"), str(v)


@pytest.mark.parametrize(("claim", "value"), [
    (r"\det(aI+B)\,\mathrm{tr}\left((aI + B)^{-1}\right)", lambda a, B: np.linalg.det(a * np.eye(_N) + B) *
     np.trace(_inv(a, B))),
    (r"\mathrm{tr}\left((aI + B)^{-1}\right)", lambda a, B: np.trace(_inv(a, B)))])
def test_derivative_of_det_of_a_i_plus_b_by_a_is_jacobis_formula(claim: str, value) -> None:
    """Jacobi's formula d det A = det A tr(A^{-1} dA) of an expression A; without det A it is wrong."""
    v = verify(rf"\frac{{df}}{{da}} = {claim}", define=[r"f = \det(aI + B)"], given=_GIVEN)
    assert (v.verdict in ("proved", "agrees")) == _holds(False, value), str(v)
    assert v.verdict in ("proved", "agrees", "wrong"), str(v)


def test_det_of_a_matrix_expression_that_is_not_square_is_refused() -> None:
    v = verify(r"\frac{df}{da} = \det(AC)", define=[r"f = a\det(AC)"],
               given=[r"A \in \mathbb{R}^{m \times n}, C \in \mathbb{R}^{n \times p}"])
    assert v.verdict == "unreadable", str(v)


def test_the_inverse_of_a_symmetric_expression_keeps_its_elements_in_one_index_order() -> None:
    """(WW^T + s^2 I)^{-1} is symmetric as written, so its (k, l) and (l, k) elements are one term (the gradient of
    log det(WW^T + s^2 I), sum_a A^{-1}_{ia} W_aj + sum_a A^{-1}_{ai} W_aj, collects to 2 A^{-1} W); an expression
    symmetric only for some values (W + 2W^T) keeps its order."""
    import sympy as sp

    from symgrad.linalg_expressions import expression_inverse

    n = sp.Symbol("n", integer=True, positive=True)
    r, s, k, l = (sp.Idx(x, (1, n)) for x in "rskl")
    W = sp.IndexedBase("W", shape=(n, n))
    assert expression_inverse(W[r, s] + W[s, r], r, s, l, k) == expression_inverse(W[r, s] + W[s, r], r, s, k, l)
    assert expression_inverse(W[r, s] + 2 * W[s, r], r, s, l, k) != \
        expression_inverse(W[r, s] + 2 * W[s, r], r, s, k, l)
