"""Verify names the layout of a matrix result (issue 13): a gradient of a scalar has the variable's shape
(denominator layout, the Matrix Cookbook's), a Jacobian a row per output (numerator layout); a claim in the other
layout is the transpose, right, and the verdict says which layout each is in."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from symgrad.verify import verify

OTHER = "Note: the claim is the transpose of the derivative: the other layout convention, not a mistake."


def test_x_inverse_for_the_log_det_gradient_is_numerator_layout_and_named_so() -> None:
    v = verify(r"X^{-1}", of=r"\frac{\partial L}{\partial X}", define=[r"L = \log\det X"])  # Cookbook (57): X^{-T}
    assert (v.verdict, v.diagnosis) == ("proved", "layout"), str(v)
    assert ("the claim is in numerator layout (the shape of Xᵀ); the derivative here is in denominator layout "
            "(the shape of X, as the Matrix Cookbook writes gradients)") in v.message
    assert OTHER in v.message


@pytest.mark.parametrize(("claim", "diagnosis"), [("A", None), ("A^T", "layout")])
def test_the_jacobian_of_a_linear_map_is_a_in_numerator_layout_and_a_transposed_in_denominator(claim, diagnosis):
    v = verify(claim, of=r"\frac{\partial z}{\partial u}", define=["z = A u"],
               given=[r"A \in \mathbb{R}^{m \times n}", r"u \in \mathbb{R}^n"])
    assert (v.verdict, v.diagnosis) == ("proved", diagnosis), str(v)
    assert ("the claim is in denominator layout (the transposed Jacobian)" in v.message) == (diagnosis == "layout")


def test_a_transposed_gradient_off_by_a_factor_is_a_factor_slip_read_in_the_other_layout() -> None:
    v = verify(r"2 X^{-1}", of=r"\frac{\partial L}{\partial X}", define=[r"L = \log\det X"])
    assert (v.verdict, v.diagnosis) == ("wrong", "factor"), str(v)
    assert "Read transposed (the other layout): the claim is 2 × the derivative" in v.message


def _matrix(cx: dict, name: str, n: int) -> np.ndarray:
    return np.array([[Fraction(cx["values"][f"{name}_{{{r},{c}}}"]) for c in range(1, n + 1)] for r in range(1, n + 1)],
                    dtype=object)


@pytest.mark.parametrize(("claim", "slipped"), [("A B^T", "A"), ("A^T B", "B")])
def test_a_single_transposed_factor_of_the_trace_gradient_is_a_transpose_slip_naming_it(claim, slipped) -> None:
    """d tr(AXB)/dX = AᵀBᵀ (Matrix Cookbook 101); the counterexample's derivative is that product, computed here."""
    v = verify(claim, of=r"\frac{\partial L}{\partial X}", define=[r"L = \mathrm{tr}(A X B)"])
    assert (v.verdict, v.diagnosis) == ("wrong", "transpose"), str(v)
    assert f"the claim has {slipped} where the derivative has {slipped}ᵀ" in v.message
    cx = v.counterexample
    n, i, j = cx["sizes"]["n"], cx["indices"]["i"], cx["indices"]["j"]
    A, B = _matrix(cx, "A", n), _matrix(cx, "B", n)
    assert Fraction(cx["derivative"]) == (A.T @ B.T)[i - 1, j - 1]
