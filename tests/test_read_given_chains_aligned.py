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


def test_a_given_definition_with_a_bold_parameter_names_its_head():
    # J(\mathbf{w}) = ..., as mirjalil's notebook and most course notes write a cost of a weight vector
    fact = r"J(\mathbf{w}) &= \frac{1}{2}(\mathbf{w}^T \mathbf{x} - y)^2 \\ &= \frac12 (\mathbf{x}^T\mathbf{w} - y)^2"
    rng = np.random.default_rng(6)
    x, w, y = rng.normal(size=3), rng.normal(size=3), 0.3
    assert np.allclose(autograd.grad(lambda v: 0.5 * (v @ x - y) ** 2)(w), x * (w @ x - y), rtol=1e-12)
    given = [fact, r"\mathbf{x} \in \mathbb{R}^n"]
    right = verify(r"\frac{\partial J}{\partial \mathbf{w}} = \mathbf{x}(\mathbf{w}^T\mathbf{x}-y)", given=given)
    assert right.verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial J}{\partial \mathbf{w}} = \mathbf{w}(\mathbf{w}^T\mathbf{x}-y)",
                  given=given).verdict == "wrong"
