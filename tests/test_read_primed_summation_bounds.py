"""A primed summation index with the upper bound written first (``\\sum^N_{k'=1}``, as ``\\sum_{k'=1}^N``): a letter
of its own beside k."""

from __future__ import annotations

from symgrad.verify import verify

SQUARES = r"L = \sum^N_{k'=1} w_{k'}^2"


def test_a_primed_index_under_a_bound_written_first_is_a_letter_of_its_own():
    v = verify(r"\frac{\partial L}{\partial w_k} = 2 w_k", define=[SQUARES])
    assert v.verdict == "proved", v.message
    assert "a letter of its own" in v.message
    assert verify(r"\frac{\partial L}{\partial w_k} = 2 w_k^2", define=[SQUARES]).verdict == "wrong"
