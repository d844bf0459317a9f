"""A defined name then one bracketed factor after a space (``d (a)^T``, a two-layer network's dW = d a^T) is a
product, as ``Q (K^T)`` is; glued, ``L(w)`` names the name's input and is skipped. Read as named inputs, ``d (a)^T``
was ``d^T`` (refused) and ``d (y)`` was d itself, the factor y silently dropped (a WRONG claim proved); checked against
autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
from autograd import grad

from symgrad.verify import verify

_GIVEN = [r"a \in \mathbb{R}^n", r"W \in \mathbb{R}^{1 \times n}"]
_DEFINE = ["z = W a", r"L = \frac{1}{2}(z - y)^2", "d = z - y"]


def test_autograd_gives_the_layer_gradient_d_times_a_transposed():
    rng = np.random.default_rng(5)
    a, w, y = rng.normal(size=3), rng.normal(size=(1, 3)), 0.7
    loss = lambda u: 0.5 * anp.sum((u @ a - y) ** 2)
    assert np.allclose(grad(loss)(w), (w @ a - y) * a[None, :])


def test_a_spaced_bracket_after_a_defined_name_is_a_factor():
    right = verify(r"\frac{\partial L}{\partial W} = d (a)^T", define=_DEFINE, given=_GIVEN)
    assert right.verdict == "proved", right.message
    wrong = verify(r"\frac{\partial L}{\partial W} = y (a)^T", define=_DEFINE, given=_GIVEN)
    assert wrong.verdict == "wrong", wrong.message


def test_a_spaced_factor_is_no_longer_dropped_but_a_glued_input_still_is():
    dropped = verify(r"\frac{\partial L}{\partial z} = d (y)", define=_DEFINE, given=_GIVEN)
    assert dropped.verdict == "wrong", dropped.message  # d times y, not d
    named = verify(r"\frac{\partial L}{\partial z} = d(y)", define=_DEFINE, given=_GIVEN)
    assert named.verdict == "proved", named.message
