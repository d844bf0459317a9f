"""symgrad.read primes of functions of a vector (issue 9): ``f'(w)`` of a scalar function of a vector w is its
derivative, the row of partials by each w_k, so ``f'(w)^T`` is the gradient; a vector function's prime (a Jacobian)
is refused with a spelling that reads. References are autograd gradients of least squares."""

from __future__ import annotations

import numpy as np
from autograd import elementwise_grad, grad
from autograd import numpy as anp

from symgrad import verify

GIVEN = ["$X$ is a real $m \\times n$ matrix", "$y$ is an $m \\times 1$ column vector"]
LEAST_SQUARES = ["f(w) = (y - X w)^T(y - X w)"]


def test_the_reference_least_squares_gradient_is_two_xt_residual():
    rng = np.random.default_rng(11)
    X, y, w = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3)
    g = grad(lambda w: anp.sum((y - X @ w) ** 2))(w)
    assert np.allclose(g, 2 * X.T @ (X @ w - y), atol=1e-12)
    assert np.allclose(g, (2 * (y - X @ w) @ -X), atol=1e-12)  # the row f'(w), written flat


def test_the_transposed_prime_of_a_function_of_a_vector_is_its_gradient():
    right = verify(r"\nabla f(w) = f'(w)^T = 2 X^T (X w - y).", define=LEAST_SQUARES, given=GIVEN)
    assert right.verdict in ("proved", "agrees") and "row vector of the derivatives of f" in right.message
    half = verify(r"\nabla f(w) = f'(w)^T = X^T (X w - y).", define=LEAST_SQUARES, given=GIVEN)
    assert half.verdict == "wrong"


def test_the_prime_itself_is_the_row_of_partials():
    row = verify(r"f'(w) = 2 (y - X w)^T(-X).", define=LEAST_SQUARES, given=GIVEN)
    assert row.verdict in ("proved", "agrees")
    assert verify(r"f'(w) = 2 (y - X w)^T X.", define=LEAST_SQUARES, given=GIVEN).verdict == "wrong"


def test_the_prime_of_a_vector_function_is_refused_with_a_fraction_to_write():
    v = verify(r"S'(x) = \text{diag}(S(x)) - S(x) S(x)^T.",
               define=[r"f(x)=\log\left(\sum_{i=1}^n e^ {x_i}\right)", r"\nabla f(x) = S(x)"])
    assert v.verdict == "unreadable" and r"\frac{\partial S}{\partial x}" in v.message


T = np.array([-1.3, -0.2, 0.4, 2.1])


def test_the_reference_tanh_and_softplus_derivatives_are_the_textbook_ones():
    assert np.allclose(elementwise_grad(anp.tanh)(T), 1 - np.tanh(T) ** 2, rtol=1e-12)
    softplus = elementwise_grad(lambda x: anp.log1p(anp.exp(x)))(T)
    assert np.allclose(softplus, 1 / (1 + np.exp(-T)), rtol=1e-12)


def test_the_prime_of_tanh_written_as_a_command_is_one_minus_tanh_squared():
    assert verify(r"\tanh'(x) = 1 - \tanh^2(x)").verdict in ("proved", "agrees")
    assert verify(r"\tanh'(x) = 1 + \tanh^2(x)").verdict == "wrong"


def test_the_prime_of_a_function_known_by_its_upright_name_is_its_derivative():
    assert verify(r"\operatorname{softplus}'(x) = \frac{1}{1 + e^{-x}}").verdict in ("proved", "agrees")
    assert verify(r"\operatorname{softplus}'(x) = \frac{1}{1 + e^{x}}").verdict == "wrong"
