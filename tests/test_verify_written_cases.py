"""verify uses what the page wrote next to the claim: a case after it (", i \\neq j"), and says how the context
decided a reading (the reader's notes) in the verdict's message."""

from __future__ import annotations

import pytest

from symgrad import verify

SOFTMAX = [r"p_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}"]
DPDA = r"\frac{\partial p_i}{\partial a_j}"


def test_the_off_diagonal_case_written_after_the_claim_is_proved():
    v = verify(r"-p_i p_j, \quad i \neq j", of=DPDA, define=SOFTMAX)
    assert v.verdict == "proved", str(v)
    assert "i ≠ j" in v.message


def test_a_sign_slip_in_the_off_diagonal_case_written_after_the_claim_is_wrong_sign():
    v = verify(r"p_i p_j, \quad i \neq j", of=DPDA, define=SOFTMAX)
    assert (v.verdict, v.diagnosis) == ("wrong", "sign"), str(v)


@pytest.mark.parametrize("written", [r"-p_i p_j", r"-p_i p_j, \quad i = j"])
def test_the_off_diagonal_form_claimed_without_its_case_or_on_the_diagonal_is_wrong(written):
    assert verify(written, of=DPDA, define=SOFTMAX).verdict == "wrong"


def test_the_verdict_says_how_the_context_read_sigma():
    v = verify(r"\sigma(1-\sigma)", of=r"\frac{d\sigma}{dz}", define=[r"\sigma = \frac{1}{1+e^{-z}}"])
    assert v.verdict == "proved", str(v)
    assert "[read: \\sigma is a value here, so \\sigma(...) is a product, not the sigmoid]" in v.message
