"""A claim with no = that gives its value as alternatives (``(BA)^T or A^TB^T``) claims each is the derivative: read
as the chain ``(BA)^T = A^TB^T``, wrong where either is; text with words or an = keeps its ``or``."""

from __future__ import annotations

import pytest

from symgrad.read.chains import _lines_as_chain
from symgrad.verify import verify


def test_or_between_values_is_an_equals_sign() -> None:
    assert _lines_as_chain("(BA)^T or A^TB^T") == "(BA)^T =  A^TB^T"
    assert _lines_as_chain("x if y or z") == "x if y or z"
    assert _lines_as_chain("a = b or c") == "a = b or c"


@pytest.mark.parametrize(("value", "verdict"), [("(BA)^T or A^TB^T", "proved"), ("(BA)^T or B^TA^T", "wrong")])
def test_the_trace_gradient_given_two_ways(value: str, verdict: str) -> None:
    v = verify(value, of=r"\frac{\partial}{\partial X} \operatorname{tr}(AXB)")
    assert v.verdict == verdict, str(v)
