"""A starred name (read/damage_stars.py): ``w^*``, ``\\theta^{\\star}``, ``j^*`` are names of fixed values (an optimum,
the true class: jli05.github.io/2015/06/01/Simplest-word2vec.html writes ``u_{j^*}`` and ``j = j^*``), never a
power, so each reads as one name, distinct from the unstarred one; inside a subscript the label reads whole."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.parse import Context, parse_expression
from symgrad.read.code import code_notes
from symgrad.verify import verify


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text", [r"w^*", r"w^{*}", r"w^\ast", r"w^{\star}"])
def test_a_starred_letter_is_one_name_distinct_from_the_letter(text):
    got = read(text + " - w")
    assert len(got.free_symbols) == 2 and sp.Symbol("w") in got.free_symbols
    assert not got.has(sp.Pow)


def test_the_same_star_spelled_two_ways_is_the_same_name():
    assert read(r"\theta^* - \theta^{\star}") == 0
    assert read(r"w^* - w^{*}") == 0


def test_a_power_beside_a_product_star_is_untouched():
    x = sp.Symbol("x")
    assert read("x^2 * 3") == 3 * x**2


def test_the_derivative_by_the_unstarred_name_leaves_the_starred_one_constant():
    v = verify(r"\frac{\partial L}{\partial w} = 2(w - w^*)", define=[r"L = (w - w^*)^2"])
    assert v.verdict == "proved"
    assert "starred name: x^* read as a name" in " ".join(code_notes(r"L = (w - w^*)^2"))
