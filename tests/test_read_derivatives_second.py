"""symgrad.read second derivatives written as one fraction (issue 9): ``\\frac{d^2 y}{dx^2}``, the mixed
``\\frac{\\partial^2 f(w)}{\\partial w_j \\, \\partial w_k}``: the derivative by the second variable of the first
derivative, a definition of its own (noted). References are autograd second derivatives."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from autograd import grad, hessian
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition
from symgrad.read.claims import parse_claim

CUBES = [r"f(w) = \sum_{i=1}^n w_i^3"]
LOGISTIC = [r"f(w) = \frac{1}{2}\|w\|^2 + C \sum_{i=1}^n\log(1 + \exp(-y_iw^Tx_i))"]
E = r"\exp(-y_iw^Tx_i)"
HESSIAN = (r"\frac{\partial^2 f(w)}{\partial w_j \, \partial w_k} = C\sum_{i=1}^n x_{ij} x_{ik} y_i^2 \frac{" + E +
           "}{(1+" + E + ")^2}")


def test_the_reference_second_derivatives():
    assert np.isclose(grad(grad(lambda x: x**3))(0.7), 6 * 0.7, atol=1e-12)
    rng = np.random.default_rng(2)
    X, y, w, C = rng.normal(size=(4, 3)), np.array([1.0, -1.0, 1.0, -1.0]), rng.normal(size=3), 0.8
    H = hessian(lambda w: 0.5 * w @ w + C * anp.sum(anp.log(1 + anp.exp(-y * (X @ w)))))(w)
    m = np.exp(-y * (X @ w))
    claimed = C * np.einsum("i,ij,ik->jk", y**2 * m / (1 + m) ** 2, X, X)
    assert np.isclose(H[0, 2], claimed[0, 2], atol=1e-12) and not np.isclose(H[1, 1], claimed[1, 1])


def test_the_first_derivative_of_a_mixed_second_derivative_is_a_definition_of_its_own():
    ctx = Context()
    parse_definition(CUBES[0], ctx)
    derivative, _ = parse_claim(r"\frac{\partial^2 f}{\partial w_j \partial w_k} = 0", ctx)
    first = ctx.definitions["∂f/∂w"]
    (w,) = first.rhs.atoms(sp.IndexedBase)
    assert first.rhs == 3 * w[first.lhs.indices] ** 2
    assert derivative.value.of == first.lhs and derivative.value.var.base == w


def test_a_second_derivative_by_one_variable_is_the_derivative_of_the_derivative():
    assert verify(r"\frac{d^2 y}{dx^2} = 6x", define=["y = x^3"]).verdict == "proved"
    assert verify(r"\frac{d^2 y}{dx^2} = 3x", define=["y = x^3"]).verdict == "wrong"


def test_a_mixed_second_derivative_off_the_diagonal():
    assert verify(r"\frac{\partial^2 f}{\partial w_j \partial w_k} = 0", define=CUBES,
                  assume=[r"j \neq k"]).verdict == "proved"
    hessian_off_diagonal = verify(HESSIAN, define=LOGISTIC)
    assert hessian_off_diagonal.verdict == "wrong" and "holds only when j ≠ k" in hessian_off_diagonal.message


def test_a_named_hessian_of_the_logistic_loss_given_in_of():
    define, given = [r"l = \sum_{n=1}^N \log(1 + e^{-y_n \theta^T x_n})"], [r"\theta \in \mathbb{R}^d", r"x_n \in \mathbb{R}^d"]
    e, of = r"e^{-y_n \theta^T x_n}", r"\frac{\partial^2 l}{\partial\theta_i \partial\theta_j}"
    claim = r"H_{ij} = \sum_{n=1}^N y_n^2 x_{ni} x_{nj} \frac{" + e + "}{(1+" + e + ")^2}"
    rng = np.random.default_rng(4)
    X, y, theta = rng.normal(size=(5, 3)), np.array([1.0, -1.0, 1.0, 1.0, -1.0]), rng.normal(size=3)
    H = hessian(lambda t: anp.sum(anp.log(1 + anp.exp(-y * (X @ t)))))(theta)
    m = np.exp(-y * (X @ theta))
    assert np.allclose(H, np.einsum("n,ni,nj->ij", y**2 * m / (1 + m) ** 2, X, X), atol=1e-12)
    right = verify(claim, of=of, define=define, given=given)
    assert right.verdict in ("proved", "agrees") and "H_{ij} names the derivative --of gives" in right.message
    assert verify(claim.replace(")^2}", ")}"), of=of, define=define, given=given).verdict == "wrong"


QUADRATIC = [r"f(x) = x^T A x"]


def test_the_reference_hessian_of_a_quadratic_form_is_a_plus_a_transpose_not_two_a():
    rng = np.random.default_rng(5)
    A, x = rng.normal(size=(3, 3)), rng.normal(size=3)
    H = hessian(lambda x: x @ A @ x)(x)
    assert np.allclose(H, A + A.T, atol=1e-12) and not np.allclose(H, 2 * A)
    assert np.allclose(np.diag(H), np.diag(2 * A))  # equal on the diagonal: a reading of x_i twice cannot tell them


@pytest.mark.parametrize("head", [
    "f''(x)",  # https://newbetuts.com/239207-hessian-matrix-of-a-quadratic-form
    r"f^{\prime\prime}(x)",  # https://imathworks.com/math/math-hessian-matrix-of-a-quadratic-form
    r"\frac{\partial^2 f}{\partial x^2}",
])
def test_a_second_derivative_by_a_whole_vector_is_the_hessian_a_plus_a_transpose(head):
    v = verify(head + r" = A + A^T", define=QUADRATIC)
    assert v.verdict == "proved" and "Hessian" in v.message
    assert verify(head + " = 2A", define=QUADRATIC).verdict == "wrong"  # only its diagonal is 2A


def test_a_second_derivative_by_one_written_element_stays_the_diagonal_entry():
    assert verify(r"\frac{\partial^2 f}{\partial x_i^2} = 2A_{ii}", define=QUADRATIC).verdict == "proved"


@pytest.mark.parametrize("head", [
    "Hf(x)",  # https://newbetuts.com/239207-hessian-matrix-of-a-quadratic-form (Hf(x) = A + A^T)
    "H f(x)",
    r"\mathrm{Hess}\, f(x)",  # https://math.techqa.club/gradient-and-hessian-of-a-function-4050502 ({\rm Hess} J(x))
])
def test_h_before_a_function_of_a_vector_is_its_hessian(head):
    v = verify(head + r" = A + A^T", define=QUADRATIC)
    assert v.verdict == "proved" and "read as the Hessian of f" in v.message
    assert verify(head + " = 2A", define=QUADRATIC).verdict == "wrong"
