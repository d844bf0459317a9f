"""A definition chain y = \\varphi(v) = \\ln(1 + e^{av}) whose middle side applies a lowercase Greek letter nothing
defines is the page naming its function: the explicit side defines y (read/claims.parse_definition tries such a
side last), not y = varphi times v, which left a undefined and made dy/dv = varphi. \\sigma(z) stays the sigmoid.
By hand: d/dv ln(1 + e^{av}) = a / (1 + e^{-av})."""

from __future__ import annotations

import pytest

import symgrad

CHAIN = [r"y = \varphi(v) = \ln(1+e^{av})"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{d}{dv}y = \frac{a}{1+e^{-av}}", "proved"),
                                                (r"\frac{d}{dv}y = \frac{1}{1+e^{-av}}", "wrong"),  # a factor lost
                                                (r"\frac{d}{dv}y = \varphi", "wrong")])  # the product reading's answer
def test_a_greek_function_head_in_a_chain(claim, verdict):
    v = symgrad.verify(claim, define=CHAIN)
    assert v.verdict == verdict and "side 2" in str(v), str(v)


def test_sigma_in_a_chain_is_still_the_sigmoid():
    v = symgrad.verify(r"\frac{\partial a}{\partial z} = a(1 - a)", define=[r"a = \sigma(z) = \frac{1}{1+e^{-z}}"])
    assert v.verdict == "proved", str(v)
