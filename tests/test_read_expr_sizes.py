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


CE_OVER_SOFTMAX = [r"\mathcal{L}(\hat{Y}, Y) = \frac{1}{m}\sum_{i=1}^m\left(-\sum_{j=1}^Cy^{(i)}_j\log\hat{y}^{(i)}_j \right)",
                   r"\hat{y}_j^{(i)} = \frac{e^{x_j^{(i)}}}{\sum_{k=1}^ne^{x_k^{(i)}}}"]


def test_a_new_letter_written_only_as_a_sums_bound_names_the_size_the_page_gave_that_index():
    # held out 2 (srenevey): the class index runs to C in the loss and to n in the softmax: one size, noted
    x, y = np.array([[0.2, -0.4, 1.0], [0.5, 0.1, -0.3]]), np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])

    def loss(x):
        p = anp.exp(x) / anp.sum(anp.exp(x), axis=1, keepdims=True)
        return -anp.sum(y * anp.log(p)) / len(x)

    p = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    assert np.allclose(grad(loss)(x), (p * y.sum(axis=1, keepdims=True) - y) / len(x), rtol=1e-12)  # autograd
    ctx = Context()
    for d in CE_OVER_SOFTMAX:
        parse_definition(d, ctx)
    assert "n read as C: the page bounds this index by C before and writes n here only as a sum's bound" in ctx.notes
    of = r"\frac{\partial \mathcal{L}}{\partial x_l^{(i)}}"
    right = symgrad.verify(rf"{of} = \frac{{1}}{{m}}\left(\hat{{y}}_l^{{(i)}} \sum_{{k=1}}^C y_k^{{(i)}} - y_l^{{(i)}}\right)",
                           define=CE_OVER_SOFTMAX)
    assert right.verdict in ("proved", "agrees")
    missing = symgrad.verify(rf"{of} = -\sum_{{k=1}}^Cy_k^{{(i)}}(\delta_{{kl}} - \hat{{y}}_l^{{(i)}})", define=CE_OVER_SOFTMAX)
    assert (missing.verdict, missing.diagnosis) == ("wrong", "factor")


def test_two_sizes_written_for_one_index_in_one_formula_are_still_refused():
    with pytest.raises(symgrad.ParseError, match="size n does not match size N"):
        parse_definition(r"L = \sum_{i=1}^{N} x_i^2 + \sum_{i=1}^{n} x_i", Context())
