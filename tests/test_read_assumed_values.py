"""An assumption about values, not indices (``x < 0``, ``for x > 0``, ``|X| > 0``): read as the fact it states (a domain
the search draws inside, or a condition on where the claim holds), noted; a case between indices stays a case."""

import sympy as sp

import symgrad
from symgrad.read import Context, parse_assumption

RELU = [r"f(x) = \max(0, x)"]


def test_a_bound_assumed_is_the_domain_of_the_name():
    ctx = Context()
    assert parse_assumption("for x < 0", ctx) is sp.true
    assert ctx.domains["x"] == sp.Interval.open(-sp.oo, 0)
    assert any("about values, not indices" in note for note in ctx.notes)


def test_a_case_between_indices_is_still_a_case():
    ctx = Context()
    ctx.ranges["i"] = sp.Idx(sp.Symbol("i", integer=True), (1, sp.Symbol("n")))
    ctx.ranges["j"] = sp.Idx(sp.Symbol("j", integer=True), (1, sp.Symbol("n")))
    assert isinstance(parse_assumption(r"i \neq j", ctx), sp.Ne)


def test_the_branch_of_relu_assumed_decides_its_derivative():
    assert symgrad.verify(claim="f'(x) = 0", define=RELU, assume=["x < 0"]).verdict in ("proved", "agrees")
    assert symgrad.verify(claim="f'(x) = 0", define=RELU, assume=["x > 0"]).verdict == "wrong"


def test_a_determinant_assumed_positive_is_a_condition_noted():
    right = symgrad.verify(claim=r"\frac{\partial |X|}{\partial X} = |X| X^{-T}", assume=["|X| > 0"])
    wrong = symgrad.verify(claim=r"\frac{\partial |X|}{\partial X} = X^{-T}", assume=["|X| > 0"])
    assert right.verdict == "proved" and "'|X| > 0' restricts where the claim holds" in right.message
    assert wrong.verdict == "wrong"
