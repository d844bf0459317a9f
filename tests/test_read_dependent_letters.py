"""A letter nothing defines, applied to exactly the variable the formula differentiates by (A(\\theta) beside
\\partial \\theta), has two readings: a function of that variable (its derivative unknown) or the letter times it (a
constant): refused naming both. Read as a product, the page's Jacobi formula d/dtheta |A(theta)| = |A| Tr[A^{-1}
dA/dtheta] was called wrong (dA/dtheta read as 0). f, g, h stay functions; a defined letter stays its definition."""

from __future__ import annotations

import pytest

import symgrad

JACOBI = (r"\frac{\partial}{\partial \theta}\left[|\mathbf{A}(\theta)|\right] = |\mathbf{A}|\text{Tr}\left["
          r"\mathbf{A}^{-1}\frac{\partial}{\partial \theta}\left[\mathbf{A}\right]\right]")


@pytest.mark.parametrize(("claim", "written"), [(JACOBI, r"A(\theta)"),
                                                (r"\frac{d}{d x}\left[a(x)^2\right] = 2 a(x) a", "a(x)")])
def test_a_letter_of_the_variable_is_refused_naming_both(claim, written):
    v = symgrad.verify(claim)
    assert v.verdict == "unreadable" and f"{written} has two readings" in v.message and "times" in v.message, str(v)


def test_a_function_letter_and_a_defined_letter_are_read():
    assert symgrad.verify(r"\frac{d}{d x}\left[g(x)^2\right] = 2 g(x) \frac{d}{dx}\left[g(x)\right]").verdict == "proved"
    v = symgrad.verify(r"\frac{d}{dx} a(x) = 2x", define=["a(x) = x^2"])
    assert v.verdict == "proved", str(v)
