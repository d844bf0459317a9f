"""``\\d{}`` (TeX's dot-under accent on nothing, so a page's own macro for the upright d) is d: ``\\frac{\\d{}}{\\d{} t}``
is d/dt; ``\\d{x}``, an accent on a letter, is left as written."""

from __future__ import annotations

import pytest

from symgrad.read.tokens import _tokens
from symgrad.verify import verify


def test_the_macro_is_the_letter_d() -> None:
    assert [t.text for t in _tokens(r"\frac{\d{}}{\d{} t}")][:-1] == [r"\frac", "{", "d", "}", "{", "d", "t", "}"]
    assert [t.text for t in _tokens(r"\frac{\d}{\d t}")][:4] == [r"\frac", "{", "d", "}"]
    assert _tokens(r"\d{x}")[0].text == r"\d"


@pytest.mark.parametrize(("value", "verdict"), [("1 - g(t)", "proved"), ("g(t)", "wrong")])
def test_the_log_sigmoid_derivative_with_the_macro(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{\d{{}}}}{{\d{{}} t}} \log g(t) = {value}", define=["g(t) = 1 / (1 + e^{-t})"])
    assert v.verdict == verdict, str(v)
