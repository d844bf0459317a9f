"""Indicators as pages write them (issue 9 item 4): ``\\mathbb{1}[i = j]``, ``\\mathbb{1}\\{\\cdot\\}``, ``\\mathbb{1}(\\cdot)``,
``1_{i=j}``: 1 where the relation holds, else 0; indices equal is the Kronecker delta."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

x, y, z = sp.symbols("x y z")


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text", [r"1_{i=j}", r"\mathbb{1}[i = j]", r"\mathbb{1}_{i=j}", r"\mathbf{1}\{i = j\}"])
def test_an_indicator_of_two_indices_equal_is_the_kronecker_delta(text):
    got = read(text)
    assert isinstance(got, sp.KroneckerDelta) and {str(a) for a in got.args} == {"i", "j"}


def test_an_indicator_of_two_indices_different_is_one_minus_the_delta():
    got = read(r"\mathbb{1}\{i \neq j\}")
    assert got.subs({s: 1 for s in got.free_symbols}) == 0 and isinstance(got - 1, sp.Mul)


@pytest.mark.parametrize("text, at, want", [
    (r"\mathbb{1}(x > 0)", {x: 2}, 1), (r"\mathbb{1}(x > 0)", {x: -2}, 0),
    (r"\mathbb{1}[1 - yz > 0]", {y: 1, z: sp.Rational(1, 2)}, 1), (r"\mathbb{1}[1 - yz > 0]", {y: 1, z: 3}, 0),
])
def test_an_indicator_of_an_inequality_is_one_exactly_where_it_holds(text, at, want):
    assert read(text).subs(at) == want


def test_an_indicator_of_an_undeclared_label_equal_to_an_index_is_the_delta_of_the_label_noted():
    ctx = Context()
    got = parse_expression(r"\mathbb{1}[y_i = j]", ctx)
    assert isinstance(got, sp.KroneckerDelta) and {str(a) for a in got.args} == {"y_i", "j"}
    assert any("y_i read as a label" in note for note in ctx.notes)


def test_an_indicator_of_a_declared_vector_element_equal_to_an_index_is_refused_not_guessed():
    ctx = Context()
    parse_given(r"y \in \mathbb{R}^{n}", ctx)
    with pytest.raises(ParseError, match="one-hot"):
        parse_expression(r"\mathbb{1}[y_i = j]", ctx)


@pytest.mark.parametrize("claim, verdict", [
    (r"\frac{d}{dx} x^2 \mathbb{1}[x > 0] = 2x \mathbb{1}[x > 0]", "proved"),
    (r"\frac{d}{dx} x^2 \mathbb{1}[x > 0] = 2x", "wrong"),
    (r"\frac{\partial p_i}{\partial a_j} = p_i (1_{i=j} - p_j)", "proved"),
])
def test_claims_with_indicators_are_judged(claim, verdict):
    define = [r"p_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}"] if "p_i" in claim else []
    assert verify(claim, define=define).verdict == verdict
