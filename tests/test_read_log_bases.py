"""``\\lg`` is the base-10 logarithm (ISO 80000-2) or the base-2 logarithm (computer science): refused naming both,
and judged under each; a verdict stands only where both bases give it."""

from __future__ import annotations

import pytest

from symgrad.errors import ParseError
from symgrad.read import Context
from symgrad.read.claims import parse_definition
from symgrad.verify import verify


def test_lg_is_refused_with_both_bases_spelled_over_every_lg() -> None:
    with pytest.raises(ParseError) as e:
        parse_definition(r"L = y \lg p + (1-y)\lg(1-p)", Context())
    spelled = [r[3] for r in e.value.readings]
    assert spelled == [r"\log_{10} p + (1-y)\log_{10}", r"\log_{2} p + (1-y)\log_{2}"]


def test_a_claim_wrong_under_both_bases_is_wrong() -> None:
    v = verify(r"\frac{\partial L}{\partial p} = \frac{y}{p}", define=[r"L = y \lg p"])
    assert v.verdict == "wrong"


def test_a_claim_right_under_one_base_only_stays_refused() -> None:
    v = verify(r"\frac{\partial L}{\partial p} = \frac{y}{p \ln 10}", define=[r"L = y \lg p"])
    assert v.verdict == "unreadable" and "base-2" in v.message
