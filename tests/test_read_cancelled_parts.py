"""``\\cancel{X}`` (and ``\\bcancel``, ``\\xcancel``) strikes out what cancels on the page: the formula's value is the
one written under the strokes, so the reader reads what is struck out as written."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.read import parse_expression
from symgrad.verify import verify


def test_struck_out_factors_keep_their_value() -> None:
    y, d = sp.symbols("y d")
    assert sp.simplify(parse_expression(r"d\cancel{\frac{1}{y}}(\cancel{y}(1-y))") - d * (1 - y)) == 0
    assert sp.simplify(parse_expression(r"\bcancel{y} + \xcancel y") - 2 * y) == 0


@pytest.mark.parametrize(("value", "verdict"), [
    (r"\frac{a}{1+e^{-av}} \left( \cancel{\frac{1+e^{-av}}{1+e^{-av}}} - \frac{1}{1+e^{-av}} \right)", "proved"),
    (r"\frac{a}{1+e^{-av}} \left( \cancel{\frac{1+e^{-av}}{1+e^{-av}}} + \frac{1}{1+e^{-av}} \right)", "wrong"),
])
def test_a_logistic_derivative_with_a_cancelled_fraction(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{dy}}{{dv}} = {value}", define=[r"y = \frac{1}{1 + e^{-av}}"])
    assert v.verdict == verdict, str(v)
