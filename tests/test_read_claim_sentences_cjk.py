"""A claim stated in a Chinese sentence (``E对B求导结果是V``): the derivative of E by B is V; a remark that the prime
is the transpose (``('表示转置)``) decides what ``'`` means on the page."""

from __future__ import annotations

import pytest

from symgrad.read.claim_sentences_cjk import claim_in_chinese
from symgrad.verify import verify


def test_the_sentence_reads_as_the_derivative_and_its_value() -> None:
    assert claim_in_chinese("B’X’XB对B求导('表示转置)结果是2X’XB") == (
        r"\frac{\partial}{\partial B} (B^TX^TXB) = 2X^TXB", True)
    assert claim_in_chinese("x'Ax对x的导数为(A+A')x") == (r"\frac{\partial}{\partial x} (x'Ax) = (A+A')x", False)
    assert claim_in_chinese("x对x求导(这是什么)结果是1") is None  # a remark that says something else
    assert claim_in_chinese("对称矩阵") is None
    assert claim_in_chinese("如果是tr(XA),那么就先变成tr(XA)=tr(X^TA^T),再对A求导得到X^T") is None  # words in the formula


@pytest.mark.parametrize(("value", "verdict"), [("(A+A')x", "proved"), ("2Ax", "wrong")])
def test_the_quadratic_form_differentiated_in_words(value: str, verdict: str) -> None:
    v = verify(f"x'Ax对x求导('表示转置)结果是{value}", define=["x'Ax"],
               given=[r"x \in \mathbb{R}^{n}", r"A \in \mathbb{R}^{n \times n}"])
    assert v.verdict == verdict, str(v)
    assert "the transpose, in the definitions too" in v.message
