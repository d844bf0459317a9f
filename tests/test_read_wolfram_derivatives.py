"""Wolfram Alpha's plain-text derivative as pages copy it, ``(dy(x))/(dx)``, is dy/dx; ``(d^2 y(x))/(dx^2)`` the
second derivative; an argument that is not the variable (``(dy(t))/(dx)``) is left as written."""

from __future__ import annotations

import pytest

from symgrad.read.tokens import _tokens
from symgrad.verify import verify


def _text(latex: str) -> str:
    return " ".join(t.text for t in _tokens(latex)[:-1])


def test_the_differentials_in_parentheses_are_a_derivative_fraction() -> None:
    assert _text("(dy(x))/(dx)") == r"\frac { d y } { d x }"
    assert _text("(d^2 y(x))/(dx^2)") == r"\frac { d ^ 2 y } { d x ^ 2 }"
    assert _text("(dy(t))/(dx)") == "( d y ( t ) ) / ( d x )"


@pytest.mark.parametrize(("claim", "verdict"), [
    ("(dy(x))/(dx) = e^x/(1 + e^x)^2", "proved"),
    ("(dy(x))/(dx) = e^x/(1 + e^x)", "wrong"),
])
def test_the_sigmoid_derivative_as_wolfram_alpha_writes_it(claim: str, verdict: str) -> None:
    v = verify(claim, define=["y=e^x/(1+e^x)"])
    assert v.verdict == verdict, str(v)
