"""``\\nabla L(X, B, x)`` of a function defined with several parameters of which its body uses one
(``L(X, B, x) = \\sum_i \\ln(1 + \\exp(-b_i \\langle a_i, x \\rangle))``: X and B name the data in the signature only) is
the gradient by that one, noted; where the body uses several the claim stays refused (say by which). Held out 8
fresh8-logreg-vova2409-gradient and its sign mutation."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

import symgrad

L = r"L(X, B, x) = \sum_{i=1}^{m} \ln(1 + \exp(-b_i \langle a_i, x \rangle))"


def test_the_logistic_gradient_agrees_with_autograd_and_is_proved():
    rng = np.random.default_rng(1)
    a, b, x = rng.normal(size=(5, 3)), rng.choice([-1.0, 1.0], size=5), rng.normal(size=3)
    want = grad(lambda v: anp.sum(anp.log1p(anp.exp(-b * (a @ v)))))(x)
    np.testing.assert_allclose(want, -((b / (1 + np.exp(b * (a @ x))))[:, None] * a).sum(0), rtol=1e-12)
    claim = (r"\nabla L(X, B, x) = -\sum_{i=1}^{m} \left( \frac{b_i}{1 + \exp(b_i \langle a_i, x \rangle)} \right) "
             r"a_i")
    v = symgrad.verify(claim, define=[L])
    assert v.verdict == "proved", str(v)
    assert "read as the gradient by x, the one parameter its definition uses (X, B appear only" in str(v)


def test_the_sign_slip_is_wrong():
    claim = r"\nabla L(X, B, x) = \sum_{i=1}^{m} \left( \frac{b_i}{1 + \exp(b_i \langle a_i, x \rangle)} \right) a_i"
    assert symgrad.verify(claim, define=[L]).verdict == "wrong"


@pytest.mark.parametrize("claim", [r"\nabla f(u, w) = 2u", r"\nabla f(u, w) = 2w"])
def test_a_body_using_several_parameters_is_still_refused(claim):
    v = symgrad.verify(claim, define=["f(u, w) = u^2 + w^2"])
    assert v.verdict == "unreadable" and "needs a variable" in v.message, str(v)
