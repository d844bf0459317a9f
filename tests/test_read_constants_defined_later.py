"""e (or pi) used by a definition and defined by a later one (L = w^2 + e^2, then e = y - wx, as a page defines its
terms after the loss) has two readings (read/constants_defined_later): read before its definition, e was Euler's
number, silently, and the WRONG 2w for dL/dw was proved. The later definition is refused naming both; defined first,
e is the name, as before."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition


def test_a_later_definition_of_e_is_refused_naming_both_readings():
    ctx = Context()
    parse_definition(r"L = w^2 + e^2", ctx)
    with pytest.raises(ParseError, match=r"e has two readings: L = w\^2 \+ e\^2 was read before e is defined, with "
                                         r"Euler's number, but e may be the name defined here"):
        parse_definition(r"e = y - wx", ctx)


def test_the_wrong_claim_is_no_longer_proved_and_e_defined_first_is_the_name():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = 2w", define=[r"L = w^2 + e^2", r"e = y - wx"])
    assert v.verdict == "unreadable" and "two readings" in v.message, str(v)
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = 2w - 2ex", define=[r"e = y - wx", r"L = w^2 + e \cdot e"])
    assert v.verdict == "proved", str(v)
