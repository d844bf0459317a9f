"""``--of its derivative``: with the page's one definition a function of one variable, the derivative of that
function by its variable; with two functions defined the words name none of them, and stay unread."""

from __future__ import annotations

import pytest

from symgrad.read import Context, parse_definition
from symgrad.read.derivative_of_the_function import derivative_of_the_function
from symgrad.verify import verify


def test_its_derivative_names_the_one_function() -> None:
    ctx = Context()
    parse_definition("f(x) = x^2", ctx)
    assert derivative_of_the_function("its derivative", ctx) == r"\frac{\partial f}{\partial x}"
    parse_definition("g(x) = x^3", ctx)
    assert derivative_of_the_function("its derivative", ctx) is None


@pytest.mark.parametrize(("claim", "verdict"), [("2x", "proved"), ("x", "wrong")])
def test_its_derivative(claim: str, verdict: str) -> None:
    assert verify(claim, define=["f(x) = x^2"], of="its derivative").verdict == verdict
