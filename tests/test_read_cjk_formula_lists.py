"""Formulas in Chinese, Japanese or Korean prose with only a list's comma between them (``其中$x$，$y = Wx$``): a list
of statements, each read on its own; words between two formulas (``若 $x = 1$ 则 $w = 0$``) still refused."""

import pytest

from symgrad.errors import ParseError
from symgrad.read.unicode_prose import cjk_blanked


def test_formulas_parted_by_a_full_width_comma_are_a_list():
    notes: list[str] = []
    kept = cjk_blanked("现在我们来考虑$x \\in \\mathbb{R}^n$，$y = Wx$。", notes)
    assert kept.split() == ["$x", "\\in", "\\mathbb{R}^n$,$y", "=", "Wx$"]
    assert notes


def test_words_between_formulas_are_refused():
    with pytest.raises(ParseError, match="several formulas"):
        cjk_blanked("若 $x = 1$ 则 $w = 0$", [])


def test_a_derivative_among_the_formulas_is_no_list():
    with pytest.raises(ParseError, match="several formulas"):
        cjk_blanked("所以$\\frac{\\partial L}{\\partial w} = e x$，$e = wx - y$。", [])
