"""A layer tag written right after another one's single-letter label (``W^la^{l-1}``) is TeX's ``W^l a^{l-1}``: the
``a`` starts a name of its own, not the end of a word ``la``, so the layer reading holds for the whole definition."""

from __future__ import annotations

import pytest

from symgrad.read import Context, parse_definition
from symgrad.verify import verify


def test_a_name_right_after_a_one_letter_tag_is_tagged_too() -> None:
    d = parse_definition(r"z^l=W^la^{l-1}+b^l", Context())
    assert str(d.lhs) == "z^l"
    assert {str(s) for s in d.rhs.free_symbols} == {"W^l", "a^{l-1}", "b^l"}


@pytest.mark.parametrize(("value", "verdict"), [("a^{l-1}", "proved"), ("2a^{l-1}", "wrong")])
def test_the_weight_gradient_of_a_layer_written_without_spaces(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial z^l}}{{\partial W^l}} = {value}", define=[r"z^l=W^la^{l-1}+b^l"])
    assert v.verdict == verdict, str(v)
