"""An element whose definition names its inputs in its head (S(y)_w = ..., the w-th entry of a function of y, read as
the element S_w of y) written later of other inputs (S(z)_w) is refused naming both readings (read.named_inputs):
read as S_w it silently dropped z (a claim by y was proved of a sum of S(z)_w)."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition


def _defined(*definitions: str) -> Context:
    ctx = Context()
    for d in definitions:
        parse_definition(d, ctx)
    return ctx


def test_an_element_written_of_the_inputs_its_head_named_is_the_element():
    ctx = _defined(r"S(y)_w = y_w^2", r"Q = \sum_w S(y)_w")
    assert str(ctx.definitions["Q"].rhs.function) == "S[w]"


def test_an_element_written_of_other_inputs_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match=r"S\(z\) has two readings: S defined of y .* and written here of z"):
        _defined(r"S(y)_w = y_w^2", r"L = \sum_w S(z)_w")


def test_a_claim_through_such_an_element_is_never_judged_by_the_inputs_it_dropped():
    v = symgrad.verify(r"\frac{\partial L}{\partial y_k} = 2 y_k", define=[r"S(y)_w = y_w^2", r"L = \sum_w S(z)_w"])
    assert v.verdict == "unreadable" and "two readings" in v.message, v.message
