"""Two spellings of a fact's formula read as meant, each noted: a set of numbers after ``\\in`` in TeX's own braces,
which print nothing (``y \\in{-1, +1}``, https://github.com/shunliz/Machine-Learning/blob/HEAD/ml/integrate/gbdt.md),
and a value whose entries are separated by semicolons, a column written out (``y = (y_1; y_2; \\dots; y_m)``, as the
Pumpkin Book writes vectors); a semicolon in an argument list (``p(x; \\theta)``) is left as it is. A name equal to a
list of numbers (``x = 0, 1``) takes those values; two glued by a comma (``x = 0,5``) may be a decimal, refused naming
both readings."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.forms import sets_and_columns
from symgrad.read.tokens import _tokens


def test_a_set_of_numbers_in_tex_braces_after_in_is_the_domain_of_the_label():
    ctx = Context()
    parse_given(r"y \in{-1, +1}", ctx)
    assert ctx.domains["y"] == sp.FiniteSet(-1, 1)
    assert any("read as a set" in note for note in ctx.notes)


def test_names_in_tex_braces_after_in_are_no_set():
    notes: list[str] = []
    assert [t.text for t in sets_and_columns(_tokens(r"y \in {a, b}"), notes)][2] == "{" and not notes


def test_entries_separated_by_semicolons_after_equals_are_a_column_and_an_argument_list_is_left():
    notes: list[str] = []
    column = sets_and_columns(_tokens(r"y = (y_1; y_2; \dots; y_m)"), notes)
    assert ";" not in [t.text for t in column] and "a column written out" in notes[0]
    arguments = sets_and_columns(_tokens(r"p_1(x_i; \beta) = y_i"), notes)
    assert ";" in [t.text for t in arguments] and len(notes) == 1


def test_a_name_equal_to_a_list_of_numbers_takes_those_values():
    """``x = 0, 1`` (https://github.com/OpenSRDK/probability-rs/blob/HEAD/src/discrete/integer/bernoulli/README.md): the
    values x takes, its domain; an index range is written with its dots."""
    ctx = Context()
    parse_given("x = 0, 1", ctx)
    assert ctx.domains["x"] == sp.FiniteSet(0, 1)
    ranged = Context()
    parse_given(r"i = 1, \dots, n", ranged)
    assert "i" in ranged.ranges and "i" not in ranged.domains


def test_two_numbers_glued_by_a_comma_are_refused_naming_the_values_and_the_decimal():
    with pytest.raises(ParseError, match=r"the decimal 0\.5 written with a decimal comma") as caught:
        parse_given("x = 0,5", Context())
    assert [spelled for _, _, _, spelled in caught.value.readings] == [r"\in \{0, 5\}", "= 0.5"]


def test_a_claim_right_only_on_the_values_listed_is_judged_with_them():
    define = [r"\ell = x^2 \log p"]
    given = ["x = 0, 1"]
    assert verify(r"\frac{\partial \ell}{\partial p} = \frac{x}{p}", define=define, given=given).verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial \ell}{\partial p} = \frac{2x}{p}", define=define, given=given).verdict == "wrong"
