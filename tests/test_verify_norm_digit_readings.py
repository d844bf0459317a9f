"""||x||2, a norm copied from a page that lost its _ or ^, is judged as the 2-norm and as the square (read.bars carries
both readings, verify.readings judges each): one verdict stands, noted; different verdicts keep it refused, named."""

from __future__ import annotations

import symgrad

VECTOR = [r"x \in \mathbb{R}^{n}"]


def test_a_claim_both_readings_refute_is_wrong_noting_both():
    v = symgrad.verify(r"\frac{\partial z}{\partial x} = 3x", define=["z = ||x||2"], given=VECTOR)
    assert v.verdict == "wrong", v.message
    assert r"2 has two readings here, \|...\|_2 (the 2-norm) and \|...\|^2 (its power)" in v.message, v.message


def test_a_claim_right_for_the_square_only_stays_refused_naming_each_verdict():
    v = symgrad.verify(r"\frac{\partial z}{\partial x} = 2x", define=["z = ||x||2"], given=VECTOR)
    assert v.verdict == "unreadable", v.message
    assert r"different verdicts (\|...\|_2 (the 2-norm): wrong, \|...\|^2 (its power): proved)" in v.message, v.message
