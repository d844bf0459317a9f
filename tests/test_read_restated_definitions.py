"""A name defined twice as pages restate a definition in another form: compared element by element at random values;
the first stands where they agree (noted), the problem is refused naming both where they differ."""

from __future__ import annotations

import pytest

from symgrad.errors import ParseError
from symgrad.read import Context
from symgrad.read.claims import _define, parse_definition
from symgrad.read.restated_definitions import restated
from symgrad.read.tokens import _tokens

AFFINE = r"z_{ij} = \sum_k x_{ik} W_{kj} + b_j"


def _restate(first: str, second: str) -> tuple[Context, object]:
    ctx = Context()
    parse_definition(first, ctx)
    refusal = ParseError("z is defined twice", column=1, source=second)
    return ctx, restated(second, _tokens(second), ctx, _define, refusal)


def test_a_restatement_that_agrees_keeps_the_first_definition_noted():
    ctx, d = _restate(AFFINE, r"z_{ab} = b_b + \sum_c x_{ac} W_{cb}")
    assert d is ctx.definitions["z"] and str(d.rhs).startswith("b[j]")
    assert any("restates the definition of z" in n for n in ctx.notes)


def test_a_restatement_with_swapped_indices_is_refused_naming_both():
    with pytest.raises(ParseError, match="the two definitions differ"):
        _restate(AFFINE, r"z_{ab} = b_b + \sum_c x_{ac} W_{bc}")
    with pytest.raises(ParseError, match="the two definitions differ"):
        _restate(AFFINE, r"z_{ab} = b_a + \sum_c x_{ac} W_{cb}")


def test_a_restatement_of_a_scalar_in_another_spelling():
    ctx, d = _restate(r"z = (a + b)^2", r"z = a^2 + 2ab + b^2")
    assert d is ctx.definitions["z"]
    with pytest.raises(ParseError, match="differ"):
        _restate(r"z = (a + b)^2", r"z = a^2 + ab + b^2")


def test_forms_that_cannot_be_compared_stay_a_name_defined_twice():
    with pytest.raises(ParseError, match="^z is defined twice at column 1$"):
        _restate(AFFINE, r"z = c + 1")  # an array and a scalar: no element to compare
