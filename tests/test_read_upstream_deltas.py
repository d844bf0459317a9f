"""symgrad.read backward-pass notation (issue 9): ``\\delta x_i = \\sum_k \\delta y_k \\frac{\\partial y_k}{\\partial x_i}``
with only y defined: δx is the gradient by x of a loss the page leaves unnamed, δy its upstream gradient by the one
output y (noted); ``\\delta`` times a name (``\\delta x_i`` after a derivative head) stays a product. References are
autograd vector-Jacobian products."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

from symgrad import verify

SOFTMAX = [r"y_j = \frac{\exp(x_j)}{\sum_k{\exp(x_k)}}"]  # https://sleepy-programmer (softmax backward pass)
SIGMOID = [r"a_i = \frac{1}{1+e^{-z_i}}"]


def test_the_reference_vector_jacobian_products():
    rng = np.random.default_rng(4)
    x, dy = rng.normal(size=4), rng.normal(size=4)
    y = np.exp(x) / np.exp(x).sum()
    dx = grad(lambda x: anp.sum(dy * anp.exp(x) / anp.sum(anp.exp(x))))(x)
    assert np.allclose(dx, dy * y - y * np.sum(dy * y), atol=1e-12)
    a = 1 / (1 + np.exp(-x))
    assert np.allclose(grad(lambda z: anp.sum(dy / (1 + anp.exp(-z))))(x), dy * a * (1 - a), atol=1e-12)


@pytest.mark.parametrize("claim", [
    r"\delta x_i = \sum_k{ \delta y_k \frac{\partial y_k}{\partial x_i} } = \delta y_i y_i - y_i \sum_k{ \delta y_k y_k }",
    r"δx_i = δy_i y_i - y_i \sum_k δy_k y_k",
])
def test_a_delta_head_is_the_gradient_of_an_unnamed_loss_with_delta_y_its_upstream_gradient(claim):
    v = verify(claim, define=SOFTMAX)
    assert v.verdict == "proved" and "upstream gradient by y (backprop's notation)" in v.message
    assert verify(claim.replace("- y_i", "-"), define=SOFTMAX).verdict == "wrong"


def test_a_delta_head_through_an_elementwise_sigmoid():
    assert verify(r"\delta z_i = \delta a_i a_i (1 - a_i)", define=SIGMOID).verdict == "proved"
    assert verify(r"\delta z_i = \delta a_i (1 - a_i)", define=SIGMOID).verdict == "wrong"


def test_delta_after_a_derivative_head_is_the_error_signal_times_the_name():
    v = verify(r"\frac{\partial L}{\partial w_i} = \delta x_i", define=[r"y = \sum_i w_i x_i"])
    assert v.verdict == "proved" and "backprop's notation" not in v.message
