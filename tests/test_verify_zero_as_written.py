"""A chain's last '= 0' is read as the derivative set to zero (verify/stationarity) only where the page writes a zero
after a value: a member that only reads as zero (3 g(x) times the derivative of a bare g) is judged as written, and so
is a zero after nothing but the derivative written out (\\frac{d}{dx} x^2 = 0, a claim of zero). By hand:
d/dx x^2 = 2x, d/dx g(x)^2 = 2 g(x) g'(x)."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.verify.stationarity import SET_TO_ZERO, _written_zero


@pytest.mark.parametrize(("text", "zero"), [("0", True), (r" 0 \non", True), (r"\mathbf{0}", True), ("0^T", True),
                                             (r"\boldsymbol 0.", True), (r"3 g(x) \frac{d}{dx}[g]", False),
                                             ("00", False), ("0.5", False)])
def test_a_zero_is_written(text, zero):
    assert _written_zero(text) is zero


@pytest.mark.parametrize("claim", [r"\frac{d}{dx} x^2 = 0",  # the derivative written out, then a zero
                                   r"\frac{d}{d x}\left[g(x)^2\right] = 3 g(x) \frac{d}{dx}\left[g\right]"])
def test_a_zero_after_no_value_is_a_claim_of_zero(claim):
    v = symgrad.verify(claim)
    assert v.verdict == "wrong" and SET_TO_ZERO not in str(v), str(v)


def test_a_value_then_zero_is_set_to_zero():
    v = symgrad.verify(r"\frac{d}{dx} x^2 = 2x = 0")
    assert v.verdict in ("proved", "agrees") and SET_TO_ZERO in str(v), str(v)
