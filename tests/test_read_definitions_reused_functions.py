"""A definition chain that applies a function defined before to a new name, the page's "outer function" of a chain
rule (``f(x) = 1/(1+e^{-x})``, then ``u = 1 + e^{-x}``, ``y = f(u) = 1/u``; the chain-rule write-ups of
https://www.imagingsolution.net/ and the reciprocal rule of https://www.heatonresearch.com/aifh/vol3/deriv_sigmoid.html):
the explicit side defines the name, f(u) is a local name for it, and f keeps its definition elsewhere."""

from __future__ import annotations

import pytest
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition

SIGMOID = r"f(x)=\frac { 1 }{ 1+{ e }^{ -x } }"
INNER = r"u=g(x)=1+{ e }^{ -x }"
OUTER = [r"y=f(u)=\frac { 1 }{ u } ={ u }^{ -1 }", r"y = f(u) = u^{-1}", r"y = f(u) = \frac{1}{u}"]


@pytest.mark.parametrize("outer", OUTER)
def test_the_explicit_side_defines_the_name_when_f_of_u_differs_from_f_as_defined(outer):
    ctx = Context()
    for d in (SIGMOID, INNER, outer):
        parse_definition(d, ctx)
    u = sp.Symbol("u")
    assert sp.simplify(ctx.definitions["y"].rhs - 1 / u) == 0
    assert any("f(u) in y's = chain read as a local name" in n and "differs from f as defined" in n for n in ctx.notes)


def test_a_side_that_agrees_with_f_as_defined_is_noted_as_agreeing():
    ctx = Context()
    for d in (SIGMOID, r"y = f(u) = \frac{1}{1 + e^{-u}}"):
        parse_definition(d, ctx)
    assert any("agrees with f as defined" in n for n in ctx.notes)


def _sigmoid_slope(x: float) -> float:
    return grad(lambda t: 1 / (1 + anp.exp(-t)))(x)


def test_the_chain_rule_through_the_local_outer_function_is_right_and_f_keeps_its_definition():
    claim = (r"f'(x)=\frac { dy }{ dx } =\frac { dy }{ du } \frac { du }{ dx } =-{ u }^{ -2 }(-{ e }^{ -x })"
             r"=\frac { { e }^{ -x } }{ (1+{ e }^{ -x }) ^{ 2 }}")
    v = verify(claim, define=[SIGMOID, INNER, OUTER[0]])
    assert v.verdict == "proved", v.message
    x = 0.7
    assert abs(float(sp.exp(-x) / (1 + sp.exp(-x)) ** 2) - _sigmoid_slope(x)) < 1e-12  # the claimed value, by autograd


def test_a_wrong_last_step_through_the_local_outer_function_is_wrong():
    claim = r"f'(x)=\frac { dy }{ du } \frac { du }{ dx } =\frac { { e }^{ -x } }{ 1+{ e }^{ -x } }"
    assert verify(claim, define=[SIGMOID, INNER, OUTER[0]]).verdict == "wrong"
