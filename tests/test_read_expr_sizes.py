"""Sizes the reader invents are provisional: an index nothing sizes runs to N until a bound is written, and the
first bound written (\\sum_{i=1}^{m}) is its size from then on, noted; two bounds the user wrote that differ stay
an error."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_expression

SCALE = [r"y_i = \gamma x_i + \beta", r"L = \frac{1}{2} \sum_{i=1}^{m} y_i^2"]


def test_an_index_nothing_sizes_takes_the_first_bound_written_later():
    ctx = Context()
    parse_definition(SCALE[0], ctx)
    parse_definition(SCALE[1], ctx)
    m = sp.Symbol("m", integer=True, positive=True)
    i = sp.Idx(sp.Symbol("i", integer=True), (1, m))
    assert ctx.ranges["i"] == i and ctx.tensors["x"].shape == (m,)
    y = ctx.definitions["y"]
    assert y.lhs.base.shape == (m,) and "N" not in ctx.sizes
    value = parse_expression(r"\sum_{i=1}^{m} y_i x_i", ctx)
    assert sp.Symbol("N", integer=True, positive=True) not in value.free_symbols
    assert value.dummy_eq(sp.Sum(sp.IndexedBase("y", shape=(m,))[i] * sp.IndexedBase("x", shape=(m,))[i], (i, 1, m)))


def test_the_scale_gradient_over_a_size_written_after_the_definition_is_proved_and_noted():
    rng = np.random.default_rng(1)
    x, gamma, beta = rng.normal(size=5), 0.7, -0.2
    truth = grad(lambda g: 0.5 * anp.sum((g * x + beta) ** 2))(gamma)
    assert np.isclose(truth, np.sum((gamma * x + beta) * x), rtol=1e-12)  # autograd
    right = symgrad.verify(r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} y_i x_i", define=SCALE)
    assert right.verdict == "proved" and "N that the reader gave an index nothing sized is m" in right.message
    wrong = symgrad.verify(r"\frac{\partial L}{\partial \gamma} = \sum_{i=1}^{m} y_i", define=SCALE)
    assert wrong.verdict == "wrong"


def test_two_bounds_written_differently_are_still_a_size_mismatch():
    ctx = Context()
    parse_definition(r"y_i = 2 x_i", ctx)
    with pytest.raises(ParseError, match="size n does not match size m"):
        parse_definition(r"L = \sum_{i=1}^{m} y_i + \sum_{i=1}^{n} x_i", ctx)
