"""The identity written as pages write it: ``I_d``, ``I_{n}``, ``I_3`` (the size as its subscript), and a bare ``I``
beside matrices all declared square of one size, read as that identity and noted; a size that does not fit is a
shape mistake."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.verify import verify

RAYLEIGH = r"G(v) = \frac{v^{T}Av}{v^{T}v}"
RAYLEIGH_FACTS = [r"v \in \mathbb{R}^d", r"A \in \mathbb{R}^{d\times d}", r"A = A^T"]
RIDGE = r"L = \|y - Xw\|^2 + \lambda \|w\|^2"
RIDGE_FACTS = [r"X \in \mathbb{R}^{n \times d}", r"y \in \mathbb{R}^n", r"w \in \mathbb{R}^d"]


def test_autograd_gives_the_rayleigh_and_ridge_gradients_stated_below():
    rng = np.random.default_rng(3)
    a = rng.normal(size=(4, 4))
    a, v = a + a.T, rng.normal(size=4)
    expected = 2 / (v @ v) * (a - (v @ a @ v) / (v @ v) * np.eye(4)) @ v
    assert np.allclose(grad(lambda u: u @ a @ u / (u @ u))(v), expected)
    x, y, w, lam = rng.normal(size=(5, 4)), rng.normal(size=5), rng.normal(size=4), 0.7
    ridge = grad(lambda u: anp.sum((y - x @ u) ** 2) + lam * anp.sum(u ** 2))(w)
    assert np.allclose(ridge, 2 * (x.T @ x + lam * np.eye(4)) @ w - 2 * x.T @ y)


# https://math.techqa.club/gradient-of-the-rayleigh-quotient-2847017 (\triangledown, I_d)
@pytest.mark.parametrize("identity", ["I_d", "I_{d}", "I"])
def test_the_rayleigh_quotient_gradient_with_the_identity_written_i_d_is_proved(identity):
    claim = rf"\triangledown G(v) = \frac{{2}}{{\|v\|^2}}(A - \frac{{v^{{T}}Av}}{{v^{{T}}v}} {identity})v"
    v = verify(claim, define=[RAYLEIGH], given=RAYLEIGH_FACTS)
    assert v.verdict in ("proved", "agrees"), v.message
    assert "I read as the d x d identity matrix" in v.message


def test_a_wrong_rayleigh_gradient_with_i_d_is_wrong():
    claim = r"\nabla G(v) = \frac{2}{\|v\|^2}(A + \frac{v^{T}Av}{v^{T}v} I_d)v"
    assert verify(claim, define=[RAYLEIGH], given=RAYLEIGH_FACTS).verdict == "wrong"


@pytest.mark.parametrize("identity", ["I_d", "I_{d}"])
def test_the_ridge_gradient_with_the_identity_sized_by_its_subscript_is_proved(identity):
    v = verify(rf"\nabla_w L = 2(X^TX + \lambda {identity})w - 2X^Ty", define=[RIDGE], given=RIDGE_FACTS)
    assert v.verdict in ("proved", "agrees"), v.message


def test_an_identity_whose_subscript_size_does_not_fit_is_a_shape_mistake_naming_both_sizes():
    v = verify(r"\nabla_w L = 2(X^TX + \lambda I_n)w - 2X^Ty", define=[RIDGE], given=RIDGE_FACTS)
    assert v.verdict == "wrong" and "size d does not match size n" in v.message


def test_a_bare_identity_beside_a_rectangular_matrix_takes_the_size_its_use_gives_and_says_so():
    """X is n x d, so X^TX + \\lambda I needs I to be d x d: the one reading the declared shapes allow (read/ones,
    session 9's second round; it was refused before), noted. The ridge gradient above is autograd's; I dropped from
    the sum (X^TX + I without \\lambda) is wrong."""
    v = verify(r"\nabla_w L = 2(X^TX + \lambda I)w - 2X^Ty", define=[RIDGE], given=RIDGE_FACTS)
    assert v.verdict in ("proved", "agrees") and "I read as the identity matrix" in v.message
    assert verify(r"\nabla_w L = 2(X^TX + I)w - 2X^Ty", define=[RIDGE], given=RIDGE_FACTS).verdict == "wrong"
