"""A one-hot fact naming no vector ('the one-hot-vector'): the one array of the definitions nothing defines and no
function takes (the labels of a cross-entropy), or refused naming the candidates."""

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_given

_CE = [r"CE = -\sum_i y_i \log(\hat{y}_i)", r"\hat{y}_i = \frac{e^{\theta_i}}{\sum_m e^{\theta_m}}"]


def _settled(definitions: list[str], fact: str) -> Context:
    ctx = Context()
    parse_given(fact, ctx)
    for d in definitions:
        parse_definition(d, ctx)
    ctx.settle()
    return ctx


def test_the_one_hot_vector_is_the_label_of_the_cross_entropy():
    ctx = _settled(_CE, "the one-hot-vector")
    assert [str(c.lhs.function.base) for c in ctx.constraints] == ["y"]


def test_a_one_hot_fact_naming_no_vector_among_several_candidates_is_refused():
    with pytest.raises(ParseError, match=r"leave 3 that could be the labels \(t, w, x\)"):
        _settled([r"L = \sum_i (w_i x_i - t_i)^2"], "the one-hot encoded targets")


def test_the_cross_entropy_gradient_uses_that_the_labels_sum_to_one():
    right = verify(r"\frac{\partial CE}{\partial \theta_k} = \hat{y}_k - y_k", define=_CE, given=["the one-hot-vector"])
    wrong = verify(r"\frac{\partial CE}{\partial \theta_k} = \hat{y}_k + y_k", define=_CE, given=["the one-hot-vector"])
    assert right.verdict in ("proved", "agrees") and "read as y one-hot" in right.message
    assert wrong.verdict == "wrong"
