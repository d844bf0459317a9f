"""A run of lowercase letters in a plain-text fact (``lr = 0.1``): the name the definitions use, or refused where
they use both the run and its letters; never a silent product of letters beside a name lr."""

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.letter_runs import joined_runs
from symgrad.tensors import Definition


def _ctx(rhs: sp.Expr) -> Context:
    ctx = Context()
    parse_given("lr = 0.1", ctx)
    ctx.definitions["f"] = Definition(sp.Symbol("f"), rhs)
    return ctx


def test_a_run_the_definitions_use_as_one_name_constrains_that_name():
    lr, x = sp.symbols("lr x")
    ctx = _ctx(lr * x)
    joined_runs(ctx)
    assert [(c.lhs, c.rhs) for c in ctx.constraints] == [(lr, sp.Rational(1, 10))]
    assert any("lr read as the one name" in n for n in ctx.notes)


def test_a_run_the_definitions_use_as_letters_stays_their_product():
    l, r, x = sp.symbols("l r x")
    ctx = _ctx(l * r * x)
    joined_runs(ctx)
    assert [(c.lhs, c.rhs) for c in ctx.constraints] == [(l * r, sp.Rational(1, 10))]


def test_a_run_the_definitions_use_both_ways_is_refused_naming_both():
    lr, l, x = sp.symbols("lr l x")
    ctx = _ctx(lr * x + l)
    with pytest.raises(ParseError, match="two readings.*product l r"):
        joined_runs(ctx)


def test_learning_rate_given_in_plain_text_judges_the_claim_with_it():
    right = verify(r"\frac{df}{dx} = 0.1", define=[r"f = \mathrm{lr} x"], given=["lr = 0.1"])
    wrong = verify(r"\frac{df}{dx} = 0.2", define=[r"f = \mathrm{lr} x"], given=["lr = 0.1"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
