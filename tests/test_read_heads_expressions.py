"""symgrad.read definitions whose head is an expression (issue 9): ``\\log{L(\\mu,\\sigma^2)} = R`` names R where L is
defined nowhere, and the claim's same expression is that name; ``l(\\mu, \\sigma^2) = R`` (an input that is not a
name) is the name l wherever it is written so; sigma^3 after a derivative by sigma^2 is (sigma^2)^{3/2}. References
are autograd derivatives of the Gaussian log-likelihood at a random sample."""

from __future__ import annotations

import numpy as np
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition

LOG_LIKELIHOOD = r"\log{L(\mu,\sigma^2)}=-\frac{n}{2}\log{\sigma^2}-\frac{1}{2\sigma^2}\sum\limits_{i=1}^n(x_i-\mu)^2+C"
BY_VARIANCE = r"\frac{\partial}{\partial \sigma^2}(\log{L(\mu,\sigma^2)})="
SQUARES = r"\sum _{i=1}^n \left(x_i-\mu \right)^2"
TWO_INPUTS = r"l(\mu , \sigma^2) = -\frac{n}{2}ln(2\pi \sigma ^{2})-\frac{1}{2\sigma ^{2}}\sum(x_{i}-\mu)^{2}"

X = np.array([0.3, -1.1, 2.0, 0.7])


def _log_likelihood(mu, var):
    return -len(X) / 2 * anp.log(var) - anp.sum((X - mu) ** 2) / (2 * var)


def test_the_reference_gaussian_gradients_are_the_textbook_ones():
    mu, var = 0.4, 1.7
    ss = np.sum((X - mu) ** 2)
    assert np.isclose(grad(_log_likelihood, 1)(mu, var), ss / (2 * var**2) - len(X) / (2 * var), atol=1e-12)
    assert np.isclose(grad(_log_likelihood, 0)(mu, var), np.sum(X - mu) / var, atol=1e-12)
    sd = np.sqrt(var)
    assert np.isclose(grad(lambda s: _log_likelihood(mu, s**2))(sd), -len(X) / sd + ss / sd**3, atol=1e-12)


def test_a_head_that_is_the_log_of_an_unknown_function_names_the_right_side_not_the_function():
    ctx = Context()
    d = parse_definition(LOG_LIKELIHOOD, ctx)
    assert d.lhs == sp.Symbol("logL")
    assert sp.simplify(d.rhs - parse_definition(LOG_LIKELIHOOD.replace(r"\log{L(\mu,\sigma^2)}", "E"), Context()).rhs
                       ) == 0
    assert any("L is defined nowhere" in note for note in ctx.notes)
    unknown = r"\frac{\partial}{\partial \mu} L(\mu,\sigma^2) = \frac{1}{\sigma^2}\sum _{i=1}^n \left(x_i-\mu \right)"
    assert verify(unknown, define=[LOG_LIKELIHOOD]).verdict == "unreadable"  # L itself: no inverting the log


def test_the_claims_same_expression_is_that_name_by_the_mean_and_by_the_variance():
    by_mu = r"\frac{\partial}{\partial \mu}(\log{L(\mu,\sigma^2)})=\frac{1}{\sigma^2}" + r"\sum _{i=1}^n \left(x_i-\mu \right)"
    assert verify(by_mu, define=[LOG_LIKELIHOOD]).verdict in ("proved", "agrees")
    right = BY_VARIANCE + r"\frac{" + SQUARES + r"}{2 \sigma ^4}-\frac{n}{2 \sigma ^2}"
    assert verify(right, define=[LOG_LIKELIHOOD]).verdict in ("proved", "agrees")


def test_an_odd_power_of_the_deviation_after_a_derivative_by_the_variance_is_a_power_of_the_variance():
    cubed = BY_VARIANCE + r"\frac{" + SQUARES + r"}{2 \sigma ^3}-\frac{n}{2 \sigma ^2}"
    v = verify(cubed, define=[LOG_LIKELIHOOD])
    assert v.verdict == "wrong" and "standard deviation" in v.message


def test_a_head_with_an_input_that_is_not_a_name_is_that_name_where_the_claim_writes_it():
    right = r"\frac{dl(\mu, \sigma^2)}{d\sigma}=-\frac{n}{\sigma}+\frac{\sum(x_{i}-\mu)^{2}}{\sigma^{3}}"
    assert verify(right, define=[TWO_INPUTS]).verdict in ("proved", "agrees")
    asker = r"\frac{dl(\mu, \sigma^2)}{d\sigma}=\frac{-n\sigma ^{3}+2\sigma ^{2}\sum(x_{i}-\mu)^{2}}{2\sigma ^{5}}"
    assert verify(asker, define=[TWO_INPUTS]).verdict == "wrong"


PER_SAMPLE_SOFTMAX = r"\hat{y}_j^{(i)} = \frac{e^{x_j^{(i)}}}{\sum_{k=1}^n e^{x_k^{(i)}}}"
SOFTMAX_BY_LOGIT = r"\frac{\partial \hat{y}_j^{(i)}}{\partial x_l^{(i)}} = "


def test_a_sample_superscript_on_the_head_is_a_label_not_an_argument_list():
    d = parse_definition(PER_SAMPLE_SOFTMAX, Context())
    assert str(d.lhs.base) == "yhat" and len(d.lhs.indices) == 2
    assert "x" in {str(s) for s in d.rhs.free_symbols}


def test_the_per_sample_softmax_jacobian_is_yhat_j_times_delta_jl_minus_yhat_l():
    x = np.array([0.3, -1.1, 2.0])
    soft = lambda x: anp.exp(x) / anp.sum(anp.exp(x))
    jac = np.array([grad(lambda x, j=j: soft(x)[j])(x) for j in range(3)])
    p = soft(x)
    assert np.allclose(jac, np.diag(p) - np.outer(p, p), rtol=1e-12)
    right = verify(SOFTMAX_BY_LOGIT + r"\hat{y}_j^{(i)}(\delta_{jl} - \hat{y}_l^{(i)})", define=[PER_SAMPLE_SOFTMAX])
    wrong = verify(SOFTMAX_BY_LOGIT + r"\hat{y}_j^{(i)}(1 - \hat{y}_l^{(i)})", define=[PER_SAMPLE_SOFTMAX])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
