"""Verify's numeric search stays inside declared domains (``judge(..., domains=...)``): a claim is judged only where
its inputs can be. The expected values are worked out by hand: d sqrt(x^2)/dx = x/|x|, which is 1 for x > 0."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from symgrad.tensors import Definition
from symgrad.verify import judge

x, L = sp.Symbol("x"), sp.Symbol("L")
N = sp.Symbol("N", integer=True, positive=True)
j, k = (sp.Idx(sp.Symbol(c, integer=True), (1, N)) for c in "jk")
p = sp.IndexedBase("p", shape=(N,))


def test_one_is_the_derivative_of_sqrt_x_squared_where_x_is_declared_positive() -> None:
    v = judge([("1", sp.Integer(1))], L, x, [Definition(L, sp.sqrt(x ** 2))], domains={"x": sp.Interval.open(0, sp.oo)})
    assert v.verdict in ("proved", "agrees"), str(v)


def test_without_the_domain_the_same_claim_is_wrong_at_a_negative_x() -> None:
    v = judge([("1", sp.Integer(1))], L, x, [Definition(L, sp.sqrt(x ** 2))])
    assert v.verdict == "wrong", str(v)
    assert Fraction(v.counterexample["values"]["x"]) < 0 and Fraction(v.counterexample["derivative"]) == -1


@pytest.mark.parametrize("domain, sign", [(sp.Interval.open(0, 1), 1), (sp.Interval.open(-sp.oo, -2), -1)])
def test_every_entry_of_an_array_input_is_drawn_inside_its_domain(domain, sign) -> None:
    loss = Definition(L, sp.Sum(sp.sqrt(p[k] ** 2), (k, 1, N)))  # d/dp_j = p_j/|p_j| = the sign of p_j
    v = judge([(str(sign), sp.Integer(sign))], L, p[j], [loss], domains={"p": domain})
    assert v.verdict in ("proved", "agrees"), str(v)
    wrong = judge([(str(-sign), sp.Integer(-sign))], L, p[j], [loss], domains={"p": domain})
    assert wrong.verdict == "wrong" and domain.contains(sp.Rational(wrong.counterexample["values"]["p_1"])), str(wrong)


def test_a_two_valued_domain_draws_only_its_values() -> None:
    y = sp.Symbol("y")
    loss = Definition(L, y ** 2 * x - y * x)  # y^2 = y for y in {0, 1}: dL/dx = 0
    v = judge([("0", sp.Integer(0))], L, x, [loss], domains={"y": sp.FiniteSet(0, 1)})
    assert v.verdict in ("proved", "agrees"), str(v)


def _intervals():
    from hypothesis import strategies as st

    bound = st.fractions(min_value=-50, max_value=50, max_denominator=20)
    ends = st.tuples(st.one_of(st.none(), bound), st.one_of(st.none(), bound)).filter(
        lambda e: e[0] is None or e[1] is None or e[0] < e[1])
    return st.tuples(ends, st.booleans(), st.booleans())


def test_a_drawn_value_moved_into_any_interval_lies_inside_it() -> None:
    """Every interval a fact can declare (open or closed ends, half-lines): the value the search uses is inside."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from symgrad.verify.search import _inside

    @settings(max_examples=300, deadline=None)
    @given(_intervals(), st.fractions(min_value=-100, max_value=100, max_denominator=13), st.integers(0, 10**6))
    def inside(ends, value, seed):
        import random

        (lo, hi), left_open, right_open = ends
        domain = sp.Interval(sp.Rational(str(lo)) if lo is not None else -sp.oo,
                             sp.Rational(str(hi)) if hi is not None else sp.oo, left_open, right_open)
        moved = _inside(value, domain, random.Random(seed))
        assert domain.contains(sp.Rational(moved.numerator, moved.denominator)) is sp.true, (domain, value, moved)
        if domain.contains(sp.Rational(value.numerator, value.denominator)) is sp.true:
            assert moved == value  # a value already inside is kept: the search's points stay as they were

    inside()
