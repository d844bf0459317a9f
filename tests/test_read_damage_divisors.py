"""``1/2m`` as ML pages write it: 1/(2m) where the same formula shows m is the count it divides by (a sum to m, as
http://www.qinuu.com/2019/03/25/2-linear-regression-with-one-variable/ writes \\sum^{m}_{i=1}, or \\frac{1}{2m} written
out), noted; refused naming both readings elsewhere (https://medium.com/intuitionmath/the-gradients-of-linear-regression-
cost-function-1a42b98ab0ef writes (1/2m) * (X * theta - y)^T (X * theta - y), with nothing in the formula counting m).
Expressions compared with their intended SymPy form; verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression
from symgrad.verify import verify


def read(text: str):
    return parse_expression(text, Context())


@pytest.mark.parametrize("glued, grouped", [
    (r"1/2m \sum_{i=1}^{m} (h_i - y_i)^2", r"\frac{1}{2m} \sum_{i=1}^{m} (h_i - y_i)^2"),
    (r"1/2m \sum^{m}_{i=1} (h_i - y_i)^2", r"\frac{1}{2m} \sum_{i=1}^{m} (h_i - y_i)^2"),
    ("1/2m sum_{i=1}^m (h_i - y_i)^2", r"\frac{1}{2m} \sum_{i=1}^{m} (h_i - y_i)^2"),
    (r"1/2N \sum_{n=1}^{N} e_n^2", r"\frac{1}{2N} \sum_{n=1}^{N} e_n^2"),
])
def test_a_glued_divisor_is_the_count_where_a_sum_to_it_shows_the_intent(glued, grouped):
    assert read(glued) == read(grouped)


@pytest.mark.parametrize("text", [r"1/2m", r"1/2m \sum_{i=1}^{n} (h_i - y_i)^2", "(1/2m) (X w - y)^T (X w - y)"])
def test_a_glued_divisor_without_a_count_in_the_formula_is_still_refused_naming_both(text):
    with pytest.raises(ParseError, match="two readings: divided by the whole product 2m, or by 2 alone"):
        read(text)


@pytest.mark.parametrize("claim, verdict", [(r"\frac{1}{m} \sum_{i=1}^{m} (w x_i - y_i) x_i", "proved"),
                                            (r"\frac{2}{m} \sum_{i=1}^{m} (w x_i - y_i) x_i", "wrong")])
def test_the_halved_mean_squared_error_written_1_over_2m_is_judged_as_autograd_says(claim, verdict):
    v = verify(claim, of=r"\frac{\partial J}{\partial w}", define=[r"J = 1/2m \sum_{i=1}^{m} (w x_i - y_i)^2"])
    xs, ys = np.array([0.5, -1.0, 2.0]), np.array([1.0, 0.3, -0.7])
    g = grad(lambda w: anp.sum((w * xs - ys) ** 2) / (2 * len(xs)))(0.8)
    assert v.verdict == verdict
    assert np.isclose(g, np.mean((0.8 * xs - ys) * xs))
    assert "/2m read as /(2 m)" in v.message
