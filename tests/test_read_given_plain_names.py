"""A plain-text name with a digit label among the facts (``x1 = 2``, ``h0 = 0.5``, as code and plain-text pages
write them) is the name x_{1}, as the formula reader reads it in a definition: never x times 1, which would pin x
itself to the value (and a wrong claim about x could agree at every point drawn)."""

import pytest
import sympy as sp

from symgrad import verify
from symgrad.read import parse_given
from symgrad.read.context import Context


@pytest.mark.parametrize(("fact", "name", "value"), [("x1 = 2", "x_1", 2), ("h0 = 0.5", "h_0", sp.Rational(1, 2))])
def test_a_plain_name_with_a_digit_label_is_one_name(fact: str, name: str, value: sp.Expr) -> None:
    ctx = Context()
    parse_given(fact, ctx)
    assert [(str(c.lhs), c.rhs) for c in ctx.constraints] == [(name, value)]


@pytest.mark.parametrize(("claim", "verdict"), [("2x", "proved"), ("4", "wrong")])
def test_a_value_given_to_x1_leaves_x_free(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{dy}{dx}", define=["y = x^2 + x1"], given=["x1 = 2"])
    assert v.verdict == verdict
