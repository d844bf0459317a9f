"""Definitions with prose: a parenthesised where-clause saying what a letter is (the sigmoid, tanh, ReLU), read as
that function's definition, noted."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify

BCE = ["BCE = - [y·log(ŷ) + (1-y)·log(1-ŷ)]", "ŷ = σ(z) (where σ is the sigmoid function)", "z = ax + b"]


def test_bce_through_a_sigmoid_named_in_a_parenthesis_is_judged_against_autograd():
    a, b, x, y = 0.7, -0.2, 1.3, 1.0
    def bce(a_):
        p = 1 / (1 + anp.exp(-(a_ * x + b)))
        return -(y * anp.log(p) + (1 - y) * anp.log(1 - p))

    yhat = 1 / (1 + np.exp(-(a * x + b)))
    assert np.isclose(autograd.grad(bce)(a), (yhat - y) * x, rtol=1e-12)
    right = verify("∂BCE/∂a = (ŷ - y) * x", define=BCE)
    assert right.verdict == "proved" and "'σ is the sigmoid function' after 'where'" in right.message
    assert verify("∂BCE/∂a = (y - ŷ) * x", define=BCE).verdict == "wrong"


@pytest.mark.parametrize("words, right, wrong", [
    ("the tanh function", "1 - g(z)^2", "1 + g(z)^2"),  # d tanh = 1 - tanh^2
    ("the ReLU", "1", "0"),  # z > 0: the slope is 1
])
def test_a_letter_said_to_be_an_activation_in_a_parenthesis_is_that_function(words, right, wrong):
    define, given = [f"L = g(z) (where g is {words})"], ["z > 0"]
    assert verify(rf"\frac{{dL}}{{dz}} = {right}", define=define, given=given).verdict in ("proved", "agrees")
    assert verify(rf"\frac{{dL}}{{dz}} = {wrong}", define=define, given=given).verdict == "wrong"


ROWS = [r"S \in \mathbb{R}^{n \times m}"]
JACOBIAN = r"\frac{\partial P_{ij}}{\partial S_{ik}} = P_{ij}(\delta_{jk} - P_{ik})"  # the row softmax's own Jacobian


@pytest.mark.parametrize("words", ["along the last axis", "(row-wise)", r", \text{row-wise}", "axis=-1"])
def test_a_softmax_said_along_the_last_axis_is_the_row_softmax_noted(words):
    v = verify(JACOBIAN, define=[rf"P = \mathrm{{softmax}}(S) {words}"], given=ROWS)
    assert v.verdict == "proved" and "the softmax taken along each row" in v.message
    assert verify(JACOBIAN.replace("- P_{ik}", "- P_{ij}"), define=[rf"P = \mathrm{{softmax}}(S) {words}"],
                  given=ROWS).verdict == "wrong"


def test_a_softmax_down_the_columns_is_refused_not_read_as_rows():
    v = verify(JACOBIAN, define=[r"P = \mathrm{softmax}(S) along the first axis"], given=ROWS)
    assert v.verdict == "unreadable" and "down each column" in v.message
