"""``derive --loss`` through the reader: a loss written without ``L =`` is the loss, whatever = its sums hold."""

from __future__ import annotations

import sympy as sp

from symgrad.loss import derive_loss
from symgrad.read import names_itself


def test_an_equals_inside_a_sum_bound_does_not_make_a_definition():
    assert not names_itself(r"-\sum_{k=1}^{K} p_k \log p_k")
    assert names_itself(r"L = -\sum_{k=1}^{K} p_k \log p_k")
    assert names_itself(r"\ell(y, \hat{y}) = (y - \hat{y})^2")


def test_entropy_written_without_l_equals_is_derived_as_the_loss():
    d = derive_loss(r"-\sum_{k=1}^{K} p_k \log p_k", wrt=["p"])
    (r,) = d.results
    (i,) = r.var.indices
    assert sp.simplify(r.expr - (-sp.log(r.var.base[i]) - 1)) == 0
