"""A function defined through another function at their shared parameter (``d(x) = s(x)(1 - s(x))``, so d's body
holds s at x) applies the other function at the argument too: d(u) is s(u)(1 - s(u)). Read with s left at x, a
page's right two-layer backprop chain was judged wrong."""

import autograd.numpy as anp
import pytest
from autograd import grad

import symgrad

SIGMOID = [r"s(x) = \frac{1}{1+e^{-x}}", r"d(x) = s(x)(1 - s(x))"]


def _sigmoid(t):
    return 1 / (1 + anp.exp(-t))


def test_the_helper_d_is_the_sigmoids_derivative_at_its_argument():
    u = 0.37
    assert grad(_sigmoid)(u) == pytest.approx(_sigmoid(u) * (1 - _sigmoid(u)), rel=1e-12)  # autograd
    v = symgrad.verify(r"\frac{dO}{dx} = d(x^2) 2x", define=[*SIGMOID, r"O = s(x^2)"])
    assert v.verdict == "proved"
    assert symgrad.verify(r"\frac{dO}{dx} = d(x) 2x", define=[*SIGMOID, r"O = s(x^2)"]).verdict == "wrong"


def test_a_two_layer_chain_through_the_helper_agrees_with_autograd():
    x, w1, w2 = 0.8, -0.4, 1.3
    truth = grad(lambda w1: _sigmoid(_sigmoid(x * w1 + 1) * w2 + 1))(w1)
    d = grad(_sigmoid)
    assert truth == pytest.approx(d(_sigmoid(x * w1 + 1) * w2 + 1) * w2 * d(x * w1 + 1) * x, rel=1e-12)
    define = [*SIGMOID, r"O = s(s(x w_1 + 1) w_2 + 1)"]
    claim = r"\frac{\partial O}{\partial w_1} = d(s(x w_1 + 1) w_2 + 1) w_2 d(x w_1 + 1) x"
    assert symgrad.verify(claim, define=define).verdict in ("proved", "agrees")
    assert symgrad.verify(claim.replace("w_2 d(", "d("), define=define).verdict == "wrong"


@pytest.mark.parametrize("name", [r"\ell", r"\phi", r"\mathcal{L}", "f"])
def test_nabla_of_a_defined_function_named_by_a_command_is_its_gradient(name):
    assert grad(lambda w: w ** 2 + anp.sin(w))(0.7) == pytest.approx(2 * 0.7 + anp.cos(0.7))  # autograd
    define = [name + r"(w) = w^2 + \sin w"]
    assert symgrad.verify(r"\nabla " + name + r"(w) = 2w + \cos w", define=define).verdict == "proved"
    assert symgrad.verify(r"\nabla " + name + r"(w) = 2w - \cos w", define=define).verdict == "wrong"
