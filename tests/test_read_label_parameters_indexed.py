"""A function head whose parameter the right side uses only as a subscript, beside a parameter it writes only as the
array that subscript indexes: ``y(x, c) = -\\ln(x_c)`` (cross-entropy of a probability vector x and the true class c)
is the element y_c of the input vector x, noted; a parameter written as a value keeps the function reading."""

from __future__ import annotations

import pytest

from symgrad.read import Context, parse_definition
from symgrad.verify import verify


def test_the_head_is_the_element_at_the_label_of_the_input_array() -> None:
    ctx = Context()
    d = parse_definition(r"y(x,c) = -\ln(x_{c})", ctx)
    assert str(d.lhs) == "y[c]"
    assert str(d.rhs) == "-log(x[c])"
    assert any("written only as the array it indexes" in n for n in ctx.notes)


@pytest.mark.parametrize(("value", "verdict"), [(r"-\frac{1}{x_c}", "proved"), (r"\frac{1}{x_c}", "wrong")])
def test_its_derivative_by_an_element_of_the_input(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{dy(x,c)}}{{dx_i}} = \begin{{cases}} 0 &\text{{if }} i \ne c \\ {value} &\text{{if }} i=c "
               r"\end{cases}", define=[r"y(x,c) = -\ln(x_{c})"])
    assert v.verdict == verdict, str(v)
