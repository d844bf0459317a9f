"""A name defined as another lone name, then written with an index (read/shapes_aliases): yhat = a before
C = 1/n sum_i (yhat_i - y_i)^2 makes yhat and a vectors of n, the definition entry by entry. Judged: dC/da is
2/n (yhat - y); its sign slip is wrong."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad.read import Context, parse_definition

_DEFINE = [r"\hat{y} = a", r"C = \frac{1}{n} \sum_{i=1}^{n} (\hat{y}_i - y_i)^2"]


def test_the_alias_and_what_it_names_become_vectors_of_the_index_range():
    ctx = Context()
    for text in _DEFINE:
        parse_definition(text, ctx)
    d = ctx.definitions["yhat"]
    (k,) = d.lhs.indices
    assert d.rhs == sp.IndexedBase("a", shape=(k.upper,))[k] and str(k.upper) == "n"


def test_an_alias_another_definition_uses_as_a_number_stays():
    ctx = Context()
    parse_definition(r"\hat{y} = a", ctx)
    parse_definition(r"z = 2 \hat{y}", ctx)
    with pytest.raises(Exception, match="takes no index"):
        parse_definition(r"C = \sum_{i=1}^{n} (\hat{y}_i - y_i)^2", ctx)


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial C}{\partial a} = \frac{2}{n} (\hat{y} - y)", "proved"),
                                                (r"\frac{\partial C}{\partial a} = \frac{2}{n} (y - \hat{y})", "wrong")])
def test_the_gradient_by_the_named_output(claim, verdict):
    assert symgrad.verify(claim, define=list(reversed(_DEFINE))).verdict == verdict
