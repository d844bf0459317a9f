"""A fact that gives a name its value written out (``--given "y = np.array([0, 0, 1, 0])"``): code reaches the code
reader whole, and the array defines the name (symgrad.read.given_values)."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
from autograd import grad

from symgrad.verify.claim import verify

CROSS_ENTROPY = [r"L = -\sum_i y_i \log p_i", r"p = \mathrm{softmax}(z)"]


def _autograd_gradient(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    def loss(z):
        return -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z)))))
    return grad(loss)(z)


def test_a_given_numpy_array_defines_the_one_hot_target_so_the_gradient_is_p_minus_y():
    y, z = np.array([0.0, 0.0, 1.0, 0.0]), np.array([0.3, -1.2, 0.5, 2.0])
    p = np.exp(z) / np.exp(z).sum()
    assert np.allclose(_autograd_gradient(y, z), p - y, atol=1e-12)  # the claim's formula, checked independently
    verdict = verify(r"\frac{\partial L}{\partial z} = p - y", define=CROSS_ENTROPY,
                     given=["y = np.array([0, 0, 1, 0])"])
    assert verdict.verdict in ("proved", "agrees"), verdict
    assert "np.array" in str(verdict)  # read by the code reader, its np. intact


def test_the_given_array_is_the_value_used_so_p_minus_2y_is_wrong_where_y_is_one():
    y, z = np.array([0.0, 0.0, 1.0, 0.0]), np.zeros(4)
    assert not np.allclose(_autograd_gradient(y, z), np.full(4, 0.25) - 2 * y)
    verdict = verify(r"\frac{\partial L}{\partial z} = p - 2y", define=CROSS_ENTROPY,
                     given=["y = np.array([0, 0, 1, 0])"])
    assert verdict.verdict == "wrong", verdict


def test_a_given_bmatrix_of_numbers_defines_the_vector_with_its_size():
    verdict = verify(r"\frac{\partial L}{\partial z} = p - y", define=CROSS_ENTROPY,
                     given=[r"y = \begin{bmatrix}0 \\ 1 \\ 0\end{bmatrix}"])
    assert verdict.verdict in ("proved", "agrees"), verdict
    assert "read as a definition" in str(verdict)
