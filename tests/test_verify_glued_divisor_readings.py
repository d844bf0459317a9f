"""1/2m written without braces (the whole product 2m divides, or 2 alone, then times m) is judged under both readings
where nothing in context decides it (read.operators carries them, verify.readings judges each): one verdict stands,
noted; different verdicts keep it refused, naming each. A divisor whose letter takes a power (x^2/2\\sigma^2) has no
clear extent and stays refused unjudged."""

from __future__ import annotations

import symgrad

HALF = [r"J = 1/2m (w x - y)^2"]


def test_a_claim_wrong_under_both_readings_is_wrong_noting_both():
    v = symgrad.verify(r"\frac{\partial J}{\partial w} = 3 (w x - y) x", define=HALF)
    assert v.verdict == "wrong", v.message
    assert "/2m has two readings here, divided by 2m and divided by 2, times m: each gives this verdict" in v.message


def test_a_claim_right_under_one_reading_stays_refused_naming_each_verdict():
    v = symgrad.verify(r"\frac{\partial J}{\partial w} = \frac{(w x - y) x}{m}", define=HALF)
    assert v.verdict == "unreadable", v.message
    assert "different verdicts (divided by 2m: proved, divided by 2, times m: wrong)" in v.message, v.message


def test_a_divisor_whose_letter_takes_a_power_is_refused_unjudged():
    v = symgrad.verify(r"\frac{df}{dx} = x", define=[r"f = x^2/2\sigma^2"])
    assert v.verdict == "unreadable" and "readings give" not in v.message and "each gives" not in v.message
