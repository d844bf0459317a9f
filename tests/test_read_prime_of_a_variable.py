"""A prime on a name nothing defines (``g(x) = x'Mx`` with x undeclared): it was read as the derivative of x by
itself, 1, with no note, so g was Mx and the wrong claim dg/dx = M was PROVED (found by helper G). The prime of a
variable is the transpose (MATLAB, econometrics) or a name of its own, never dx/dx: refused naming both readings;
with x declared a vector it is the transpose."""

from __future__ import annotations

import pytest

import symgrad

QUADRATIC = r"g(x) = x'Mx"
SQUARE = r"M \in \mathbb{R}^{n \times n}"


@pytest.mark.parametrize("claim", [r"M", r"(M + M^T) x"])
def test_the_prime_of_an_undeclared_variable_is_refused_naming_both_readings(claim: str) -> None:
    v = symgrad.verify(rf"\frac{{\partial g}}{{\partial x}} = {claim}", define=[QUADRATIC], given=[SQUARE])
    assert v.verdict == "unreadable"
    assert "x' of x, which nothing defines, has two readings: the transpose" in v.message
    assert "a name of its own" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"(M + M^T) x", "proved"), (r"M", "wrong|unreadable"), (r"2Mx", "wrong")])
def test_the_prime_of_a_declared_vector_is_its_transpose(claim: str, verdict: str) -> None:
    v = symgrad.verify(rf"\frac{{\partial g}}{{\partial x}} = {claim}", define=[QUADRATIC],
                       given=[SQUARE, r"x \in \mathbb{R}^{n}"])
    assert v.verdict in verdict.split("|")  # M: a matrix claimed for a vector's gradient, never proved


def test_the_prime_of_a_defined_name_is_still_its_derivative() -> None:
    v = symgrad.verify(r"y' = y(1 - y)", define=[r"y = \frac{1}{1 + e^{-x}}"])
    assert v.verdict == "proved"
    assert symgrad.verify(r"y' = y(1 + y)", define=[r"y = \frac{1}{1 + e^{-x}}"]).verdict == "wrong"
