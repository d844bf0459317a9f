"""Integer powers of a square matrix (``X^2``, ``(X^TX)^2``, ``(\\Sigma^{-1})^2``) read as repeated matrix products,
and a trace whose bracket is no square matrix (``\\mathrm{tr}\\,(x - \\mu)(x - \\mu)^T A``) read as the trace of the
whole product after it, noted; the identities are checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.verify import verify

RNG = np.random.default_rng(7)
X = RNG.normal(size=(3, 3))


def test_autograd_gives_the_gradients_the_claims_below_state():
    assert np.allclose(grad(lambda m: anp.trace(m @ m))(X), 2 * X.T)
    assert np.allclose(grad(lambda m: anp.trace(m @ m @ m))(X), 3 * (X @ X).T)
    assert np.allclose(grad(lambda m: anp.trace((m.T @ m) @ (m.T @ m)))(X), 4 * X @ X.T @ X)


# https://math.techqa.club/derivation-of-f-x-tr-x-2-4548552 (tr(X^2), \mathrm{tr}X^2), the Matrix Cookbook (106)
@pytest.mark.parametrize("claim", [r"\frac{\partial}{\partial X} \text{Tr}(X^2) = 2X^T",
                                   r"\frac{\partial}{\partial X}\mathrm{tr}X^2 = 2X^T",
                                   r"\frac{\partial}{\partial X} \operatorname{tr}(X^{3}) = 3(X^2)^T"])
def test_the_trace_of_a_power_of_X_has_the_transposed_lower_power_as_gradient(claim):
    v = verify(claim)
    assert v.verdict == "proved", v.message


def test_the_trace_of_the_squared_gram_matrix_has_gradient_4_X_X_T_X():
    """https://math.techqa.club/derivative-of-the-trace-of-matrix-product-x-tx-p-590678, X rectangular."""
    v = verify(r"\frac {\partial tr((X^TX)^2)}{\partial X} = 4 X(X^\top X)", given=[r"X \in \mathbb{R}^{m \times n}"])
    assert v.verdict == "proved", v.message


def test_a_wrong_gradient_of_the_trace_of_a_square_is_wrong():
    assert verify(r"\frac{\partial}{\partial X} \text{Tr}(X^2) = 2X^T + I").verdict == "wrong"


def test_a_power_of_a_rectangular_matrix_is_refused_with_its_sizes():
    v = verify(r"\frac{\partial}{\partial X} \text{Tr}(X^2) = 2X^T", given=[r"X \in \mathbb{R}^{m \times n}"])
    assert v.verdict == "unreadable" and "power of a square matrix" in v.message


def test_a_symbolic_or_large_matrix_power_is_refused_naming_the_powers_read():
    for power in ("n", "5"):
        v = verify(rf"\frac{{\partial}}{{\partial X}} \text{{Tr}}(X^{power}) = X")
        assert v.verdict == "unreadable" and "integer power from 2 to 4" in v.message


def test_a_trace_before_a_column_bracket_is_the_trace_of_the_whole_product():
    """Stanford CS229 GDA as kiwix math.stackexchange 4647348 writes it: \\mathrm{tr } (x - \\mu)(x - \\mu)^T ..."""
    v = verify(r"\frac{\partial}{\partial x} \mathrm{tr } (x - \mu)(x - \mu)^T A = (A + A^T)(x - \mu)",
               given=[r"x, \mu \in \mathbb{R}^n", r"A \in \mathbb{R}^{n \times n}"])
    assert v.verdict == "proved", v.message
    assert "trace of the whole product" in v.message


def test_the_squared_inverse_in_a_trace_reads_as_the_inverse_times_itself():
    mu, x = RNG.normal(size=3), RNG.normal(size=3)
    s = RNG.normal(size=(3, 3)) + 4 * np.eye(3)
    inv = np.linalg.inv(s)
    assert np.isclose(np.trace(np.outer(x - mu, x - mu) @ inv @ inv), (x - mu) @ inv @ inv @ (x - mu))
    v = verify(r"\frac{\partial}{\partial x} \mathrm{tr}\left((x - \mu)(x - \mu)^T (\Sigma^{-1})^2\right) = "
               r"(\Sigma^{-1}\Sigma^{-1} + (\Sigma^{-1}\Sigma^{-1})^T)(x - \mu)",
               given=[r"x, \mu \in \mathbb{R}^n", r"\Sigma \in \mathbb{R}^{n \times n}"])
    assert v.verdict in ("proved", "agrees"), v.message
    assert verify(r"\frac{\partial}{\partial x} \mathrm{tr}\left((x - \mu)(x - \mu)^T (\Sigma^{-1})^2\right) = "
                  r"2\Sigma^{-1}(x - \mu)", given=[r"x, \mu \in \mathbb{R}^n", r"\Sigma \in \mathbb{R}^{n \times n}"]
                  ).verdict == "wrong"
