"""An estimate of a declared array (read/shapes_estimates): ``\\hat{y}`` beside ``y \\in \\mathbb{R}^m``, nothing
declaring or defining the hat, is an array of y's shape. Judged: the gradient of the mean squared error
(yhat - y)^T (yhat - y) / m by yhat is 2 (yhat - y) / m; half of it is wrong."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad.read.shapes_estimates import estimate_of

_Y = sp.IndexedBase("Y", shape=(sp.Symbol("m"), sp.Symbol("n")))


def test_the_hat_of_a_declared_array_has_its_shape():
    base, note = estimate_of("Yhat", {"Y": _Y}.get)
    assert base.shape == _Y.shape and "estimate of Y" in note


@pytest.mark.parametrize("name", ["Ybar", "Y", "hat", "zhat"])
def test_no_estimate_without_a_hat_of_a_declared_array(name):
    assert estimate_of(name, {"Y": _Y, "z": sp.Symbol("z")}.get) is None


@pytest.mark.parametrize(("factor", "verdict"), [("2", "proved"), ("1", "wrong")])
def test_the_mean_squared_error_by_the_estimate(factor, verdict):
    v = symgrad.verify(rf"\frac{{\partial L}}{{\partial \hat{{\mathbf{{Y}}}}}} = \frac{{{factor}}}{{m}}(\hat{{\mathbf{{Y}}}} - \mathbf{{Y}})",
                       define=[r"L = (\hat{\mathbf{Y}} - \mathbf{Y})^T(\hat{\mathbf{Y}} - \mathbf{Y})/m"],
                       given=[r"\mathbf{Y} \in \mathbb{R}^m"])
    assert v.verdict == verdict, str(v)
