"""A bracket glued to a name with index letters in it (``\\sum_j e^{x[j]}``): the element x_j, noted, where each letter
is an index of the formula; read as a product it would be x times j."""

from __future__ import annotations

from symgrad.verify import verify

SOFTMAX = [r"p_i = \frac{e^{x[i]}}{\sum_j e^{x[j]}}"]


def test_a_glued_bracket_of_indices_is_the_element():
    v = verify(r"\frac{\partial p_i}{\partial x_j} = p_i(\delta_{ij} - p_j)", define=SOFTMAX)
    assert v.verdict == "proved", v.message
    assert "x[j] read as the element x_{j}" in v.message
    assert verify(r"\frac{\partial p_i}{\partial x_j} = p_i(1 - p_j)", define=SOFTMAX).verdict == "wrong"


def test_a_sum_of_bracketed_elements_is_no_sum_of_products():
    # read as x times j, the derivative of the sum would be the sum of the j
    assert verify(r"\frac{\partial L}{\partial x_k} = 1", define=[r"L = \sum_j x[j]"]).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial x} = \sum_j j", define=[r"L = \sum_j x[j]"]).verdict != "proved"
