"""Rows by use: an undeclared x written x_i^T w, or w^T x_i beside a declared vector w, is row i of a matrix x (a
number has no transpose; a row vector needs a column), its column size that of w; noted. Read as a number, x_i^T w
made w x_i a vector and L one loss per component of w."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given

GIVEN = [r"w \in \mathbb{R}^{d}", r"i = 1, \dots, N"]


@pytest.mark.parametrize("written", [r"L = \sum_{i=1}^{N} (y_i - x_i^T w)^2", r"L = \sum_{i=1}^{N} (y_i - w^T x_i)^2"])
def test_an_undeclared_x_i_beside_a_vector_is_row_i_of_a_matrix(written):
    ctx = Context()
    for fact in GIVEN:  # w a d-vector, i running to N
        parse_given(fact, ctx)
    d = parse_definition(written, ctx)
    assert [str(e) for e in ctx.tensors["x"].shape] == ["N", "d"]
    assert isinstance(d.lhs, sp.Symbol)  # one loss, not one per component of w
    (inner,) = [s for s in d.rhs.atoms(sp.Sum) if str(s.variables[0]) != "i"]
    assert {str(e.base) for e in inner.function.atoms(sp.Indexed)} == {"w", "x"}


def test_the_least_squares_gradient_by_rows_is_proved_and_its_missing_two_is_wrong():
    rng = np.random.default_rng(2)
    x, y, w, b = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3), 0.2
    assert np.allclose(grad(lambda w: anp.sum((x @ w + b - y) ** 2))(w), 2 * x.T @ (x @ w + b - y))  # autograd
    define = [r"\hat{y}_i = w^T x_i + b", r"L = \sum_{i=1}^{N} (\hat{y}_i - y_i)^2"]
    right = symgrad.verify(r"\frac{\partial L}{\partial w} = \sum_{i=1}^{N} 2(\hat{y}_i - y_i) x_i", define=define,
                           given=GIVEN)
    assert right.verdict == "proved" and "x_i read as row i of a matrix x" in right.message
    half = symgrad.verify(r"\frac{\partial L}{\partial w} = \sum_{i=1}^{N} (\hat{y}_i - y_i) x_i", define=define,
                          given=GIVEN)
    assert half.verdict == "wrong"


def test_a_scalar_weight_keeps_x_a_vector_of_samples():
    d = parse_definition(r"\hat{y}_i = w x_i + b", Context())
    assert d.rhs == sp.Symbol("b") + sp.Symbol("w") * d.rhs.atoms(sp.Indexed).pop()
