"""A claim headed by the word gradient as code and pages write it (``grad_w = ...``, ``\\nabla = ...``,
``\\mathrm{grad}_{w} = ...``) is the derivative of the page's one loss by the name written, or by the loss's one
parameter; several weights are refused naming them. Reference gradients come from autograd."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad

GIVEN = [r"X \in \mathbb{R}^{n \times d}", r"y \in \mathbb{R}^{n}", r"w \in \mathbb{R}^{d}"]
RNG = np.random.default_rng(3)
X, Y, W, B = RNG.normal(size=(5, 3)), RNG.normal(size=5), RNG.normal(size=3), 0.7


def _right(v: symgrad.Verdict) -> bool:
    """Proved, or agreeing at every point where a loaded machine ran out of proof time."""
    return v.verdict in ("proved", "agrees")


@pytest.mark.parametrize(("claim", "right"), [
    (r"grad_w = 2 * X.T @ (X @ w + b - y)", True),
    (r"\mathrm{grad}_{w} = 2X^T(Xw + b - y)", True),
    (r"w_grad = 2 * X.T.dot(X @ w + b - y)", True),
    (r"grad_w = X.T @ (X @ w + b - y)", False),
])
def test_grad_w_is_the_loss_gradient_by_w(claim, right):
    """Code names the gradient by a word (github.com/joechengz/machine-learning project4/ridge.m: gradient = 2 * xTr *
    s' + 2 * lambda * w; github.com/sihaoxu/Machine-Learning cse517a_sp16/project4/ridge.m; a Python ridge's
    grad_w = (2/n)*((X.T) @ (Y_pred - Y)) + ...); here J = ||Xw + b - y||^2, its gradient by w 2 X^T(Xw + b - y)."""
    truth = autograd.grad(lambda w: anp.sum((X @ w + B - Y) ** 2))(W)
    assert np.allclose(truth, 2 * X.T @ (X @ W + B - Y))
    v = symgrad.verify(claim, define=[r"J = \|Xw + b - y\|^2"], given=GIVEN)
    assert _right(v) if right else v.verdict == "wrong"
    assert "read as the gradient of J (the one loss defined) by w" in v.message


def test_grad_b_names_the_bias():
    """grad_b = 2 sum(Xw + b - y): the gradient by the name after grad_."""
    assert np.isclose(autograd.grad(lambda b: anp.sum((X @ W + b - Y) ** 2))(B), 2 * np.sum(X @ W + B - Y))
    assert _right(symgrad.verify(r"grad_b = 2 * np.sum(X @ w + b - y)", define=[r"J = \|Xw + b - y\|^2"], given=GIVEN))


@pytest.mark.parametrize(("claim", "right"), [(r"\nabla = 2X^T(Xw - y)", True), (r"\nabla = X^T(Xw - y)", False)])
def test_bare_nabla_is_the_gradient_by_the_loss_one_parameter(claim, right):
    """https://math.techqa.club/gradient-of-mbox-tr-left-ax-t-ax-right-1112283 writes \\nabla_X f; a bare \\nabla
    with J(w) defined is by w, J's one parameter."""
    assert np.allclose(autograd.grad(lambda w: anp.sum((X @ w - Y) ** 2))(W), 2 * X.T @ (X @ W - Y))
    v = symgrad.verify(claim, define=[r"J(w) = \|Xw - y\|^2"], given=GIVEN)
    assert _right(v) if right else v.verdict == "wrong"


def test_gradient_word_with_two_weights_is_refused_naming_them():
    """J depends on w and b: a bare \\nabla could mean either."""
    v = symgrad.verify(r"\nabla = 2X^T(Xw + b - y)", define=[r"J = \|Xw + b - y\|^2"], given=GIVEN)
    assert v.verdict == "unreadable"
    assert "depends on the parameters b, w" in v.message
