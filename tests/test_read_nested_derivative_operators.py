"""Two derivative operators in a row (``\\frac{d}{dx}\\frac{d}{dx} x^3``, ``\\partial_x \\partial_y``) are a higher
derivative. SymPy folds them into one Derivative by x twice; the reader took its first variable only, so the
derivative was read as the first one and the WRONG 3x^2 was proved (read/claims._outermost). A higher derivative
written so is refused (claim one first derivative at a time); \\frac{d^2}{dx^2} keeps its own reading."""

from __future__ import annotations

import pytest

import symgrad


@pytest.mark.parametrize("claim", [
    r"\frac{d}{dx}\frac{d}{dx} x^3 = 3x^2",
    r"\frac{d}{dx}\left(\frac{d}{dx} x^3\right) = 3x^2",
    r"\frac{\partial}{\partial x}\frac{\partial}{\partial y} x^3 y^2 = 3x^2y^2",
    r"\partial_x \partial_y (x^3 y^2) = 3x^2y^2",
])
def test_two_operators_are_never_read_as_one_derivative(claim):
    v = symgrad.verify(claim)
    assert v.verdict == "unreadable" and "higher derivative" in v.message, str(v)


def test_the_second_derivative_written_as_such_is_judged():
    assert symgrad.verify(r"\frac{d^2}{dx^2} x^3 = 6x").verdict == "proved"
    assert symgrad.verify(r"\frac{d^2}{dx^2} x^3 = 3x^2").verdict == "wrong"
