"""A claim written as a function's one line ``return <value>`` (``return 1-np.tanh(x)**2``, in backticks or not) is
that value; a sentence starting with the word (``returns x``, ``return the value``) is no code."""

from __future__ import annotations

import pytest

from symgrad.read.code import code_pieces
from symgrad.verify import verify


@pytest.mark.parametrize("text", ["return 1 - x", "return(1 - x)", "`return 1 - x`"])
def test_a_return_line_is_its_value(text):
    assert "".join(t for t, _ in code_pieces(text)) == "1-x"


@pytest.mark.parametrize("text", ["returns x**2", "return the value"])
def test_words_after_return_are_no_code(text):
    assert code_pieces(text) is None


@pytest.mark.parametrize("claim, verdict", [("return 1-np.tanh(x)**2", "proved"), ("return 1-np.tanh(x)", "wrong")])
def test_a_tanh_derivative_returned_is_judged(claim, verdict):
    assert verify(claim, r"\frac{d}{dx} \tanh(x)").verdict == verdict
