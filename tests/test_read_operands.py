"""symgrad.read: what a function written without brackets applies to (issue 9, item 4)."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.read import Context, parse_expression

x, sigma = sp.Symbol("x"), sp.Symbol("sigma")


@pytest.mark.parametrize("latex, want", [
    (r"\log 2\pi\sigma^2", sp.log(2 * sp.pi * sigma**2)),
    (r"\frac{1}{2}\log2\pi \sigma ^2", sp.log(2 * sp.pi * sigma**2) / 2),
    (r"\sin 2x", sp.sin(2 * x)),
])
def test_a_number_with_factors_written_against_it_is_the_whole_argument_noted(latex, want):
    ctx = Context()
    assert sp.simplify(parse_expression(latex, ctx) - want) == 0
    assert any("the function of the whole product after it" in n for n in ctx.notes)


@pytest.mark.parametrize("latex, want", [
    (r"\log 2 \cdot x", x * sp.log(2)),
    (r"\log 2 + x", x + sp.log(2)),
    (r"\log 2", sp.log(2)),
])
def test_an_operator_after_the_number_ends_the_argument(latex, want):
    assert sp.simplify(parse_expression(latex, Context()) - want) == 0


def test_a_fraction_of_a_subscripted_d_is_a_fraction_not_a_derivative():
    got = parse_expression(r"\frac{d_{j} y}{d_{j} + 1}", Context())
    (dj,) = [a for a in got.atoms(sp.Indexed)]
    assert sp.simplify(got - sp.Symbol("y") * dj / (dj + 1)) == 0


def test_a_second_derivative_fraction_is_the_derivative_of_the_derivative():
    # read since read/second_derivatives.py (was refused): y = x^3 has y'' = 6x, not the first derivative 3x^2
    from symgrad import verify
    assert verify(r"\frac{d^2 y}{d x^2} = 6x", define=["y = x^3"]).verdict == "proved"
    assert verify(r"\frac{d^2 y}{d x^2} = 3x^2", define=["y = x^3"]).verdict == "wrong"
