"""A capital parameter of a defined function written between x^T and x (``f(A) = x^T A x``) is a matrix, as its
use says, not a number: the gradient with respect to it is x x^T (noted), and x^T x, a number, is not it."""

from __future__ import annotations

import pytest

from symgrad.verify import verify

# https://math.techqa.club/what-is-the-derivative-of-x-tax-respect-to-matrix-a-where-x-is-a-vector-4291445 (a_{i,j}),
# math.stackexchange 4109722 as techqa copies it (x^TA\,x, a_{ij}), https://math.techqa.club/how-to-find-frac-partial-x-tax-partial-a-1456626
QUADRATIC_FORMS = [r"f(A)=x^TA\,x", r"f(A) = x^\top A x", r"f(A)=x^{T}Ax", r"Q(A) = x^T A x"]


@pytest.mark.parametrize("definition", QUADRATIC_FORMS)
def test_the_gradient_of_x_T_A_x_by_its_parameter_A_is_x_x_T(definition):
    name = definition[0]
    v = verify(rf"\frac{{\partial {name}}}{{\partial A}} = x x^T", define=[definition])
    assert v.verdict == "proved", v.message
    assert "between x^T and x" in v.message


@pytest.mark.parametrize("entry", ["a_{ij}", "a_{i,j}", "A_{ij}"])
def test_the_entrywise_derivative_of_x_T_A_x_by_its_parameter_is_x_i_x_j(entry):
    v = verify(rf"{{\partial f \over \partial {entry}}}=x_i x_j", define=[r"f(A)=x^TA\,x= \sum_{i,j}a_{ij}x_i x_j"])
    assert v.verdict == "proved", v.message


def test_x_T_x_a_number_is_not_the_gradient_of_x_T_A_x_by_the_matrix_A():
    v = verify(r"\frac{\partial f}{\partial A} = x^T x", define=[r"f(A)=x^TA\,x"], given=[r"x \in \mathbb{R}^n"])
    assert v.verdict == "wrong", v.message
