"""A letter written both as a subscript and as a number in one problem (``L = E_x + x``, ``E[x] + x``): the derivative
by x is the derivative by the number while L's entries are counted by x, so the engine's self-check disagreed with
the definitions and verify raised SelfCheckError - an internal error for bad input. Found by a helper reading
definitions with bracket indices. Now refused in one line."""

from __future__ import annotations

import pytest

import symgrad


@pytest.mark.parametrize("definition", [r"L = E_x + x", r"L = E[x] + x", r"L = E_{x} x^2"])
def test_a_letter_used_as_an_index_and_as_a_number_is_refused_not_an_internal_error(definition: str) -> None:
    v = symgrad.verify("1", of=r"\frac{\partial L}{\partial x}", define=[definition])
    assert v.verdict == "unreadable"
    assert "x is used both as an index (a subscript) and as a number" in v.message


def test_a_letter_only_an_index_still_judges() -> None:
    v = symgrad.verify(r"\frac{\partial L}{\partial x_j} = 2 x_j", define=[r"L = \sum_i x_i^2"])
    assert v.verdict == "proved"
