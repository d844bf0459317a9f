"""A function given no formula (``\\sigma is an activation function``, ``f is a differentiable function``, ``g is any
function``) is refused by name until the reader can judge with it abstract; a named function (``the sigmoid
function``) still reads as its definition."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify

CLAIM, LOSS = r"\frac{\partial L}{\partial w} = \sigma(wx)(1 - \sigma(wx)) x", [r"L = \sigma(wx)"]


@pytest.mark.parametrize("fact, name", [
    (r"\sigma \text{ is an activation function}", r"\sigma"),  # e.g. neural-network notes: "σ is the activation"
    (r"$\sigma$ is the activation function", r"\sigma"),
    ("f is a differentiable function", "f"),  # calculus answers: "Let f be a differentiable function"
    ("let g be any function", "g"),
])
def test_a_function_without_a_formula_is_refused_by_name(fact, name):
    v = verify(CLAIM, define=LOSS, given=[fact])
    assert v.verdict == "unreadable" and f"leaves {name} a function without a formula" in v.message
    assert v.column == fact.find(name) + 1


def test_the_sigmoid_function_named_in_words_still_reads():
    x, w = 0.7, -1.2
    s = 1 / (1 + np.exp(-w * x))
    assert np.isclose(autograd.grad(lambda v: 1 / (1 + anp.exp(-v * x)))(w), s * (1 - s) * x, rtol=1e-12)
    assert verify(CLAIM, define=LOSS, given=[r"\sigma is the sigmoid function"]).verdict == "proved"
    assert verify(CLAIM.replace("(1 - ", "(2 - "), define=LOSS, given=[r"\sigma is the sigmoid function"]).verdict == "wrong"
