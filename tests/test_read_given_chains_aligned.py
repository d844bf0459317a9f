"""A fact that is an equation chain on aligned lines (``J(w) &= A \\\\ &= B``, as notebooks restate a loss: mirjalil's
linear-regression notebook; mlcourse.ai topic 4 writes its chains the same way) defines its head by its first side,
the other sides noted as unchecked."""

from __future__ import annotations

import autograd
import numpy as np
import pytest

from symgrad import verify

CHAINS = [
    r"J(w) & = \frac{1}{2}(w x - y)^2 \\ & = \frac{1}{2}(xw - y)^2",
    r"J(w) &= \frac{1}{2}(w x - y)^2 \\ &= \frac{1}{2}\left(xw - y\right)^2 \\ &= \frac{1}{2}(y - xw)^2",
    r"J(w) = \frac{1}{2}(w x - y)^2 = \frac{1}{2}(xw - y)^2",
]


def test_squared_error_slope_matches_autograd():  # the reference the verdicts below rest on
    x, y, w = 1.7, -0.4, 0.9
    assert np.isclose(autograd.grad(lambda v: 0.5 * (v * x - y) ** 2)(w), x * (w * x - y), rtol=1e-12)


@pytest.mark.parametrize("chain", CHAINS)
def test_a_given_chain_defines_its_head_by_its_first_side(chain):
    right = verify(r"\frac{\partial J}{\partial w} = x(wx-y)", given=[chain])
    assert right.verdict == "proved" and "other sides of its = chain are not checked" in right.message
    assert verify(r"\frac{\partial J}{\partial w} = 2x(wx-y)", given=[chain]).verdict == "wrong"
