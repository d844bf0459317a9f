"""A function written without brackets with factors after its first one (cos xy, exp w^T x, log theta x) has two
readings (read/function_operands): the function of the first factor times the rest, or of the whole product. Read as
the first, the WRONG -y sin x for the x-derivative of cos xy was proved (cos(xy) gives -y sin(xy)); it is refused
naming both, and verify judges each (a verdict stands only where they agree). A number first (sin 2x) is the whole
product and a function after the first factor (sin x cos x) ends the argument, as before."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition


@pytest.mark.parametrize("text", [r"f = \cos xy", r"f = \exp w^T x", r"f = \log \theta x"])
def test_a_bracketless_argument_followed_by_factors_is_refused_naming_both_readings(text):
    with pytest.raises(ParseError, match=r"has two readings: \\(cos|exp|log)\(.*\) times .*, or \\\1\(") as e:
        parse_definition(text, Context())
    assert len(e.value.readings) == 2


def test_a_function_or_a_number_ends_or_takes_the_product_as_before():
    x = sp.Symbol("x")
    assert parse_definition(r"f = \sin x \cos x", Context()).rhs == sp.sin(x) * sp.cos(x)
    assert parse_definition(r"f = \sin 2x", Context()).rhs == sp.sin(2 * x)


def test_the_wrong_claim_is_no_longer_proved_and_one_both_readings_give_stands():
    v = symgrad.verify(r"\frac{\partial f}{\partial x} = -y\sin(x)", define=[r"f = \cos xy"])
    assert v.verdict == "unreadable" and "two readings" in v.message, str(v)
    v = symgrad.verify(r"\frac{\partial f}{\partial z} = 1", define=[r"f = \cos xy + z"])
    assert v.verdict == "proved" and "each gives this verdict" in v.message, str(v)
