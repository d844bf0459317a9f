"""Memberships among a page's definitions: a --define stating where names lie is a fact; the space written after a
defined value is checked against the value's axes and dropped."""

import pytest

import symgrad
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.definition_memberships import defined_space, memberships_read
from symgrad.read.facts import parse_given


def test_a_membership_alone_is_a_fact():
    ctx = Context()
    kept = memberships_read(["Hidden state: $h \\in \\mathbb{R}^D$ (after final LayerNorm)", "z = W h"], ctx)
    assert kept == ["z = W h"]
    assert [str(d) for d in ctx.tensors["h"].shape] == ["D"]
    assert any("among the definitions read as a fact" in n for n in ctx.notes)


def test_a_listed_membership_leaves_the_definitions_at_their_columns():
    text = r"y \in \{0, 1\}, h(x) = g(x), g(z) = 1/(1 + e^{-z})"
    kept = memberships_read([text], Context())
    assert len(kept) == 1 and kept[0].strip() == r"h(x) = g(x), g(z) = 1/(1 + e^{-z})"
    assert kept[0].index("h(x)") == text.index("h(x)")


def test_a_definition_is_no_membership():
    assert memberships_read([r"L = \sum_{i \in S} x_i"], Context()) == [r"L = \sum_{i \in S} x_i"]


def test_the_space_of_a_defined_value_is_checked_and_dropped():
    ctx = Context()
    parse_given(r"A \in \mathbb{R}^{n \times m}, B \in \mathbb{R}^{n \times m}", ctx)
    assert defined_space(r"E = A - B \in \mathbb{R}^{(n \times m)}", ctx) == "E = A - B"
    with pytest.raises(ParseError, match="the defined value A - B has two axes"):
        defined_space(r"E = A - B \in \mathbb{R}^{n}", ctx)


def test_factorization_residual_with_its_space():
    define = [r"\hat{R}  = U V^\top", r"L = \frac{1}{2}||R- \hat{R}||^2", r"E = \hat{R} - R \in \mathbb{R}^{(N \times M)}"]
    given = [r"U \in \mathbb{R}^{N \times F}", r"V \in \mathbb{R}^{M \times F}"]
    assert symgrad.verify(r"\frac{\partial L}{\partial U} = EV", define=define, given=given).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial L}{\partial U} = -EV", define=define, given=given).verdict == "wrong"
