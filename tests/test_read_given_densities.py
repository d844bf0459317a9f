"""Densities named in words: ``p (x) denote a multidimensional Gaussian pdf characterized by the mean vector m and the
covariance matrix S`` (https://geek-questions.imtqy.com/articles/1444962/index.html), ``the normal density with mean
\\mu and variance \\sigma^2`` (as R's dnorm thread and https://spark.fundegar.com/differential-of-normal-distribution.html
write it): the sentence defines the density, noted; the gradients the pages derive are judged against autograd's."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad import verify

_MULTIVARIATE = "p (x) denote a multidimensional Gaussian pdf characterized by the mean vector m and the covariance matrix S"


def _gaussian(x, m, s):
    d = x - m
    return anp.exp(-0.5 * d @ anp.linalg.solve(s, d)) / anp.sqrt((2 * anp.pi) ** len(x) * anp.linalg.det(s))


def test_the_reference_gradient_of_a_gaussian_density_is_minus_p_s_inverse_x_minus_m():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(3, 3))
    x, m, s = rng.normal(size=3), rng.normal(size=3), a @ a.T + 3 * np.eye(3)
    assert np.allclose(grad(_gaussian)(x, m, s), -_gaussian(x, m, s) * np.linalg.solve(s, x - m), rtol=1e-10)


@pytest.mark.parametrize("fact", [_MULTIVARIATE, "Let $p(x)$ be the multivariate normal density with mean $m$ and covariance $S$"])
def test_the_gradient_of_a_gaussian_density_said_in_words_is_minus_p_s_inverse_x_minus_m(fact):
    right = verify(r"\frac{\partial p(x)}{\partial x} = -p(x) S^{-1} (x - m)", given=[fact])
    assert right.verdict == "proved" and "read as the multivariate Gaussian density" in right.message
    assert verify(r"\frac{\partial p(x)}{\partial x} = p(x) S^{-1} (x - m)", given=[fact]).verdict == "wrong"


@pytest.mark.parametrize(("fact", "spread"), [
    (r"f(x) is the normal density with mean \mu and variance \sigma^2", r"\sigma^2"),
    (r"f(x) is the Gaussian pdf with mean \mu and standard deviation \sigma", r"\sigma^2"),
])
def test_the_derivative_of_a_normal_density_by_x_is_minus_f_times_x_minus_mu_over_the_variance(fact, spread):
    right = verify(rf"\frac{{\partial f(x)}}{{\partial x}} = -f(x) \frac{{x - \mu}}{{{spread}}}", given=[fact])
    assert right.verdict == "proved" and "read as the Gaussian density" in right.message
    assert verify(rf"\frac{{\partial f(x)}}{{\partial x}} = f(x) \frac{{x - \mu}}{{{spread}}}", given=[fact]).verdict == "wrong"


def test_a_density_with_numbers_for_its_parameters_is_not_read_by_these_words():
    assert verify(r"\frac{\partial f(x)}{\partial x} = -x f(x)",
                  given=["f(x) is the normal density with mean 0 and variance 1"]).verdict == "unreadable"
