"""A construct refused for its two readings is judged under each (verify.readings): the verdict stands, noted,
where both readings give it; the input stays refused, naming what each reading gives, where they differ. A
construct whose extent is unclear (e-wx: e^{-w}x or e^{-wx}) is refused without being judged."""

from __future__ import annotations

import pytest

import symgrad

SIGMOID = r"\sigma(x) = \frac{1}{1 + e^{-x}}"


@pytest.mark.parametrize(("claim", "define", "verdict", "said"), [
    # sigma(1 - sigma) is wrong for 1/(1 + e - x) and for 1/(1 + e^{-x}) with the sign flipped: wrong either way
    (r"\frac{d\sigma}{dx} = -\sigma(1-\sigma)", [r"\sigma = \frac{1}{1+e-x}"], "wrong", "e-x has two readings here"),
    # e-w does not depend on x in either reading: 2x is right either way
    (r"\frac{df}{dx} = 2x", [r"f = x^2 + e-w"], "proved", "e-w has two readings here"),
    (r"\frac{df}{dx} = 2", [r"f = x^2 + e-w"], "wrong", "e-w has two readings here"),
    # ln(1 + ex): 2x is the derivative of neither e x nor e^x inside
    (r"\frac{df}{dx} = 2x", [r"f = \ln(1+ex)"], "wrong", "ex has two readings here"),
    # sigma2(x) for y = 2x: neither sigma(x)^2 nor 2 sigma x is the derivative 2
    (r"\frac{dy}{dx} = \sigma2(x)", ["y = 2 x", SIGMOID], "wrong", r"\sigma2 has two readings here"),
])
def test_both_readings_give_the_verdict(claim, define, verdict, said):
    v = symgrad.verify(claim, define=define)
    assert v.verdict == verdict and said in v.message, v.message


@pytest.mark.parametrize(("claim", "define", "readings"), [
    # sigma(1 - sigma) is the derivative of the sigmoid, not of 1/(1 + e - x)
    (r"\frac{d\sigma}{dx} = \sigma(1-\sigma)", [r"\sigma = \frac{1}{1+e-x}"], "e - x: wrong, e^{-x}: proved"),
    # the swish derivative's last form with sigma(x)^2 written sigma2(x) (sefiks.com)
    (r"\frac{dy}{dx} = \sigma(x) + x \sigma(x) - x \sigma2(x)", [r"y = x \sigma(x)", SIGMOID],
     r"\sigma(...)^2: proved, \sigma times 2(...): wrong"),
])
def test_readings_that_differ_keep_the_input_refused_naming_each(claim, define, readings):
    v = symgrad.verify(claim, define=define)
    assert v.verdict == "unreadable" and f"the readings give different verdicts ({readings})" in v.message, v.message


def test_a_superscript_of_unclear_extent_is_refused_without_readings():
    v = symgrad.verify(r"\frac{df}{dx} = 2x", define=[r"f = x^2 + e-wx"])
    assert v.verdict == "unreadable" and "e-w written together has two readings" in v.message, v.message
    assert "readings give" not in v.message and "each gives" not in v.message


def test_a_page_of_glued_powers_stays_refused_within_the_readings_budget():
    import time

    start = time.monotonic()
    v = symgrad.verify(r"\frac{df}{dx} = 2x", define=["f = x^2 + " + " + ".join(["e-w"] * 200)])
    assert v.verdict == "unreadable" and "e-w written together has two readings" in v.message, v.message
    assert time.monotonic() - start < 15  # 4 s of readings, each verify run to its end (about 2 s here, unloaded)
