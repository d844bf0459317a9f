"""A sentence naming the dot between two vectors their inner product (``其中 $\\bullet$ 为向量内积``, "where • is the
vector inner product", https://github.com/shunliz/Machine-Learning/blob/HEAD/dl/introduction/dnn-loss.md): the
standard notation, which the reader already takes (``y \\cdot a`` of two vectors is a scalar), noted."""

from __future__ import annotations

from symgrad import verify
from symgrad.read.words_notation import notation_in_words


def test_the_dot_named_the_inner_product_is_the_standard_notation_and_another_meaning_is_not():
    assert "standard notation for the inner product" in notation_in_words(r"\bullet denotes the vector inner product")
    assert "standard notation for the inner product" in notation_in_words(r"\cdot is the dot product")
    assert notation_in_words(r"\cdot is the Hadamard product") is None


def test_the_gradient_of_an_inner_product_declared_in_words_is_the_other_vector():
    given = [r"y, a \in \mathbb{R}^n", r"where $\cdot$ is the inner product"]
    assert verify(r"\frac{\partial J}{\partial a} = y", define=[r"J = y \cdot a"], given=given).verdict == "proved"
    assert verify(r"\frac{\partial J}{\partial a} = a", define=[r"J = y \cdot a"], given=given).verdict == "wrong"
