"""symgrad.read derivatives as pages write them (issue 9, item 4): by a variance written sigma^2."""

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


def test_derivative_by_sigma_squared_is_refused_where_sigma_enters_other_than_squared():
    ctx = Context()
    parse_definition(r"L = \sigma + \sigma^2", ctx)
    with pytest.raises(ParseError, match=r"sigma also enters L other than squared; differentiate by sigma"):
        parse_claim(r"\frac{\partial L}{\partial \sigma^2} = 1 + \frac{1}{2\sigma}", ctx)
