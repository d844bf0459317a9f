"""Words a machine translation of a Chinese page leaves in a fact (``among $A$ yes $m \\times n$ Matrix``: 其中 A 是
m×n 矩阵) said as the English meant, noted; and a name in a declaration is never taken for the article a."""

import pytest

import symgrad
from symgrad.read.prose import from_prose
from symgrad.read.words_translated import translated

GIVEN = r"among $A$ yes $m \times n$ Matrix , $B$ yes $n \times m$ Matrix"


def test_yes_after_a_formula_is_is_and_an_opening_among_is_where():
    said, notes = translated(GIVEN)
    assert said == r"where $A$ is $m \times n$ Matrix , $B$ is $n \times m$ Matrix" and notes


def test_yes_anywhere_else_is_left():
    assert translated("is it yes or no") == ("is it yes or no", [])


@pytest.mark.parametrize("claim, verdict", [("B^{T}", ("proved", "agrees")), ("2 B^{T}", ("wrong",))])
def test_the_shapes_the_translated_sentence_declares_are_used(claim, verdict):
    v = symgrad.verify(claim=rf"\frac{{\partial \operatorname{{tr}}(A B)}}{{\partial A}} = {claim}", given=[GIVEN])
    assert v.verdict in verdict, v.message
    assert "machine-translated" in v.message or v.verdict == "unreadable"


def test_a_capital_name_after_a_word_is_no_article():
    assert from_prose(r"among $A$ is $m \times n$ Matrix")[0] != r"among \in \mathbb{R}^{m \times n}"
