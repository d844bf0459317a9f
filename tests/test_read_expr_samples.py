"""symgrad.read ``x^k`` with k summed (issue 9): where the context declares x a vector, a vector has no scalar power
there, so it is the sample x_k (noted); undeclared it keeps both readings and is refused."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_expression, parse_given

NLL = r"\ell = \sum_{k = 1}^{n} \frac{1}{2\sigma ^2}(x^k - \mu )^2"


def test_a_declared_vector_to_a_summed_index_is_its_sample_and_says_so():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^n", ctx)
    got = parse_expression(r"\sum_{k=1}^{n} x^k", ctx)
    (k, _, upper) = got.limits[0]
    assert str(got.function.base) == "x" and got.function.indices == (k,) and upper == sp.Symbol("n", integer=True, positive=True)
    assert any("x^k read as the sample x_k" in note for note in ctx.notes)


def test_the_gaussian_mean_gradient_written_with_sample_superscripts_is_minus_the_summed_residual():
    given = [r"x \in \mathbb{R}^n"]
    right = r"\frac{\partial \ell}{\partial \mu} = - \sum_{k = 1}^{n} \frac{1}{\sigma ^2}(x_k - \mu )"
    assert verify(right, define=[NLL], given=given).verdict == "proved"
    assert verify(right.replace("= -", "="), define=[NLL], given=given).verdict == "wrong"


def test_an_undeclared_name_to_a_summed_index_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match="two readings: the power, or the sample"):
        parse_expression(r"\sum_{k=1}^{n} x^k", Context())
