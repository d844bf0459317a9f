"""Code's ``==`` joining a claim's members (``sec(x)^2 == 1/cos(x)^2``) is the chain's ``=``; inside brackets, in a
text that tests (``if``, ``where``) or in code it stays a comparison."""

from __future__ import annotations

import pytest

from symgrad.read.claim_double_equals import double_equals_spelled
from symgrad.verify import verify


def test_a_top_level_double_equals_is_the_chains_equals() -> None:
    notes: list[str] = []
    assert double_equals_spelled("sec(x)^2 == 1/cos(x)^2", notes) == "sec(x)^2 =  1/cos(x)^2"
    assert notes == ["== read as the chain's = (code's equality joining its members)"]


@pytest.mark.parametrize("text", ["1 if y == 1 else 0", "[y == 1] - p", "d = np.where(y == 1, 1, 0)"])
def test_a_comparison_stays(text: str) -> None:
    assert double_equals_spelled(text, []) == text


@pytest.mark.parametrize(("last", "verdict"), [("1/cos(x)^2", "proved"), ("1/sin(x)^2", "wrong")])
def test_a_chain_joined_by_double_equals(last: str, verdict: str) -> None:
    assert verify(f"d/dx tan(x) = sec(x)^2 == {last}").verdict == verdict
