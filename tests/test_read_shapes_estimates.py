"""An estimate of a declared array (read/shapes_estimates): ``\\hat{\\mathbf{Y}}`` beside ``\\mathbf{Y} \\in
\\mathbb{R}^m``, nothing declaring or defining the hat, is an array of Y's shape; a plain ``\\hat{y}`` beside a vector
y may be one number (sum_i (yhat - y_i)^2) and stays so. Judged: the gradient of the mean squared error
(Yhat - Y)^T (Yhat - Y) / m by Yhat is 2 (Yhat - Y) / m; half of it is wrong."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad.read.shapes_estimates import estimate_of

_Y = sp.IndexedBase("Y", shape=(sp.Symbol("m"), sp.Symbol("n")))


def test_the_hat_of_a_declared_array_has_its_shape():
    base, note = estimate_of("Yhat", {"Y": _Y}.get, False)
    assert base.shape == _Y.shape and "estimate of Y" in note


@pytest.mark.parametrize(("name", "bold"), [("Ybar", True), ("Y", True), ("hat", True), ("zhat", True), ("yhat", False)])
def test_no_estimate_without_a_bold_or_capital_hat_of_a_declared_array(name, bold):
    assert estimate_of(name, {"Y": _Y, "y": _Y, "z": sp.Symbol("z")}.get, bold) is None


def test_a_plain_hat_beside_a_vector_stays_one_number():
    v = symgrad.verify(r"\frac{\partial L}{\partial \hat{y}} = 2\sum_i(\hat{y} - y_i)", define=[r"L = \sum_i (\hat{y} - y_i)^2"],
                       given=[r"y \in \mathbb{R}^n"])
    assert v.verdict == "proved", str(v)


@pytest.mark.parametrize(("factor", "verdict"), [("2", "proved"), ("1", "wrong")])
def test_the_mean_squared_error_by_the_estimate(factor, verdict):
    v = symgrad.verify(rf"\frac{{\partial L}}{{\partial \hat{{\mathbf{{Y}}}}}} = \frac{{{factor}}}{{m}}(\hat{{\mathbf{{Y}}}} - \mathbf{{Y}})",
                       define=[r"L = (\hat{\mathbf{Y}} - \mathbf{Y})^T(\hat{\mathbf{Y}} - \mathbf{Y})/m"],
                       given=[r"\mathbf{Y} \in \mathbb{R}^m"])
    assert v.verdict == verdict, str(v)
