"""Backprop code's names for derivatives as a claim's head (issue 9): ``dA = dC B^T`` (C = AB), ``dw = ...`` with the loss
defined, ``dLdW = dLdY.T @ X``, ``dydx``, ``dsigmoid(x)``: d + a name the problem knows is the derivative of the loss by it
(noted); where d is itself a name, refused naming both readings. References from autograd."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import elementwise_grad, grad

import symgrad

MATMUL = [r"A \in \mathbb{R}^{m \times n}", r"B \in \mathbb{R}^{n \times p}"]


def test_the_matmul_backward_references_are_dc_b_transpose_and_a_transpose_dc():
    rng = np.random.default_rng(1)
    a, b, g = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=(2, 4))
    np.testing.assert_allclose(grad(lambda a: anp.sum(g * anp.dot(a, b)))(a), g @ b.T, rtol=1e-12)
    np.testing.assert_allclose(grad(lambda b: anp.sum(g * anp.dot(a, b)))(b), a.T @ g, rtol=1e-12)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"dA = dC B^T", "proved"),
    (r"dB = A^T dC", "proved"),
    (r"dB = 2 A^T dC", "wrong"),
])
def test_d_names_of_a_matrix_product_are_the_vector_jacobian_products_with_dc(claim, verdict):
    got = symgrad.verify(claim, define=["C = A B"], given=MATMUL)
    assert got.verdict == verdict, got.message
    assert "d + a name, not defined" in got.message and "dC read as its gradient by C" in got.message


@pytest.mark.parametrize(("claim", "verdict"), [("dw = 2 w", "proved"), ("dw = 3 w", "wrong")])
def test_a_d_name_with_the_loss_defined_is_the_derivative_of_that_loss(claim, verdict):
    assert grad(lambda w: w ** 2)(1.5) == 3.0  # 2w at w = 1.5
    assert symgrad.verify(claim, define=["L = w^2"]).verdict == verdict


def test_code_dldw_is_dl_by_dw_with_the_upstream_gradient_dldy():
    given = [r"X \in \mathbb{R}^{n \times k}", r"W \in \mathbb{R}^{m \times k}"]
    got = symgrad.verify("dLdW = dLdY.T @ X", define=["Y = X @ W.T"], given=given)
    assert got.verdict == "proved", got.message
    assert symgrad.verify("dLdW = 2 * dLdY.T @ X", define=["Y = X @ W.T"], given=given).verdict == "wrong"


@pytest.mark.parametrize(("claim", "verdict"), [
    ("dsigmoid(x) = sech(x)*sech(x)", "proved"),
    ("dsigmoid(x) = 1-x*x", "wrong"),  # 1 - tanh^2 written with x for tanh(x)
])
def test_d_of_a_defined_function_is_its_derivative_at_the_argument(claim, verdict):
    x = np.linspace(-2, 2, 5)
    np.testing.assert_allclose(elementwise_grad(anp.tanh)(x), 1 / np.cosh(x) ** 2, rtol=1e-12)
    assert symgrad.verify(claim, define=["sigmoid(x) = tanh(x)"]).verdict == verdict


def test_dydx_written_together_is_the_derivative_of_y_by_x():
    assert symgrad.verify("dydx = 2*x", define=["y = x^2"]).verdict == "proved"
    assert symgrad.verify("dydalpha = 3*alpha", define=[r"y = \alpha^2"]).verdict == "wrong"


def test_a_d_name_where_d_is_a_name_is_refused_naming_both_readings():
    got = symgrad.verify("dx = 2 x", define=["L = d x^2"])
    assert got.verdict == "unreadable"
    assert "d times x" in got.message and "derivative of the loss by x" in got.message
