"""Sizes as NumPy code asks for them (read/code_sizes.py): ``y.shape[0]`` and ``y.size`` are len(y), the size of the
vector, and ``self.m`` a class's stored sample count, the name m - as three pages of the dev sets write them
(``m = X.shape[0]`` in a qastack logistic-regression answer, ``2 * (y_pred - y) / y.size`` in jentjens' mse_prime,
``1/self.m * np.sum(...)`` in simdangelo's linear regression). Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.verify import verify

_GIVEN = [r"X \in \mathbb{R}^{m \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{m}"]
_OF = r"\frac{\partial L}{\partial w}"


def _autograd_gradient_is_2_over_m_xt_residual() -> bool:
    rng = np.random.default_rng(0)
    X, w, y = rng.normal(size=(5, 3)), rng.normal(size=3), rng.normal(size=5)
    g = grad(lambda w_: anp.sum((X @ w_ - y) ** 2) / y.size)(w)
    return np.allclose(g, 2 / 5 * X.T @ (X @ w - y))


@pytest.mark.parametrize("size", ["y.size", "y.shape[0]", "len(y)", "self.m"])
def test_a_size_written_as_code_divides_by_the_sample_count(size):
    assert _autograd_gradient_is_2_over_m_xt_residual()
    define = [f"L = np.sum((X @ w - y) ** 2) / {size}"]
    assert verify(r"\frac{2}{m} X^T (Xw - y)", of=_OF, define=define, given=_GIVEN).verdict in ("proved", "agrees")
    wrong = verify(r"2 X^T (Xw - y)", of=_OF, define=define, given=_GIVEN)
    assert wrong.verdict == "wrong"
    assert "size" in wrong.message or "self.m" in wrong.message  # the reading is noted


def test_the_size_of_a_matrix_by_its_first_axis_is_refused_not_guessed():
    v = verify(r"\frac{2}{m} X^T (Xw - y)", of=_OF, define=["L = np.sum((X @ w - y) ** 2) / X.shape[0]"],
               given=_GIVEN)
    assert v.verdict == "unreadable"
