"""x^k with k summed and x nothing shapes: the power of a number x, or the sample x_k (read.expressions carries both
readings, the power as the fact x \\in \\mathbb{R}, the sample spelled x_k; verify.readings judges each): one verdict
stands, noted; different verdicts keep it refused, naming each."""

from __future__ import annotations

import symgrad

SQUARES = [r"f = \sum_{k=1}^{n} (x^k - \mu)^2"]


def test_a_claim_wrong_under_both_readings_is_wrong_noting_both():
    v = symgrad.verify(r"\frac{\partial f}{\partial \mu} = 2\sum_{k=1}^{n} (x^k - \mu)", define=SQUARES)
    assert v.verdict == "wrong", v.message
    assert "x^k has two readings here, the power x^k and the sample x_k: each gives this verdict" in v.message


def test_a_claim_right_under_one_reading_stays_refused_naming_each_verdict():
    # the claim writes x bare: the mean of the samples' reading, not the power's
    v = symgrad.verify(r"\frac{\partial f}{\partial \mu} = -2\sum_{k=1}^{n} (x - \mu)", define=SQUARES)
    assert v.verdict == "unreadable", v.message
    assert "different verdicts (the power x^k: wrong, the sample x_k: proved)" in v.message, v.message
