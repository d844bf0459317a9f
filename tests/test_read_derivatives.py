"""symgrad.read derivatives as pages write them (issue 9, item 4): by a name with a superscript (sigma^2, a_j^L)."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_claim, parse_definition

NORMALIZED = r"\hat{x}_{i,j} = \frac{x_{i,j} - \mu_j}{\sqrt{\sigma^2_j + \epsilon}}"


def test_derivative_by_a_variance_element_is_by_sigma_squared_as_one_variable():
    claim = (r"\frac{\partial \hat{x}_{i,j}}{\partial \sigma^2_j} = (x_{i,j} - \mu_j) \cdot \left(-\frac{1}{2}\right)"
             r"(\sigma^2_j + \epsilon)^{-3/2}")
    v = verify(claim, define=[NORMALIZED])
    assert v.verdict == "proved" and "sigma^2 read as one variable" in v.message
    assert verify(claim.replace("-3/2", "-1/2"), define=[NORMALIZED]).verdict == "wrong"


def test_derivative_by_sigma_squared_agrees_with_autograd_by_the_variance():
    # L = 1/(2 sigma^2) is 1/(2v) in the variance v: autograd gives dL/dv = -1/(2 v^2) = -1/(2 sigma^4)
    sigma = 0.8
    by_variance = grad(lambda v: 1 / (2 * v))(sigma**2)
    assert np.isclose(by_variance, -1 / (2 * sigma**4), rtol=1e-12)
    assert verify(r"\frac{\partial L}{\partial \sigma^2} = -\frac{1}{2\sigma^4}",
                  define=[r"L = \frac{1}{2\sigma^2}"]).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial \sigma^2} = -\frac{1}{2\sigma^2}",
                  define=[r"L = \frac{1}{2\sigma^2}"]).verdict == "wrong"


LAYER_COST = r"C = \frac{1}{2}\sum_{j}(y_j - a_{j}^{L}) ^2"


def test_derivative_by_a_layer_superscripted_activation_is_by_that_activation():
    v = verify(r"\frac{\partial C}{\partial a_{j}^{L}} = (a_{j}^{L} - y_j)", define=[LAYER_COST])
    assert v.verdict == "proved" and "L read as a layer label" in v.message  # a_j^L, as a^L_j: a^L's element j
    v = verify(r"\frac{\partial C}{\partial a_{j}^{L}} = (y_j - a_{j}^{L})", define=[LAYER_COST])
    assert v.verdict == "wrong" and v.message.startswith("sign")


@pytest.mark.parametrize("definition, claim, message", [
    (r"L = \sigma + \sigma^2", r"\frac{\partial L}{\partial \sigma^2} = 1", "L uses sigma otherwise; differentiate by sigma"),
    (r"C = a^L + L^2", r"\frac{\partial C}{\partial a^{L}} = 1", "C uses a or L otherwise; differentiate by a"),
])
def test_derivative_by_a_superscripted_name_is_refused_where_the_name_enters_otherwise(definition, claim, message):
    ctx = Context()
    parse_definition(definition, ctx)
    with pytest.raises(ParseError, match=message):
        parse_claim(claim, ctx)


GAUSSIAN = r"\ell = \sum_{k = 1}^{n} \left( \frac{1}{2\sigma ^2}(x_k - \mu )^2 - \frac{1}{2}\log(2\pi \sigma ^2)\right)"


def test_a_derivative_written_at_the_point_of_its_inputs_is_that_derivative():
    right = r"(\partial_\mu \ell )(\mu , \sigma ^2) = - \sum_{k = 1}^{n} \frac{1}{\sigma ^2}(x_k - \mu )"
    v = verify(right, define=[GAUSSIAN])
    assert v.verdict == "proved" and "read as the point of its inputs" in v.message
    assert verify(right.replace("= -", "="), define=[GAUSSIAN]).verdict == "wrong"


def test_the_variance_derivative_at_its_point_missing_the_count_is_wrong():
    # d/dv sum_k ((x_k - mu)^2/(2v) - log(2 pi v)/2) = -sum_k (x_k - mu)^2/(2v^2) - n/(2v); the page drops the n
    claim = (r"(\partial_{\sigma ^2} \ell )(\mu , \sigma ^2) = \left(\frac{-1}{2(\sigma ^2)^{2}}\sum_{k = 1}^{n}"
             r"(x_k - \mu )^2\right)- \frac{COUNT}{2\sigma ^2}")
    assert verify(claim.replace("COUNT", "1"), define=[GAUSSIAN]).verdict == "wrong"
    assert verify(claim.replace("COUNT", "n"), define=[GAUSSIAN]).verdict in ("proved", "agrees")
