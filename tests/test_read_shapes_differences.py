"""A parameter in a transposed difference is a vector, and a capital between it and the next operand a matrix:
``f(x) = (x - \\mu)^T (x - \\mu)``, ``f(\\mathbf{x}) = (\\mathbf{x - b})^TA(\\mathbf{x-b}) + (\\mathbf{x-c})^T(\\mathbf{x-c})``
(math.techqa.club 2179723), ``(x-a)^T A (x-a)``. Read as a number, the parameter x was spread over the vector mu
and the right gradient 2(x - mu) judged wrong."""

import numpy as np
import pytest
from autograd import grad

import symgrad

RNG = np.random.default_rng(7)
A, B, C, X = RNG.normal(size=(3, 3)), RNG.normal(size=3), RNG.normal(size=3), RNG.normal(size=3)
OF = r"\frac{\partial f}{\partial x}"


def test_autograd_gives_the_gradients_of_the_shifted_forms():
    assert np.allclose(grad(lambda x: (x - B) @ (x - B))(X), 2 * (X - B))
    f = lambda x: (x - B) @ A @ (x - B) + (x - C) @ (x - C)
    assert np.allclose(grad(f)(X), (A + A.T) @ (X - B) + 2 * (X - C))


@pytest.mark.parametrize("define", [r"f(x) = (x - \mu)^T (x - \mu)", r"f(x) = (x - \mu)^\top (x - \mu)",
                                    r"f(x) = (\mu - x)^{T} (\mu - x)"])
def test_the_gradient_of_a_squared_distance_is_two_x_minus_mu(define):
    assert symgrad.verify(r"2(x - \mu)", of=OF, define=[define]).verdict == "proved"
    assert symgrad.verify(r"x - \mu", of=OF, define=[define]).verdict == "wrong"


def test_a_capital_between_transposed_differences_is_a_matrix():
    define = [r"f(x) = (x - b)^T A (x - b) + (x - c)^T (x - c)"]
    right = symgrad.verify(r"(A + A^T)(x - b) + 2(x - c)", of=OF, define=define)
    assert right.verdict == "proved" and "A read as an n x n matrix" in right.message
    asker = symgrad.verify(r"2A(x - b) + 2(x - c)", of=OF, define=define)  # right only for a symmetric A
    assert asker.verdict == "wrong"
    assert symgrad.verify(r"2A(x - b) + 2(x - c)", of=OF, define=define, given=["A = A^T"]).verdict == "proved"
