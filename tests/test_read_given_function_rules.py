"""A fact stating the derivative of a function nothing defines, in terms of that function: ``g'(z) = g(z)(1 - g(z))``
beside ``J = -\\frac{1}{m}\\sum_i \\log g(y^{(i)} \\theta^T x^{(i)})`` (Ng's CS229 notes, as
https://github.com/tylerneylon writes them up). g stays unknown and follows the rule: the claim is judged for any g
with that derivative; a fact with another name in it is no rule, and a function also defined is never ruled so."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.given_function_rules import check_rules

_RULE = "g'(z) = g(z)(1-g(z))"


def test_the_rule_is_the_unknown_functions_derivative() -> None:
    ctx = Context()
    parse_given(_RULE, ctx)
    g, x = ctx.derivative_rules["g"], sp.Symbol("x")
    assert sp.simplify(g(x).diff(x) - g(x) * (1 - g(x))) == 0
    assert any("the rule for g" in n for n in ctx.notes)


def test_a_right_side_with_another_name_is_no_rule() -> None:
    with pytest.raises(ParseError, match="not defined"):
        parse_given("g'(z) = 1 - g(z)^2 + y", Context())


def test_the_claim_is_judged_by_the_rule() -> None:
    define, given = [r"L = \log g(w x)"], [_RULE]
    assert verify(r"\frac{\partial L}{\partial w} = (1 - g(w x)) x", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial w} = (1 + g(w x)) x", define=define, given=given).verdict == "wrong"
    assert verify(r"\frac{\partial L}{\partial w} = g'(w x) x", define=define, given=given).verdict == "wrong"


def test_a_rule_for_a_function_then_defined_is_refused() -> None:
    ctx = Context()
    parse_given(_RULE, ctx)
    ctx.functions["g"] = object()
    with pytest.raises(ParseError, match="stated as a fact and g is defined"):
        check_rules(ctx)
