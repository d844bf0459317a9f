"""A name of words joined by two underscores or more (``grad_y_pred``) is code's identifier, one upright name: a page's
subscript takes one underscore, so ``grad_y_pred = 2.0 * (y_pred - y)`` is code (before: grad with the index y)."""

from __future__ import annotations

import pytest

from symgrad.read.code import code_pieces


def test_a_name_with_two_underscores_makes_its_line_code():
    pieces = code_pieces("grad_y_pred = 2.0 * (y_pred - y)")
    assert pieces is not None
    assert "".join(text for text, _ in pieces) == r"\mathrm{gradypred}=2.0\cdot(\mathrm{ypred}-y)"


@pytest.mark.parametrize("text", ["y_i = 2.0 * (x_i - t)", "a_4 = f(m_7a_1+m_8a_2+b_4)", "z = p_ij_k + 1"])
def test_a_page_subscript_is_no_identifier(text):
    assert code_pieces(text) is None  # m_7a_1: the product m_7 a_1
