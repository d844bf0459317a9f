"""symgrad.read: squareness from use (issue 9). An undeclared capital, Latin or Greek, plain or bold (``\\Sigma``,
``{\\Sigma}``, ``\\mathbf{\\Sigma}``, ``\\boldsymbol\\Sigma``, ``\\pmb{\\Sigma}``), that is inverted or under a determinant is
an n x n matrix, noted; ``\\Sigma`` written with limits before an operand is a sum sign, noted. References: autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad import verify
from symgrad.read import Context, parse_expression

RNG = np.random.default_rng(7)
S = RNG.normal(size=(3, 3)) + 3 * np.eye(3)  # not symmetric: the general square reading
X, MU = RNG.normal(size=3), RNG.normal(size=3)


def test_the_quadratic_form_in_an_inverted_greek_capital_has_the_cookbook_gradient():
    """https://newbetuts.com/1599966-...: d/d mu (x-mu)^T Sigma^{-1} (x-mu) = -(Sigma^{-1} + Sigma^{-T})(x - mu) for any
    square Sigma; the symmetric-only form -2 Sigma^{-1}(x - mu) is not proved for an undeclared Sigma."""
    f = lambda mu: (X - mu) @ anp.linalg.solve(S, X - mu)
    inv = np.linalg.inv(S)
    assert np.allclose(grad(f)(MU), -(inv + inv.T) @ (X - MU))
    assert not np.allclose(grad(f)(MU), -2 * inv @ (X - MU))
    quadratic = r"\frac{\partial}{\partial \mu} (x-\mu)^T \Sigma^{-1} (x-\mu)"
    right = verify(quadratic + r" = -(\Sigma^{-1} + \Sigma^{-T}) (x-\mu)")
    assert right.verdict == "proved" and "Sigma read as" in right.message
    assert verify(quadratic + r" = -2\Sigma^{-1}(x-\mu)").verdict != "proved"


@pytest.mark.parametrize("sigma", [r"\boldsymbol\Sigma", r"\mathbf{\Sigma}", r"\pmb{\Sigma}", r"{\Sigma}"])
def test_the_determinant_power_of_a_bold_or_braced_greek_capital_is_read_square(sigma):
    """https://scicomp.stackexchange.com/questions/14375: |\\boldsymbol\\Sigma|^{-1/2}; its gradient is
    -1/2 |Sigma|^{-1/2} Sigma^{-T} (autograd below)."""
    f = lambda s: anp.linalg.det(s) ** -0.5
    assert np.allclose(grad(f)(S), -0.5 * np.linalg.det(S) ** -0.5 * np.linalg.inv(S).T)
    claim = rf"\frac{{\partial |{sigma}|^{{-\frac{{1}}{{2}}}}}}{{\partial {sigma}}} = -\frac{{1}}{{2}}|{sigma}|^{{-\frac{{1}}{{2}}}} {sigma}^{{-T}}"
    assert verify(claim).verdict == "proved"
    if sigma == r"{\Sigma}":
        assert verify(claim.replace(r"-\frac{1}{2}|", r"\frac{1}{2}|")).verdict == "wrong"


def test_log_det_of_a_greek_capital_by_that_capital_is_its_inverse_transpose():
    f = lambda s: anp.log(anp.linalg.det(s))
    assert np.allclose(grad(f)(S), np.linalg.inv(S).T)
    assert verify(r"\frac{\partial}{\partial \Lambda} \log\det\Lambda = \Lambda^{-T}").verdict == "proved"


@pytest.mark.parametrize("latex", [
    r"\Sigma_{i=1}^{n}(y_i - \hat{y}_i)^2",  # a README's RMSE: \sqrt{\frac{\Sigma_{i=1}^{n}(y_i - \hat{y_i})^2}{n}}
    r"\Sigma_{i=1}^n (y_i - \hat{y}_i)^2",
    r"\Sigma_{i}^{n} (y_i - \hat{y}_i)^2",  # the logistic-regression page's \lambda \Sigma_{j}^{p}\beta_j^2
])
def test_sigma_with_limits_before_an_operand_is_a_sum_sign(latex):
    """The sum of squared residuals, checked against NumPy at n = 3."""
    value = parse_expression(latex, Context())
    assert isinstance(value, sp.Sum)
    (_, low, high), = value.limits
    assert low == 1 and str(high) == "n"
    y, yhat = RNG.normal(size=3), RNG.normal(size=3)
    total = 0.0
    for k in range(3):
        term = value.function
        total += float(term.xreplace({e: (yhat if "hat" in str(e.base) else y)[k] for e in term.atoms(sp.Indexed)}))
    assert total == pytest.approx(float(np.sum((y - yhat) ** 2)))


def test_a_ridge_penalty_written_with_a_sigma_sign_differentiates_as_a_sum():
    v = verify(r"\frac{\partial}{\partial \beta_k} \lambda \Sigma_{j}^{p}\beta_j^2 = 2\lambda\beta_k")
    assert v.verdict == "proved" and "sum sign" in v.message
    assert verify(r"\frac{\partial}{\partial \beta_k} \lambda \Sigma_{j}^{p}\beta_j^2 = \lambda\beta_k").verdict == "wrong"


A, B, XM = RNG.normal(size=(3, 3, 3))


@pytest.mark.parametrize("claim", [
    r"\frac{\partial}{\partial\mathbf{X}} Tr\{\mathbf{A}\mathbf{X}\mathbf{B}\} = \mathbf{A^T}\mathbf{B^T}",  # corpus
    r"\frac{\partial}{\partial X} Tr(AXB) = A^TB^T",  # D'Souza's Kalman filtering slides: tr(AXB) = A^T B^T
    r"\frac{\partial}{\partial X} Tr\left(AXB\right) = A^T B^T",
])
def test_the_trace_spelled_tr_in_letters_before_a_bracket_is_the_trace(claim):
    """d tr(AXB)/dX = A^T B^T (the Matrix Cookbook's (101)); Tr was T times r, the capitals' shapes then at odds."""
    assert np.allclose(grad(lambda x: anp.trace(A @ x @ B))(XM), A.T @ B.T)
    assert not np.allclose(A.T @ B.T, B.T @ A.T)
    assert verify(claim).verdict == "proved"
    if r"\left" in claim:  # the order swapped, B^T A^T, is wrong
        assert verify(claim.replace("A^T", "C").replace("B^T", "A^T").replace("C", "B^T")).verdict == "wrong"


def test_an_inverted_capital_takes_the_one_size_the_facts_declare():
    """Bishop's (x_n - mu)^T Sigma^{-1} (x_n - mu) (as http://www.talkstats.com/threads/multivariate-gaussian-mle.47141/
    writes it) with x_n, mu in R^D: Sigma is D x D, not a size of its own that the product then refuses; the gradient
    by mu is -(Sigma^{-1} + Sigma^{-T})(x_n - mu) (autograd), the quoted (x_n - mu) is wrong."""
    f = lambda mu: (X - mu) @ anp.linalg.solve(S, X - mu)
    inv = np.linalg.inv(S)
    assert np.allclose(grad(f)(MU), -(inv + inv.T) @ (X - MU))
    given = [r"x_n \in \mathbb{R}^D", r"\mu \in \mathbb{R}^D"]
    head = r"\frac{\partial(x_{n} - \mu)^{T}\Sigma^{-1}(x_{n} - \mu)}{\partial{\mu}} = "
    right = verify(head + r"-(\Sigma^{-1}+\Sigma^{-T})(x_{n} - \mu)", given=given)
    assert right.verdict == "proved" and "D x D" in right.message
    assert verify(head + r"(x_{n} - \mu)", given=given).verdict == "wrong"


@pytest.mark.parametrize("latex", [r"\Sigma_k^{-1} (x - \mu_k)", r"\Sigma_{k}^{T} x", r"\Sigma_k^\top x"])
def test_sigma_with_a_subscript_and_an_inverse_or_transpose_mark_is_no_sum_sign(latex):
    """A class's covariance inverted, Sigma_k^{-1} (Gaussian discriminant analysis), sums nothing over k: Sigma is no
    summation sign here (a matrix product with x, over another index, is no sum over k)."""
    e = parse_expression(latex, Context())
    assert not any(str(limit[0]) == "k" for s in e.atoms(sp.Sum) for limit in s.limits)
    assert e.atoms(sp.Indexed) and any(str(i.base) == "Sigma" for i in e.atoms(sp.Indexed))


def test_a_capital_subtracted_inside_a_trace_is_a_matrix_too():
    """math.techqa.club 734717: f(X) = tr((X^T X - A)^T (X^T X - A)); the A after a minus was left a number (its minus
    was taken for the one of X^{-T}). Gradient 4 X X^T X - 2 X A - 2 X A^T (autograd)."""
    a = RNG.normal(size=(3, 3))
    f = lambda x: anp.trace((x.T @ x - a).T @ (x.T @ x - a))
    assert np.allclose(grad(f)(XM), 4 * XM @ XM.T @ XM - 2 * XM @ a - 2 * XM @ a.T)
    define = [r"f(X) := \mbox{tr} \left( \left( X^T X - A \right)^T \left(X^T X - A \right) \right)"]
    right = verify(r"\frac {\partial f} {\partial X} = 4\,XX^TX - 2\,XA - 2\,XA^T", define=define)
    assert right.verdict in ("proved", "agrees") and "X, A read as" in right.message
    assert verify(r"\frac {\partial f} {\partial X} = 2\,XX^TX - 2\,XA - 2\,XA^T", define=define).verdict == "wrong"


def test_an_undeclared_capital_added_to_a_matrix_is_a_matrix_of_its_shape():
    """math.techqa.club 2795939: f(A, B, C) = ||P - AB^T||^2 + ||Q - AC^T||^2; P was read as a number spread over
    AB^T's entries. df/dB = 2(BA^TA - P^TA) (autograd, rectangular P and A); the sign slip is wrong."""
    rng = np.random.default_rng(11)
    a, b, p = rng.normal(size=(4, 2)), rng.normal(size=(3, 2)), rng.normal(size=(4, 3))
    assert np.allclose(grad(lambda x: anp.sum((p - a @ x.T) ** 2))(b), 2 * (b @ a.T @ a - p.T @ a))
    define = [r"f(A,B,C) = ||P - AB^T||^2 + ||Q - AC^T||^2"]
    right = verify(r"\frac{\partial f}{\partial B} &= 2(BA^TA - P^TA)", define=define)
    assert right.verdict == "proved" and "P read as" in right.message
    assert verify(r"\frac{\partial f}{\partial B} &= 2(BA^TA + P^TA)", define=define).verdict == "wrong"
    minus = parse_expression(r"AB^T - P", Context())
    assert {e.base.label.name for e in minus.atoms(sp.Indexed)} == {"A", "B", "P"}  # -P a matrix too
