"""Names given their roles in Chinese words (``设$m$为样本数量,$y$为真实标签``, ``其中$y$是标签``) said again in English
(``let $m$ be the number of samples, $y$ be the true label``) and read as the English is: a count a size, a role
described and noted; a clause of other words leaves the sentence as written."""

from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.words_cjk import kinds_in_cjk


def test_a_list_of_roles_in_chinese_is_said_again_in_english():
    said = kinds_in_cjk(r"设$m$为样本数量,$y$为真实标签,$\eta$为学习率。")
    assert said == r"let $m$ be the number of samples, $y$ be the true label, $\eta$ be the learning rate"
    ctx = Context()
    parse_given(said, ctx)
    assert "m" in ctx.sizes and any("y be the true label" in n for n in ctx.notes)


def test_an_opening_word_joined_to_its_clause():
    assert kinds_in_cjk("其中$y$是标签") == "where $y$ be the label"


def test_a_clause_of_other_words_leaves_the_sentence_as_written():
    text = "其中$y$是标签,它服从伯努利分布"
    assert kinds_in_cjk(text) == text
