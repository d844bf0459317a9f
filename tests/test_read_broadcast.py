"""Broadcasting in vector-matrix notation (issue 9): a vector added to, multiplying or dividing a matrix is spread
as NumPy and ML pages do (a bias b over the rows of xW^T, row norms (n, 1) down the columns), the decision noted;
on a square matrix a column has two readings and is refused. Verdicts are checked against autograd."""

from __future__ import annotations

from fractions import Fraction

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad.verify import verify

LAYER = [r"y = x W^T + b", r"L = \sum_{n=1}^{N}\sum_{k=1}^{K} G_{nk} y_{nk}"]
LAYER_SHAPES = [r"x \in \mathbb{R}^{N \times D}", r"W \in \mathbb{R}^{K \times D}", r"b \in \mathbb{R}^{K}",
                r"G \in \mathbb{R}^{N \times K}"]
SCALED = [r"Y = X / r", r"L = \sum_{n=1}^{N}\sum_{d=1}^{D} G_{nd} Y_{nd}"]
SCALED_SHAPES = [r"X \in \mathbb{R}^{N \times D}", r"r \in \mathbb{R}^{N}", r"G \in \mathbb{R}^{N \times D}",
                 r"r_n > 0"]


def _matrix(values: dict, name: str, rows: int, cols: int) -> np.ndarray:
    return np.array([[float(Fraction(values[f"{name}_{{{a},{c}}}"])) for c in range(1, cols + 1)]
                     for a in range(1, rows + 1)])


def _vector(values: dict, name: str, n: int) -> np.ndarray:
    return np.array([float(Fraction(values[f"{name}_{a}"])) for a in range(1, n + 1)])


def test_bias_gradient_of_xWT_plus_b_is_the_column_sum_of_the_upstream_gradient() -> None:
    v = verify(r"\sum_{n=1}^{N} G_{nk}", of=r"\frac{\partial L}{\partial b_k}", define=LAYER, given=LAYER_SHAPES)
    assert v.verdict == "proved", str(v)
    assert "b added to each row" in v.message, str(v)


def test_bias_gradient_weighted_by_the_output_is_wrong_as_autograd_confirms() -> None:
    v = verify(r"\sum_{n=1}^{N} G_{nk} y_{nk}", of=r"\frac{\partial L}{\partial b_k}", define=LAYER, given=LAYER_SHAPES)
    assert v.verdict == "wrong", str(v)
    cx = v.counterexample
    (n, k, d), val = (cx["sizes"][s] for s in "NKD"), cx["values"]
    x, w, g = _matrix(val, "x", n, d), _matrix(val, "W", k, d), _matrix(val, "G", n, k)
    grad = autograd.grad(lambda b: anp.sum(g * (anp.dot(x, w.T) + b)))(_vector(val, "b", k))
    assert float(Fraction(cx["derivative"])) == pytest.approx(grad[cx["indices"]["k"] - 1], rel=1e-12, abs=1e-15)
    assert Fraction(cx["claim"]) != Fraction(cx["derivative"])


@pytest.mark.parametrize("sign, verdict", [("-", "proved"), ("", "wrong")])
def test_rows_divided_by_their_norms_column_of_n_gradient_is_minus_row_dot_over_r_squared(sign: str,
                                                                                           verdict: str) -> None:
    v = verify(sign + r"\frac{1}{r_n^2}\sum_{d=1}^{D} G_{nd} X_{nd}", of=r"\frac{\partial L}{\partial r_n}",
               define=SCALED, given=SCALED_SHAPES)
    assert v.verdict == verdict, str(v)
    assert "r divides each column" in v.message, str(v)
    if verdict == "wrong":
        cx = v.counterexample
        (n, d), val = (cx["sizes"][s] for s in "ND"), cx["values"]
        x, g = _matrix(val, "X", n, d), _matrix(val, "G", n, d)
        grad = autograd.grad(lambda r: anp.sum(g * x / r[:, None]))(_vector(val, "r", n))
        assert float(Fraction(cx["derivative"])) == pytest.approx(grad[cx["indices"]["n"] - 1], rel=1e-12)


def test_a_column_vector_added_to_a_square_matrix_is_refused_naming_rows_and_columns() -> None:
    square = [r"X \in \mathbb{R}^{N \times N}", r"r \in \mathbb{R}^{N}", r"G \in \mathbb{R}^{N \times N}"]
    v = verify("1", of=r"\frac{\partial L}{\partial r_n}", define=SCALED, given=square)
    assert v.verdict == "unreadable" and "each row or each column" in v.message, str(v)


@pytest.mark.parametrize("sign, verdict", [("-", ("agrees", "proved")), ("", ("wrong",))])
def test_hinge_subgradient_by_w_is_minus_the_indicator_times_the_row_x_i(sign: str, verdict: tuple) -> None:
    """1(1 - w^T x_i > 0) is a scalar though x_i is written whole in it (its column index is summed)."""
    v = verify(sign + r"\mathbb{1}(1 - w^T x_i > 0) x_i", of=r"\frac{\partial L_i}{\partial w}",
               define=[r"L_i = \max(0, 1 - w^T x_i)"],
               given=[r"X \in \mathbb{R}^{N \times D}", r"w \in \mathbb{R}^{D}", r"i = 1, \dots, N"])
    assert v.verdict in verdict, str(v)
    if v.verdict == "wrong":
        cx = v.counterexample
        (n, d), val, (i, j) = (cx["sizes"][s] for s in "ND"), cx["values"], (cx["indices"][s] for s in "ij")
        x = _matrix(val, "x", n, d)
        grad = autograd.grad(lambda w: anp.maximum(0.0, 1 - anp.dot(w, x[i - 1])))(_vector(val, "w", d))
        assert float(Fraction(cx["derivative"])) == pytest.approx(grad[j - 1], rel=1e-12, abs=1e-15)
