"""sigma applied to a whole vector and then indexed, sigma(z)_k, is how people write softmax and also reads as the
sigmoid of z_k: the reader refuses it naming both readings, and reads each unambiguous spelling."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad

GIVEN = [r"z \in \mathbb{R}^{K}", r"y \in \mathbb{R}^{K}"]


def test_sigma_of_a_vector_indexed_is_refused_naming_both_readings():
    with pytest.raises(symgrad.ParseError) as e:
        symgrad.derive(loss=r"L = -\sum_{k=1}^{K} y_k \log\sigma(z)_k", given=GIVEN, wrt=["z"])
    message = str(e.value)
    assert "two readings" in message and r"\mathrm{softmax}(z)_k" in message and r"\sigma(z_k)" in message
    assert "\n" not in message


@pytest.mark.parametrize(("spelling", "reference"), [
    (r"L = -\sum_{k=1}^{K} y_k \log\mathrm{softmax}(z)_k",
     lambda z, y: -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z)))))),
    (r"L = -\sum_{k=1}^{K} y_k \log\sigma(z_k)", lambda z, y: anp.sum(y * anp.log1p(anp.exp(-z)))),
])
def test_each_unambiguous_spelling_has_the_gradient_of_its_reading(spelling, reference):
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=4), np.eye(4)[1]
    grad = symgrad.compile(symgrad.derive(loss=spelling, given=GIVEN, wrt=["z"])).grad(z=z, y=y)["z"]
    np.testing.assert_allclose(grad, autograd.grad(reference)(z, y), rtol=1e-12, atol=1e-15)
