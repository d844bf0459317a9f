"""A sum from 0 whose index is both a subscript and a number (y = \\sum_{j=0}^{M} x^j w_j, a polynomial) is not
counted from 1 (read/sums.from_one): relabelled, w_0 became the first element w_1 and a claim's w_i named the page's
w_{i-1}, so the WRONG dE/dw_i = sum_n (y_n - t_n) x_n^{i-1} was proved (held out 14, measured untuned). Refused,
naming the spelling from 1. A sum from 0 that only subscripts its index (\\sum_{k=0}^{K-1} e^{z_k}) is still read
from 1: by hand, d/dz_i log sum_k e^{z_k} = e^{z_i} / sum_k e^{z_k}."""

from __future__ import annotations

import pytest

import symgrad


def test_an_index_used_as_a_number_is_not_relabelled():
    v = symgrad.verify(r"\frac{\partial y}{\partial w_i} = x^{i-1}", define=[r"y = \sum_{j=0}^{M} x^j w_j"],
                       given=[r"x \in \mathbb{R}"])
    assert v.verdict == "unreadable" and "both as a subscript and as a number" in str(v), str(v)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial z_i} = \frac{e^{z_i}}{\sum_{k=0}^{K-1} e^{z_k}}", "proved"),
    (r"\frac{\partial L}{\partial z_i} = e^{z_i}", "wrong")])
def test_subscripts_alone_are_still_read_from_one(claim, verdict):
    v = symgrad.verify(claim, define=[r"L = \log \sum_{k=0}^{K-1} e^{z_k}"])
    assert v.verdict == verdict, str(v)
