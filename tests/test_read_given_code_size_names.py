"""Sizes named as code names them, in a shape (``X has shape (n_samples, n_features)``, ``\\mathbb{R}^{n_samples \\times
n_features}``, as scikit-learn's docstrings write them): one size each, the letters glued after ``_`` its subscript
(``n_s`` times ``amples`` is no size)."""

from __future__ import annotations

from symgrad import verify
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


def test_a_size_named_with_an_underscore_is_one_size_in_a_space_and_in_words():
    for fact in (r"X \in \mathbb{R}^{n_samples \times n_features}", "X has shape (n_samples, n_features)"):
        ctx = Context()
        parse_given(fact, ctx)
        assert [str(d) for d in ctx.tensors["X"].shape] == ["n_{samples}", "n_{features}"]


def test_the_least_squares_gradient_with_code_named_sizes():
    given = ["X has shape (n_samples, n_features)", "w has shape (n_features,)", "y has shape (n_samples,)"]
    define = [r"L = \| X w - y \|^2"]
    assert verify(r"\frac{\partial L}{\partial w} = 2 X^T (X w - y)", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial w} = X^T (X w - y)", define=define, given=given).verdict == "wrong"
