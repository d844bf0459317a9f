"""A claim announced as the derivative of a function written with its one argument (``the tanh(x) derivative is
1 - tanh^2(x)``, ``the derivative of tanh(x) is ...``) is the derivative by that argument, then its value."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.claim_announcements import without_announcement
from symgrad.verify import verify


def test_the_words_read_as_the_derivative_by_the_argument() -> None:
    assert without_announcement("the tanh(x) derivative is 1 - tanh^2(x)", Context()).split() == \
        ["d/dx", "tanh(x)", "=", "1", "-", "tanh^2(x)"]
    assert without_announcement(r"the derivative of \sigma(z) is V", Context()).split()[:3] == \
        ["d/dz", r"\sigma(z)", "="]
    assert without_announcement("the derivative should be 2x", Context()) == "the derivative should be 2x"


@pytest.mark.parametrize(("value", "verdict"), [("1 - tanh^2(x)", "proved"), ("1 - tanh(x)", "wrong")])
def test_the_tanh_derivative_in_words(value: str, verdict: str) -> None:
    v = verify(f"the tanh(x) derivative is {value}", of="d/dx tanh(x)")
    assert v.verdict == verdict, str(v)
