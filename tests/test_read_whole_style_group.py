"""A style group around the whole formula (``{\\textstyle \\begin{aligned} ... \\end{aligned} }``, how some markdown
sources wrap a display): only a style, dropped like ``$...$``; a style group inside a formula stays the formula's."""

from __future__ import annotations

from symgrad.read.page_markup import markup_blanked, markup_notes
from symgrad.verify import verify

SOFTMAX = r"p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"


def test_the_whole_group_is_blanked_with_its_columns():
    text = r"{\textstyle \frac{dy}{dx} = 2x }"
    blanked = markup_blanked(text)
    assert len(blanked) == len(text)
    assert blanked.strip() == r"\frac{dy}{dx} = 2x"
    assert markup_notes(text) == [("text: the page's markup {\\textstyle ...} around the formula only marks it as "
                                   "mathematics: dropped")]


def test_a_group_inside_the_formula_is_kept():
    text = r"L = {\textstyle \sum_i} x_i"
    assert markup_blanked(text) == text


def test_the_softmax_jacobian_in_a_textstyle_aligned_block():
    right = r"{\textstyle \begin{aligned} \frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j) \end{aligned} }"
    v = verify(right, define=[SOFTMAX])
    assert v.verdict == "proved", v.message
    assert verify(right.replace("- p_j", "+ p_j"), define=[SOFTMAX]).verdict == "wrong"
