"""A chain ending '= 0' after the derivative's value is the derivative set to zero to solve for a stationary point
(verify/stationarity): the links before the 0 are judged and the verdict says how the 0 was read; a wrong link
before it is still wrong, and a claim whose only value is 0 is a claim of zero. d/du (u - 1)^2 = 2(u - 1), by hand."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.verify.stationarity import SET_TO_ZERO

L = [r"L = (u - 1)^2 + \lambda u"]


def test_a_right_chain_set_to_zero_is_right_and_says_so():
    v = symgrad.verify(r"\frac{\partial L}{\partial u} = 2(u - 1) + \lambda = 0", define=L)
    assert v.verdict in ("proved", "agrees") and SET_TO_ZERO in str(v), str(v)


@pytest.mark.parametrize("claim", [r"\frac{\partial L}{\partial u} = 2(u - 1) - \lambda = 0",  # a sign slip
                                   r"\frac{\partial L}{\partial u} = 0"])  # the derivative claimed zero
def test_a_wrong_link_or_a_claimed_zero_is_wrong(claim):
    v = symgrad.verify(claim, define=L)
    assert v.verdict == "wrong" and SET_TO_ZERO not in str(v), str(v)
