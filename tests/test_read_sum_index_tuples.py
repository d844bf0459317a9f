"""\\sum_{(n, m)}: a sum written over a tuple of indices, with no set they are drawn from, is the sum over each index
(\\sum_{n, m}), noted; a tuple drawn from a set (\\sum_{(n, m) \\in \\Omega}) stays refused."""

import pytest
import sympy as sp

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_expression

_LOSS = r"L = \frac{1}{2}\sum_{(n, m)} \left(r_{nm} - \hat{r}_{nm}\right)^2"
_RHAT = r"\hat{r}_{nm} = \sum_{f = 1}^F u_{nf} v_{mf}"
_CLAIM = r"\frac{\partial L}{\partial u_{nf}} = {}\sum_m\left((r_{nm} - \hat{r}_{nm})\cdot v_{mf}\right)"


def test_a_sum_over_an_index_pair_is_the_double_sum():
    tuple_sum = parse_expression(r"\sum_{(n, m)} x_{nm}", Context())
    double_sum = parse_expression(r"\sum_{n, m} x_{nm}", Context())
    assert sp.srepr(tuple_sum) == sp.srepr(double_sum)


def test_a_pair_drawn_from_a_set_stays_refused():
    with pytest.raises(ParseError):
        parse_expression(r"\sum_{(n, m) \in \Omega} x_{nm}", Context())


def test_matrix_factorization_gradient_by_a_user_factor():
    right = symgrad.verify(claim=_CLAIM.replace("{}", "-"), define=[_LOSS, _RHAT])
    assert right.verdict == "proved"
    assert r"\sum_{(n, m)} read as the sum over each of its indices" in str(right)
    assert symgrad.verify(claim=_CLAIM.replace("{}", ""), define=[_LOSS, _RHAT]).verdict == "wrong"
