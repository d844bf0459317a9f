"""One --define written as a sentence around several definitions in ``$...$``: each formula a definition of its own
where the words only join them; words that could make a formula a condition leave the sentence to be refused."""

from __future__ import annotations

from symgrad.read.definition_sentences import definitions_in_sentence
from symgrad.verify import verify

CHAIN = r"Let $z = a x$ and $p = z^2$."


def test_each_formula_of_a_sentence_of_definitions_is_read():
    v = verify(r"\frac{\partial p}{\partial x} = 2 a^2 x", define=[CHAIN])
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{\partial p}{\partial x} = 2 a x", define=[CHAIN]).verdict == "wrong"


def test_a_restated_form_in_brackets_is_a_second_definition_with_its_columns():
    text = r"We had $z = h W$ (or $z_j = \sum_k h_k W_{kj}$)."
    first, second = definitions_in_sentence(text)
    assert first.strip() == "z = h W" and text.index("z = h W") == first.index("z")
    assert second.strip() == r"z_j = \sum_k h_k W_{kj}" and text.index("z_j") == second.index("z_j")


def test_formulas_that_could_be_conditions_leave_the_sentence_whole():
    assert definitions_in_sentence(r"For $i = j$, $p_i = 1$.") is None
    assert definitions_in_sentence(r"$L = -\log p_y$ where $y = 2$") is None
    assert definitions_in_sentence(r"We have $x$ and $y = 2$") is None
