"""A sum over part of an array's range: ``\\sum^N_{j=2} a_{1j} x_j`` (omarelamri's notion notes on x^T A x) runs j
from 2 over an array of N entries; ``\\sum_{j=1}^{N-1} x_j`` over the first N - 1 of them. The index's extent (N - 1)
is not the array's size: only where it ends at a size is it the array's. ``a_{1j}`` beside ``a_{ij}`` is the entry
(1, j), a number and a letter as two indices."""

import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_expression, parse_given

DEFINE = [r"f(\mathbf{x}) = \sum^N_{i} \sum^N_{j} x_i \cdot a_{ij} \cdot x_j"]
OF = r"\dfrac{\partial f(\mathbf{x})}{\partial x_1}"


@pytest.mark.parametrize(("written", "bounds"), [(r"\sum_{j=2}^{N} x_j", (2, "N")), (r"\sum^N_{j=2} x_j", (2, "N")),
                                                 (r"\sum_{j=1}^{N-1} x_j", (1, "N - 1"))])
def test_a_sum_over_part_of_a_declared_vector_keeps_the_vector_size(written, bounds):
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^{N}", ctx)
    (total,) = parse_expression(written, ctx).atoms(sp.Sum)
    assert (total.limits[0][1], str(total.limits[0][2])) == bounds
    assert [str(d) for d in ctx.tensors["x"].shape] == ["N"]


def test_a_number_and_a_letter_index_a_matrix():
    ctx = Context()
    parse_given(r"a \in \mathbb{R}^{n \times n}", ctx)
    a, j = ctx.tensors["a"], parse_expression(r"a_{1j}", ctx).indices[1]
    assert parse_expression(r"a_{1j}", ctx) == a[1, j] and parse_expression(r"a_{12}", ctx) == a[1, 2]


def test_the_first_component_of_a_quadratic_form_gradient_agrees_and_a_double_count_is_wrong():
    rng = np.random.default_rng(10)
    A, x = rng.normal(size=(4, 4)), rng.normal(size=4)
    g = grad(lambda x: x @ A @ x)(x)[0]
    assert np.isclose(g, 2 * A[0, 0] * x[0] + A[0, 1:] @ x[1:] + A[1:, 0] @ x[1:])  # autograd
    right = r"2a_{11}x_1 + \sum^N_{j=2}a_{1j} x_j + \sum_{i=2}^N a_{i1}x_i"
    assert symgrad.verify(f"{OF} = {right}", define=DEFINE).verdict in ("proved", "agrees")
    double = r"2a_{11}x_1 + \sum^N_{j=1}a_{1j} x_j + \sum_{i=2}^N a_{i1}x_i"
    assert symgrad.verify(f"{OF} = {double}", define=DEFINE).verdict == "wrong"
