"""A conditional probability nothing defines (``p(y = +1 | x)``) is an unknown function of the names written in it:
constant in any other variable, unknown in those it mentions; the same probability written with other spacing is the
same function."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.read import Context
from symgrad.read.claims import parse_definition
from symgrad.verify import verify


def test_a_conditional_probability_is_an_unknown_function_of_its_names() -> None:
    d = parse_definition(r"L = p(y=+1|x)(b-1)^2 + (1 - p(y = +1 \mid x)) b^2", Context())
    (f,) = {a.func for a in d.rhs.atoms(sp.core.function.AppliedUndef)}
    assert str(f) == "p(y=+1|x)" and {str(s) for s in d.rhs.free_symbols} == {"b", "x", "y"}
    assert sp.diff(d.rhs, sp.Symbol("x")) != 0


@pytest.mark.parametrize(("value", "verdict"), [(r"2b - 2p(y = +1 | x)", "proved"), (r"2b - p(y = +1 | x)", "wrong")])
def test_the_expected_squared_loss_by_the_answer_b(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial L}}{{\partial b}} = {value}", define=[r"L = p(y=+1|x)(b-1)^2 + (1 - p(y=+1|x))b^2"])
    assert v.verdict == verdict, str(v)


def test_its_derivative_by_a_name_it_mentions_is_not_dropped() -> None:
    v = verify(r"\frac{\partial L}{\partial x} = p(y|x)", define=[r"L = p(y|x) x"])
    assert v.verdict == "wrong", str(v)
