"""A definition's head that lists a label among its inputs (``FL(x, t) = -(1 - p_t)^2 \\log p_t``): the parameter the
right side uses only as a subscript is the index of the element defined (FL_t), the other, never written there, the
input the value reaches through the names it uses; the head as written names that element in the claim."""

from __future__ import annotations

from symgrad.verify import verify

CE = [r"CE(x, t) = -\log{p_t}", r"p_i = \frac{e^{x_i}}{\sum_j e^{x_j}}"]


def test_a_label_parameter_is_the_index_of_the_element_defined():
    v = verify(r"\frac{\partial CE(x, t)}{\partial x_i} = p_i - \delta_{it}", define=CE)
    assert v.verdict == "proved", v.message
    assert "CE(x, t) read as CE_{t}" in v.message
    assert verify(r"\frac{\partial CE(x, t)}{\partial x_i} = p_i - 1", define=CE).verdict == "wrong"


def test_the_head_written_with_another_label_names_another_element():
    # CE(x, k) is CE_k: p_i - delta_it is its derivative for k = t only
    assert verify(r"\frac{\partial CE(x, k)}{\partial x_i} = p_i - \delta_{it}", define=CE).verdict == "wrong"


def test_an_input_the_right_side_writes_keeps_the_head_a_function():
    # g(x, t) = x p_t: x is written on the right, so t is no label of g's inputs and stays refused as a free index
    v = verify(r"\frac{\partial g}{\partial x} = p_t", define=[r"g(x, t) = x p_t", r"p_i = e^{z_i}"])
    assert v.verdict == "unreadable" and "index t is free" in v.message, v.message
