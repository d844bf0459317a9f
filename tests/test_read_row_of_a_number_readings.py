"""h(x) = \\theta^T x with nothing shaped: theta is a vector, and x read as a number makes h a row vector, which
the page never means (read/claims._row_of_a_number). The refusal names the two shapes the page may mean - x and
theta vectors of one size (their inner product), or both numbers (a one-feature model) - and verify.readings judges
the claim under each: the verdict stands where both agree, noted; where they differ the input stays refused, naming
what each gives."""

from __future__ import annotations

import pytest

import symgrad

H = [r"h(x) = \theta^T x"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial h}{\partial x} = \theta", "proved"),
                                                (r"\frac{\partial h}{\partial x} = 2\theta", "wrong"),
                                                (r"\frac{\partial}{\partial \theta} h(x) = x", "proved")])
def test_both_readings_agree(claim, verdict):
    v = symgrad.verify(claim, define=H)
    assert v.verdict == verdict, str(v)
    assert "arrays (x a vector of size n, \\theta a vector of size n) and numbers: each gives this verdict" in v.message


def test_readings_that_differ_stay_refused_naming_each_verdict():
    v = symgrad.verify(r"\frac{\partial h}{\partial \theta_j} = x_j", define=H)  # theta_j: no number has
    assert v.verdict == "unreadable" and "is a row vector with x read as a number" in v.message, str(v)
    assert "the readings give different verdicts" in v.message and "numbers: unreadable" in v.message
