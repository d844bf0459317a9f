"""A derivative written as a formula, then words that say its value (``\\frac{d}{dx} (\\log(1 + \\exp(x))) is indeed
\\frac{1}{1 + \\exp(-x)}``, ``f'(x) is 3x^2``): the words read as the =, noted."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.claim_announcements import without_announcement
from symgrad.verify import verify


def test_the_words_read_as_the_equals_sign() -> None:
    ctx = Context()
    text = r"\frac{d}{dx} \log(1 + e^x) is indeed \frac{1}{1 + e^{-x}}"
    read = without_announcement(text, ctx)
    assert read.split() == [r"\frac{d}{dx}", r"\log(1", "+", "e^x)", "=", r"\frac{1}{1", "+", "e^{-x}}"]
    assert len(read) == len(text)
    assert any("'is indeed'" in n for n in ctx.notes)
    assert without_announcement("x is positive", Context()) == "x is positive"


@pytest.mark.parametrize(("value", "verdict"), [(r"\frac{1}{1 + \exp(-x)}", "proved"), (r"\frac{1}{1 + \exp(x)}", "wrong")])
def test_the_softplus_derivative_said_in_words(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{d}}{{dx}} (\log(1 + \exp(x))) is indeed {value}.")
    assert v.verdict == verdict, str(v)
