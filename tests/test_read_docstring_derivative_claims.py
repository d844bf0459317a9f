"""A docstring that says what a function returns (``returns derivative of tanh(x) which is 1 - x^2``, ``returns
derivative sigmoid(x) for a given x which is x(1-x)``) claims the derivative by the function's one argument; a
"which" that may name the function (a second "is" follows) or another letter given is left unread."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.claim_announcements import without_announcement
from symgrad.verify import verify


def test_the_docstring_reads_as_the_derivative_by_the_argument() -> None:
    assert without_announcement("returns derivative of tanh(x) which is 1 - x^2", Context()).split() == \
        ["d/dx", "tanh(x)", "=", "1", "-", "x^2"]
    assert without_announcement("returns derivative  sigmoid(x) for a given x which is x(1-x)", Context()).split() == \
        ["d/dx", "sigmoid(x)", "=", "x(1-x)"]


@pytest.mark.parametrize("text", ["the derivative of tanh(x), which is sinh(x)/cosh(x), is 1 - tanh(x)^2",
                                  "returns derivative of tanh(x) for a given y which is 1"])
def test_a_which_that_may_name_the_function_is_left(text: str) -> None:
    assert without_announcement(text, Context()) == text


@pytest.mark.parametrize(("value", "verdict"), [("1 - tanh(x)^2", "proved"), ("1 - x^2", "wrong")])
def test_the_tanh_docstring(value: str, verdict: str) -> None:
    assert verify(f"returns derivative of tanh(x) which is {value}", define=["tanh(x)"]).verdict == verdict


def test_python_cases_with_for_in_place_of_if() -> None:
    from symgrad.read.code_cases import braced

    assert braced("d = 1 for x > 0 else 0") == "d ={1 if  x > 0 ;    0 otherwise}"
    assert braced("d = 1 for x > 0 else 0 for x < 0") == "d = 1 for x > 0 else 0 for x < 0"


@pytest.mark.parametrize(("test", "verdict"), [("x > 0", "agrees"), ("x < 0", "wrong")])
def test_a_misspelled_docstring_with_cases(test: str, verdict: str) -> None:
    assert verify(f"returns derative of relu(x)  which is 1 for {test} else 0", define=["relu(x)"]).verdict == verdict
