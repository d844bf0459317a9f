"""Spans of code joined by ``or`` (```(A+A.T)*X` or `A*X + A.T*X```: a page's equivalent forms of one value), or by
``=`` as read/chains writes that ``or``, read as one chain, each claimed: right only where every form is, wrong where
one is not."""

from __future__ import annotations

import pytest

from symgrad.read.code import code_pieces
from symgrad.verify import verify


@pytest.mark.parametrize("text", ["`np.exp(x)*2` or `2*np.exp(x)`", "`np.exp(x)*2` =  `2*np.exp(x)`"])
def test_code_spans_joined_by_or_are_a_chain(text):
    pieces = code_pieces(text)
    assert "".join(text for text, _ in pieces) == r"\exp(x)\cdot2=2\cdot\exp(x)"


@pytest.mark.parametrize("text", ["`np.exp(x)` or 2x", "`np.exp(x)` and `x.T`", "so `np.exp(x)` or `x.T`"])
def test_anything_else_between_or_around_the_spans_is_no_chain(text):
    assert code_pieces(text) is None


@pytest.mark.parametrize("claim, verdict", [("`np.exp(x)*2` or `2*np.exp(x)`", "proved"),
                                            ("`np.exp(x)*2` or `np.exp(x)`", "wrong")])
def test_each_form_is_judged(claim, verdict):
    assert verify(claim, r"\frac{d}{dx} 2 e^{x}").verdict == verdict
