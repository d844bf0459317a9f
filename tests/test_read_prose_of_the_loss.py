"""--of in words that name the variable and not the function (``Taking derivative w.r.t W``: the derivative of the one
loss, as an operator with nothing after it reads) or the function and not the variable (``the gradient of
$\\theta^T X^TX\\theta$``: by the variable of the claim's shape, noted)."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify

MEAN_SQUARED = r"\frac1N \left\|XW-Y\right\|_{\text{F}}^2"


def test_frobenius_mse_gradient_matches_autograd():  # the reference the verdicts below rest on
    rng = np.random.default_rng(3)
    x, w, y = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=(5, 2))
    truth = autograd.grad(lambda v: anp.sum((x @ v - y) ** 2) / 5)(w)
    assert np.allclose(truth, 2 / 5 * x.T @ (x @ w - y), rtol=1e-12)


@pytest.mark.parametrize("of", [
    "Taking derivative w.r.t W",  # math.stackexchange 2128462
    "Taking the partial derivative with respect to $W$ gives",  # A First Course in Machine Learning, 1.2 (fliphtml5)
    "by taking the derivative with respect to W, we get:",  # community answer (Deep Learning with TensorFlow 2)
    "differentiating with respect to $W$",
    "the gradient wrt W.",
])
def test_a_derivative_by_a_named_variable_of_nothing_named_is_the_losss(of):
    right = verify(r"\frac 2N \, X^T(XW-Y)", of=of, define=[MEAN_SQUARED])
    assert right.verdict == "proved" and "derivative operator with nothing after it" in right.message
    assert verify(r"\frac 1N \, X^T(XW-Y)", of=of, define=[MEAN_SQUARED]).verdict == "wrong"


def test_a_derivative_by_words_is_refused_by_name():
    v = verify(r"\frac 2N \, X^T(XW-Y)", of="the gradient w.r.t. the weights", define=[MEAN_SQUARED])
    assert v.verdict == "unreadable" and "names a derivative in words" in v.message


def test_the_gradient_of_a_formula_is_by_the_variable_of_the_claims_shape():
    rng = np.random.default_rng(4)
    x, t = rng.normal(size=(4, 3)), rng.normal(size=3)
    truth = autograd.grad(lambda v: v @ x.T @ x @ v)(t)
    assert np.allclose(truth, 2 * t @ x.T @ x, rtol=1e-12)
    of = r"the gradient of $\theta^T X^TX \theta$"  # math.stackexchange 3836781 (textbook row)
    right = verify(r"2\theta^TX^TX", of=of)
    assert right.verdict in ("proved", "agrees") and "the one variable of the claim's shape" in right.message
    assert verify(r"\theta^TX^TX", of=of).verdict == "wrong"
