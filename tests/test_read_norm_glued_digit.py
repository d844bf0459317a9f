"""A digit glued after a norm's closing bars (``||Ax - b||2``, plain text copied from a page): it was read as the
product 2 ||Ax - b||, unnoted, and a wrong claim twice the 2-norm's gradient agreed (found by helper Df). The digit
is the norm's subscript or its power with the _ or ^ lost: both readings are judged, and the input is refused
naming both where they differ."""

from __future__ import annotations

import pytest

import symgrad

GIVEN = [r"A \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^{n}", r"b \in \mathbb{R}^{m}"]
HALF = r"\frac{\partial L}{\partial x} = \frac{A^T(Ax-b)}{\|Ax-b\|}"
DOUBLE = r"\frac{\partial L}{\partial x} = \frac{2A^T(Ax-b)}{\|Ax-b\|}"


@pytest.mark.parametrize("definition", [r"L = ||Ax - b||2", r"L = \|Ax - b\| 2", r"L = \left\|Ax - b\right\|2"])
@pytest.mark.parametrize(("claim", "verdict"), [(HALF, "unreadable"), (DOUBLE, "wrong")])
def test_a_digit_after_a_norm_has_two_readings_subscript_and_power(definition: str, claim: str, verdict: str) -> None:
    # each reading is judged (verify.readings): HALF is right for the 2-norm only, so it stays refused naming both;
    # DOUBLE is right for neither, so it is wrong, noted with both
    v = symgrad.verify(claim, define=[definition], given=GIVEN)
    assert v.verdict == verdict, v.message
    assert "(the 2-norm)" in v.message and "(its power)" in v.message, v.message


def test_the_written_subscript_and_a_leading_factor_still_read() -> None:
    assert symgrad.verify(HALF, define=[r"L = \|Ax - b\|_2"], given=GIVEN).verdict == "proved"
    assert symgrad.verify(DOUBLE, define=[r"L = \|Ax - b\|_2"], given=GIVEN).verdict == "wrong"
    assert symgrad.verify(DOUBLE, define=[r"L = 2\|Ax - b\|"], given=GIVEN).verdict in ("proved", "agrees")
