"""A name the page declares with one shape and defines with another (p \\in R^{k x k}, p = softmax(z) of z \\in R^k) is
refused naming both shapes (read.defined_values._declared_shape); the same shape, or a column written n x 1, reads."""

import pytest

import symgrad
from symgrad.errors import ParseError
from symgrad.read import parse_definition, parse_given
from symgrad.read.context import Context

CLAIM = r"\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)"


def _define(*given: str) -> None:
    ctx = Context()
    for g in given:
        parse_given(g, ctx)
    parse_definition(r"p = softmax(z)", ctx)


def test_a_declared_shape_that_the_definition_contradicts_is_refused():
    with pytest.raises(ParseError, match=r"p is declared k x k but defined as a value of shape"):
        _define(r"z \in \mathbb{R}^{k}", r"p \in \mathbb{R}^{k \times k}")


def test_the_same_shape_or_a_column_reads():
    _define(r"z \in \mathbb{R}^{k}", r"p \in \mathbb{R}^{k}")
    _define(r"z \in \mathbb{R}^{k}", r"p \in \mathbb{R}^{k \times 1}")


def test_a_where_clause_giving_another_shape_is_no_longer_proved():
    v = symgrad.verify(CLAIM, define=[r"p = softmax(z) \text{ where } p \in \mathbb{R}^{k \times k}"],
                       given=[r"z \in \mathbb{R}^{k}"])
    assert v.verdict == "unreadable" and r"\mathbb{R}^{k \times k} (two axes" in v.message, v.message  # the space named
