"""A loss the page never defines (issue 9, backprop pages): ``\\frac{\\partial L}{\\partial W} = X^T \\delta`` with only
``Z = XW + b`` defined reads L as an unknown scalar function of the one output Z, its gradient the upstream gradient
(``\\delta``, ``dZ``), so the claim is judged as the vector-Jacobian product; autograd gives the reference."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

import symgrad

LAYER = [r"X \in \mathbb{R}^{N \times D}", r"W \in \mathbb{R}^{D \times H}", r"b \in \mathbb{R}^{H}"]
RNG = np.random.default_rng(3)
X, W, B, G = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 2)), RNG.normal(size=2), RNG.normal(size=(4, 2))


def _vjp_by(k):
    """autograd's gradient of sum(G * (XW + b)) by argument k (X, W or b): the VJP a backward pass computes."""
    return grad(lambda x, w, b: anp.sum(G * (anp.dot(x, w) + b)), k)(X, W, B)


def test_the_references_are_the_textbook_linear_layer_gradients():
    np.testing.assert_allclose(_vjp_by(1), X.T @ G, rtol=1e-12)
    np.testing.assert_allclose(_vjp_by(0), G @ W.T, rtol=1e-12)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial W} = X^T \delta", "proved"),  # _vjp_by(1) = X^T G
    (r"\frac{\partial L}{\partial W} = 2 X^T \delta", "wrong"),
    (r"\frac{\partial L}{\partial X} = \delta W^T", "proved"),  # _vjp_by(0) = G W^T
    (r"\frac{dL}{dX} = \frac{dL}{dZ} W^T", "proved"),
    (r"\frac{\partial \mathcal{L}}{\partial W} = X^T dZ", "proved"),
])
def test_an_undefined_loss_of_a_linear_layer_is_read_through_its_upstream_gradient(claim, verdict):
    got = symgrad.verify(claim, define=["Z = XW + b"], given=LAYER)
    assert got.verdict == verdict, got.message
    assert "upstream gradient" in got.message


def test_the_cs231n_d_names_with_of_are_the_vector_jacobian_products():
    """y = x W^T + b (W is d_out x d_in): dx = dy W, dW = dy^T x (autograd: the VJP of sum(G * y))."""
    given = [r"x \in \mathbb{R}^{N \times d_{in}}", r"W \in \mathbb{R}^{d_{out} \times d_{in}}",
             r"b \in \mathbb{R}^{d_{out}}"]
    w = RNG.normal(size=(2, 3))
    ref = grad(lambda x, w: anp.sum(G * (anp.dot(x, w.T) + B)), 1)(X, w)
    np.testing.assert_allclose(ref, G.T @ X, rtol=1e-12)
    for claim, verdict in ((r"dW = dY^T \cdot x", "proved"), (r"dW = 2 dY^T \cdot x", "wrong")):
        got = symgrad.verify(claim, of=r"\frac{\partial L}{\partial W}", define=["y = xW^T + b"], given=given)
        assert got.verdict == verdict, got.message
        assert "dY read as its gradient by y" in got.message


def test_an_undefined_loss_with_two_outputs_is_refused_naming_both():
    got = symgrad.verify(r"\frac{\partial L}{\partial W} = X^T \delta", define=["Z = XW + b", "Y = XW"],
                         given=LAYER)
    assert got.verdict == "unreadable"
    assert "Z, Y" in got.message


def test_an_undefined_name_also_used_as_a_value_is_refused_not_read_as_a_loss():
    """da/dz = a(1 - a) with only sigma defined: a is the activation sigma(z), not a function of it; said, not guessed."""
    got = symgrad.verify(r"\frac{da}{dz} = a(1-a)", define=[r"\sigma = \frac{1}{1+e^{-z}}"])
    assert got.verdict == "unreadable"
    assert "uses it as a value" in got.message and "sigma" in got.message


def test_an_undefined_loss_whose_gradient_the_claim_never_names_is_refused():
    """(yhat - y) x for dL/dw with only yhat = wx + b: the page means a loss it did not give, not an upstream gradient."""
    got = symgrad.verify(r"\frac{\partial L}{\partial w} = (\hat y - y) x", define=[r"\hat y = w x + b"])
    assert got.verdict == "unreadable" and "does not name its gradient by yhat" in got.message


def test_dx_with_of_is_the_input_gradient_dy_w_and_its_x_is_no_stacked_sample():
    """y = x W^T + b: dx = dy W (autograd: the VJP of sum(G * y) by x); the X of the head dX is no name of its own."""
    given = [r"x \in \mathbb{R}^{N \times d_{in}}", r"W \in \mathbb{R}^{d_{out} \times d_{in}}",
             r"b \in \mathbb{R}^{d_{out}}"]
    w = RNG.normal(size=(2, 3))
    np.testing.assert_allclose(grad(lambda x: anp.sum(G * (anp.dot(x, w.T) + B)))(X), G @ w, rtol=1e-12)
    got = symgrad.verify(r"dX = dY \cdot W", of=r"\frac{\partial L}{\partial x}", define=["y = xW^T + b"], given=given)
    assert got.verdict == "proved", got.message
    assert "stacked" not in got.message
