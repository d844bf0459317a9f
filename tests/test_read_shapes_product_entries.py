"""The entry of a product of names nobody declared, ``(Xw)_n``, ``(X\\theta)_i``: an entry is taken only of an array,
so the capital is a matrix and the letter a vector of its column size (noted), not two numbers; checked against
autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.verify import verify


def test_autograd_gives_the_least_squares_gradient_stated_below():
    rng = np.random.default_rng(11)
    x, y, w = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    loss = lambda u: anp.sum((y - x @ u) ** 2) / (2 * 6)
    assert np.allclose(grad(loss)(w), -x.T @ (y - x @ w) / 6)


# kiwix math.stackexchange 1962877 (L(w), (Xw)_n), the (X\theta)_i of Ng's CS229 notes as pages copy them
@pytest.mark.parametrize(("definition", "claim"), [
    (r"L(w) = \frac{1}{2N}\sum_{n=1}^N(y_n - (Xw)_n)^2",
     r"\frac{\partial L}{\partial w_j} = -\frac{1}{N}\sum_{n=1}^N x_{nj}(y_n - (Xw)_n)"),
    (r"L = \frac{1}{2N}\sum_{n=1}^N(y_n - (Xw)_n)^2", r"\frac{\partial L}{\partial w} = -\frac{1}{N}X^T(y - Xw)"),
    (r"J(\theta) = \frac{1}{2m}\sum_{i=1}^m ((X\theta)_i - y_i)^2",
     r"\nabla_\theta J = \frac{1}{m}X^T(X\theta - y)"),
])
def test_the_least_squares_gradient_through_an_entry_of_X_w_is_proved(definition, claim):
    v = verify(claim, define=[definition])
    assert v.verdict == "proved", v.message
    assert "_i of their product is taken" in v.message


def test_a_sign_slip_in_the_least_squares_gradient_through_X_w_is_wrong():
    v = verify(r"\frac{\partial L}{\partial w_j} = -\frac{1}{N}\sum_{n=1}^N x_{nj}(y_n + (Xw)_n)",
               define=[r"L(w) = \frac{1}{2N}\sum_{n=1}^N(y_n - (Xw)_n)^2"])
    assert v.verdict == "wrong", v.message


def test_a_capital_used_as_a_number_before_its_product_entry_is_not_made_a_matrix():
    v = verify(r"\frac{\partial L}{\partial w} = 0", define=[r"L = X + \sum_{n=1}^N(y_n - (Xw)_n)^2"])
    assert v.verdict == "unreadable" and "takes 0 indices" in v.message
