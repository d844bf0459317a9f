"""``<=>`` between the lines of a derivation, as plain text spells ⇔ (each line restating the derivative): the arrow,
so the lines read as one chain, each member checked; never ``<=`` then ``>``."""

from __future__ import annotations

from symgrad.read.claim_implications import implications_as_equals
from symgrad.read.context import Context
from symgrad.verify import verify

SIGMOID = r"a(z) = \frac {1} {1 + e^{-z}}"
HEAD = r"\frac{\partial a}{\partial z} = "


def test_the_ascii_arrow_is_the_iff_it_spells_with_its_columns():
    ctx = Context()
    text = r"y = 1 \\<=> x = 2"
    got = implications_as_equals(text, ctx)
    assert len(got) == len(text) and "⇔" in got and "<" not in got
    assert any("<=>" in n for n in ctx.notes)


def test_a_chain_of_restated_derivatives_joined_by_ascii_arrows():
    right = HEAD + r"\frac {e^{-z}}{(1 + e^{-z})^2} \\<=> " + HEAD + r"a \times (1 - a)"
    v = verify(right, define=[SIGMOID])
    assert v.verdict == "proved", v.message
    wrong = HEAD + r"\frac {e^{-z}}{(1 + e^{-z})^2} \\<=> " + HEAD + r"a \times (1 + a)"
    assert verify(wrong, define=[SIGMOID]).verdict == "wrong"
