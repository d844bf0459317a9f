"""A fact defining a name with = written another way, as pages write a definition: ``u \\equiv x^2``, ``y ≡ E[t]``
(https://osakaprml slides), ``\\overset{def}{=}``; read as the definition ``u = x^2``. An update written with
\\leftarrow is no equation and stays unread."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


@pytest.mark.parametrize("fact", [r"u \equiv x^2", "u ≡ x^2", r"u \overset{\text{def}}{=} x^2"])
def test_a_definitions_sign_defines_the_name(fact: str) -> None:
    ctx = Context()
    parse_given(fact, ctx)
    assert str(ctx.definitions["u"].rhs) == "x**2"


def test_an_update_is_no_definition() -> None:
    with pytest.raises(ParseError):
        parse_given(r"w \leftarrow w - \eta g", Context())


def test_the_defined_name_is_differentiated_through() -> None:
    define, given = [r"L = \sin(u)"], ["u ≡ x^2"]
    assert verify(r"\frac{dL}{dx} = 2x\cos(x^2)", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{dL}{dx} = x\cos(x^2)", define=define, given=given).verdict == "wrong"
