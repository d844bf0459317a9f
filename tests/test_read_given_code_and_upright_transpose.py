"""Two spellings among the facts: a symmetric matrix stated with an upright transpose mark (``S = S^{\\mathrm{T}}``, as the
pumpkin book writes every transpose), and a pasted code block (``double sigmoid(double x) { ... }``) given as a fact,
which is a definition as --define reads it."""

from __future__ import annotations

from symgrad.linalg import Symmetric
from symgrad.read import Context
from symgrad.read.facts import parse_given


def test_an_upright_transpose_mark_states_a_symmetric_matrix():
    ctx = Context()
    parse_given(r"S=S^{\mathrm{T}}", ctx)
    assert [(name, kind) for name, kind, *_ in ctx.structured] == [("S", Symmetric)] and not ctx.constraints


def test_a_code_block_among_the_facts_is_a_definition():
    ctx = Context()
    parse_given("double sigmoid(double x) { return 1/(1+exp(-x)); }", ctx)
    assert str(ctx.definitions["sigmoid"].rhs) == "1/(1 + exp(-x))"
