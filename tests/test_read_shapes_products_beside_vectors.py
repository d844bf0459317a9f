"""A capital times a letter added to a vector is a matrix times a vector: with y \\in \\mathbb{R}^n, ``y - Xw``
(math.stackexchange 1962877: e = y - Xw), ``(y - X\\beta)^T(y - X\\beta)`` (compphysics.github.io week 35) and
``\\|y - X\\beta\\|^2`` read X as an n x m matrix and w (or beta) as an m-vector, noted; read as numbers, Xw was
spread over every entry of y."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given

GIVEN = [r"y \in \mathbb{R}^n"]


@pytest.mark.parametrize("written", ["e = y - Xw", "e = Xw - y", r"e = y - X\beta", r"e = y - X \beta"])
def test_y_minus_xw_is_y_minus_a_matrix_times_a_vector(written):
    ctx = Context()
    parse_given(GIVEN[0], ctx)
    d = parse_definition(written, ctx)
    (product,) = d.rhs.atoms(sp.Sum)
    assert len(ctx.tensors["X"].shape) == 2 and str(ctx.tensors["X"].shape[0]) == "n"
    assert ctx.tensors["X"].shape[1] == ctx.tensors["w" if "w" in written else "beta"].shape[0]
    assert {len(e.indices) for e in product.function.atoms(sp.Indexed)} == {1, 2}


def test_least_squares_gradient_over_xw_agrees_and_a_lost_two_is_wrong():
    rng = np.random.default_rng(8)
    X, y, w = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=3)
    assert np.allclose(grad(lambda w: anp.sum((y - X @ w) ** 2))(w), -2 * X.T @ (y - X @ w))  # autograd
    for define, var in ((r"L = \|y - Xw\|^2", "w"), (r"L = (y - X\beta)^T(y - X\beta)", r"\beta")):
        right = symgrad.verify(rf"\frac{{\partial L}}{{\partial {var}}} = -2X^T(y - X{var})", define=[define],
                               given=GIVEN)
        assert right.verdict in ("proved", "agrees") and "is added to a vector" in right.message
        half = symgrad.verify(rf"\frac{{\partial L}}{{\partial {var}}} = -X^T(y - X{var})", define=[define], given=GIVEN)
        assert half.verdict == "wrong"
