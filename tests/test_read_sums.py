"""symgrad.read sums as pages write them: counted from 0 (issue 9, item 4)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_expression, parse_given

QUADRATIC = r"\alpha = \sum_{i=0}^{n-1}\sum_{j=0}^{n-1}x_i a_{ij}x_j"


def test_a_sum_from_zero_over_subscripts_is_the_same_elements_counted_from_one():
    got = parse_expression(r"\sum_{i=0}^{n-1} x_i", Context())
    (i, lower, upper) = got.limits[0]
    assert (lower, upper) == (1, sp.Symbol("n", integer=True, positive=True))
    assert got.function.base.label == sp.Symbol("x") and got.function.indices == (i,)


@pytest.mark.parametrize("top", [2, 3, 5])
def test_a_sum_from_zero_keeps_the_index_as_a_number_where_it_is_one(top):
    a = sp.Symbol("a")
    ctx = Context()
    parse_given(r"a \in \mathbb{R}", ctx)  # a power series: a declared a scalar (else a^k is refused: a sample?)
    got = parse_expression(r"\sum_{k=0}^{K} (k + 1) a^k", ctx)
    want = sum((k + 1) * a**k for k in range(top + 1))  # written out independently of symgrad
    (k, lower, upper) = got.limits[0]
    size, plain = next(s for s in got.free_symbols if str(s) == "K"), sp.Symbol("k", integer=True)
    summed = sp.Sum(got.function.xreplace({k: plain}), (plain, lower, upper)).subs(size, top).doit()
    assert sp.expand(summed - want) == 0


def test_the_reading_from_zero_is_noted():
    ctx = Context()
    parse_definition(QUADRATIC, ctx)
    assert any("from 0 read from 1" in n for n in ctx.notes)


def test_quadratic_form_gradient_written_with_sums_from_zero_is_proved():
    claim = r"\frac{\partial \alpha}{\partial x_k} = \sum_{i=0}^{n-1}a_{ik}x_i+\sum_{j=0}^{n-1}a_{kj}x_j"
    v = verify(claim, define=[QUADRATIC])
    assert v.verdict == "proved" and "from 0 read from 1" in v.message


def test_quadratic_form_gradient_with_the_transpose_missing_is_wrong():
    claim = r"\frac{\partial \alpha}{\partial x_k} = 2\sum_{i=0}^{n-1}a_{ki}x_i"
    assert verify(claim, define=[QUADRATIC]).verdict == "wrong"


def test_derivative_of_a_power_series_from_zero_agrees_with_autograd():
    # d/da sum_{k=0}^{K} a^k = sum_{k=1}^{K} k a^{k-1}; autograd is the reference at K = 4
    series = grad(lambda a: anp.sum(a ** anp.arange(5.0)))
    claim_value = sum(k * 0.7 ** (k - 1) for k in range(1, 5))
    assert np.isclose(series(0.7), claim_value, rtol=1e-12)
    scalar = [r"a \in \mathbb{R}"]
    v = verify(r"\frac{d L}{d a} = \sum_{k=1}^{K} k a^{k-1}", define=[r"L = \sum_{k=0}^{K} a^k"], given=scalar)
    assert v.verdict in ("proved", "agrees")
    assert verify(r"\frac{d L}{d a} = \sum_{k=0}^{K} k a^{k}", define=[r"L = \sum_{k=0}^{K} a^k"],
                  given=scalar).verdict == "wrong"


def test_an_undeclared_name_to_the_power_of_the_summation_index_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match=r"x\^k with k summed has two readings: the power, or the sample x_k"):
        parse_definition(r"L = \sum_{k=1}^{n} (x^k - \mu)^2", Context())
