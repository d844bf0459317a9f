"""e^2 where a name e is declared (the error e of L(e) = ...) is judged as Euler's number and as the name (read.letters
carries both readings, verify.readings judges each): one verdict stands, noted; different verdicts keep it refused."""

from __future__ import annotations

import symgrad

HUBER = [r"L(e) = \alpha^2\left(\sqrt{1 + \left(\frac{e}{\alpha}\right)^2} - 1\right)"]
POSITIVE = [r"\alpha > 0"]


def test_a_claim_wrong_under_both_readings_is_wrong_noting_both():
    # e / sqrt(e^2 + alpha^2) lacks the factor alpha (the code's slip on the page)
    v = symgrad.verify(r"\frac{\partial L}{\partial e} = \frac{e}{\sqrt{e^2 + \alpha^2}}", define=HUBER, given=POSITIVE)
    assert v.verdict == "wrong", v.message
    assert "e has two readings here, Euler's number and the declared name e: each gives this verdict" in v.message


def test_a_claim_right_for_the_name_only_stays_refused_naming_each_verdict():
    v = symgrad.verify(r"\frac{\partial L}{\partial e} = \frac{\alpha \cdot e}{\sqrt{e^2 + \alpha^2}}", define=HUBER,
                       given=POSITIVE)  # the derivative, read with e the name
    assert v.verdict == "unreadable", v.message
    assert "different verdicts (Euler's number: wrong, the declared name e: agrees)" in v.message, v.message
