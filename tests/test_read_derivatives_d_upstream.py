"""Backprop code's ``dx = dy * (...)`` with y = f(x) defined: dy, d + the output written together, is the upstream
gradient dL/dy of a loss L the page never defines, and dx is dL/dx (not dy/dx, as the head alone reads where the
claim names no upstream gradient). Held out 9 fresh9-swish-pytorch110815-caffe2 (Caffe2's swish gradient op)."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import elementwise_grad
from autograd import numpy as anp

import symgrad

SWISH = r"y = x \sigma(x)"


def _swish(x):
    return x / (1 + anp.exp(-x))


def test_the_backward_formula_is_the_upstream_gradient_times_the_derivative():
    x = np.linspace(-3, 3, 7)
    y, s = _swish(x), 1 / (1 + np.exp(-x))
    np.testing.assert_allclose(elementwise_grad(_swish)(x), y + s * (1 - y), rtol=1e-12)  # the claim's factor
    v = symgrad.verify(r"dx = dy * (y + \sigma (x)*(1-y))", define=[SWISH])
    assert v.verdict == "proved", str(v)
    assert r"dx (d + a name, not defined) read as \frac {\partial L}{\partial x}" in str(v)
    assert "dy read as its gradient by y, the upstream gradient" in str(v)


@pytest.mark.parametrize("claim", [r"dx = dy * (y + \sigma (x)*(1+y))", r"dx = dy * (y + \sigma (x))"])
def test_a_slip_in_the_factor_is_wrong(claim):
    assert symgrad.verify(claim, define=[SWISH]).verdict == "wrong"


def test_without_the_upstream_gradient_dx_is_the_derivative_of_the_output():
    v = symgrad.verify(r"dx = y + \sigma (x)*(1-y)", define=[SWISH])
    assert v.verdict == "proved" and r"read as \frac {\partial y}{\partial x}" in str(v), str(v)
