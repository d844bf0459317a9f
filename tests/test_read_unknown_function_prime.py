"""``f'(...)`` of a function the definitions apply but nothing defines (``\\hat{y}_j = f(\\sum_i w_{ij} x_i)``): the
derivative of that unknown function at the point written, judged for any f (noted); f' of a function that appears
nowhere else is still refused."""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from symgrad.read.claims import parse_definition, parse_expression
from symgrad.read.context import Context
from symgrad.verify import verify


def test_the_prime_is_the_unknown_functions_derivative_at_the_point():
    ctx = Context()
    parse_definition(r"y = f(2x)", ctx)
    got = parse_expression(r"f'(2x)", ctx)
    assert isinstance(got, sp.Subs) and got.point == (2 * sp.Symbol("x"),)
    assert isinstance(got.expr, sp.Derivative) and isinstance(got.expr.expr, AppliedUndef)
    assert any("judged for any f" in n for n in ctx.notes)


def test_the_chain_rule_through_an_unknown_activation():
    define = [r"E = \frac{1}{2}\sum_j (y_j - \hat{y_j})^2", r"\hat{y_j} = f(\sum_{i} w_{ij}x_i)"]
    right = r"\frac{\partial E}{\partial w_{ij}} = -(y_j - \hat{y_j}) f'(\sum_{i} w_{ij}x_i) x_i"
    v = verify(right, define=define)
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{dy}{dx} = f'(2x)", define=[r"y = f(2x)"]).verdict != "proved"
