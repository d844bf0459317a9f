"""A fact declaring a name with a bare digit superscript (``W^1 \\in \\mathbb{R}^{3 \\times 2}``, as
https://josefruiz.com writes a two-layer network's weights) declares that layer's name ``W^{[1]}``: a power declares
nothing. Stated so, the page's digit superscripts are layer numbers on the names the facts declare, on names written
with ^1 and on defined names (``z^1 = W^1 x``); any other ``w^2`` stays a square."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given

_GIVEN = [r"W^1 \in \mathbb{R}^{3 \times 2}", r"W^2 \in \mathbb{R}^{1 \times 3}"]
_DEFINE = [r"z^1 = W^1 x", r"L = W^2 z^1 + w^2"]


def test_a_digit_superscript_declared_is_the_layers_name_with_its_shape() -> None:
    ctx = Context()
    parse_given(r"W^1, W^{2} \in \mathbb{R}^{3 \times 3}", ctx)
    assert {k: v.shape for k, v in ctx.tensors.items()} == {"W^{[1]}": (3, 3), "W^{[2]}": (3, 3)}
    assert ctx.numbered_layers == {"W"}


def test_a_layer_letter_or_a_fenced_number_names_the_layer() -> None:
    ctx = Context()
    parse_given(r"W^L, b^{(l)}, V^{[2]} \in \mathbb{R}^{3}", ctx)
    assert set(ctx.tensors) == {"W^L", "b^l", "V^{[2]}"} and not ctx.numbered_layers


def test_a_square_declared_alone_is_no_layer_number() -> None:
    with pytest.raises(ParseError):  # sigma^2 > 0 as a variance: never the name of a layer 2
        parse_given(r"\sigma^2 \in \mathbb{R}_+", Context())


def test_a_plain_declaration_sets_no_layer_numbers() -> None:
    ctx = Context()
    parse_given(r"W \in \mathbb{R}^{3 \times 2}", ctx)
    assert not ctx.numbered_layers and ctx.tensors["W"].shape == (3, 2)


def test_the_layers_read_by_number_and_a_square_stays_a_square() -> None:
    right = verify(r"\frac{\partial L}{\partial x} = (W^1)^T (W^2)^T", define=_DEFINE, given=_GIVEN)
    wrong = verify(r"\frac{\partial L}{\partial x} = 2 (W^1)^T (W^2)^T", define=_DEFINE, given=_GIVEN)
    assert right.verdict == "proved" and wrong.verdict == "wrong"
    assert verify(r"\frac{\partial L}{\partial w} = 2w", define=_DEFINE, given=_GIVEN).verdict == "proved"


def test_a_declared_layer_letter_reads_as_the_definitions_name_it() -> None:
    define, given = [r"z^L = W^L a^{L-1}", r"C = \frac{1}{2}\|z^L - y\|^2"], [r"W^L \in \mathbb{R}^{m \times n}"]
    assert verify(r"\frac{\partial C}{\partial W^L} = (z^L - y) (a^{L-1})^T", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial C}{\partial W^L} = 2(z^L - y) (a^{L-1})^T", define=define, given=given).verdict == "wrong"


def test_without_the_fact_a_digit_superscript_on_a_defined_name_is_refused() -> None:
    out = verify(r"\frac{\partial L}{\partial x} = (W^1)^T (W^2)^T", define=_DEFINE)
    assert out.verdict == "unreadable" and "two readings" in out.message


def test_a_greek_layer_name_reads_back_when_a_member_is_read_alone() -> None:
    define = [r"a^{[1]} = \tanh(x)", r"z^{[2]} = w^T a^{[1]}", r"L = \frac{1}{2}(z^{[2]} - y)^2", r"\delta^{[2]} = z^{[2]} - y"]
    given = [r"x \in \mathbb{R}^n"]
    assert verify(r"\frac{\partial L}{\partial w} = \delta^{[2]} a^{[1]}", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial w} = 2\delta^{[2]} a^{[1]}", define=define, given=given).verdict == "wrong"
