"""``\\sigma'(x) = \\frac{d}{dx} \\frac{1}{1+e^{-x}} = ...`` heading a claim, with x named nowhere in the context: x is
the function's own argument and the claim an identity in it (noted); a name the context knows keeps its meaning."""

from __future__ import annotations

import sympy as sp

from symgrad.read.claims import parse_claim, parse_definition
from symgrad.read.context import Context
from symgrad.verify import verify

SIGMOID = [r"\hat{y} = \sigma(z) = \frac{1}{1+e^{-z}}"]


def test_the_argument_named_nowhere_is_the_functions_own():
    ctx = Context()
    parse_definition(SIGMOID[0], ctx)
    head, body = parse_claim(r"\sigma'(x) = \frac{d}{dx} \frac{1}{1+e^{-x}}", ctx)
    x = sp.Symbol("x")
    assert head.value.var == x and body.value.var == x
    assert sp.simplify(head.value.of - 1 / (1 + sp.exp(-x))) == 0
    assert any("sigma's own argument" in n for n in ctx.notes)


def test_a_right_and_a_wrong_derivative_of_the_sigmoid_at_its_own_argument():
    right = verify(r"\sigma'(x) = \frac{d}{dx} \frac{1}{1+e^{-x}} = \frac{e^{-x}}{(1+e^{-x})^2}", define=SIGMOID)
    assert right.verdict in ("proved", "agrees"), right.message
    assert "own argument" in right.message
    wrong = verify(r"\sigma'(x) = \frac{d}{dx} \frac{1}{1+e^{-x}} = \frac{e^{-x}}{1+e^{-x}}", define=SIGMOID)
    assert wrong.verdict == "wrong", wrong.message


def test_a_defined_function_at_an_argument_named_nowhere():
    define = [r"s(z) = z^3"]
    assert verify(r"s'(t) = 3t^2", define=define).verdict in ("proved", "agrees")
    assert verify(r"s'(t) = 3t", define=define).verdict == "wrong"


def test_an_unknown_function_gets_no_argument_this_way():
    v = verify(r"g'(x) = 2x", define=[r"y = z^2"])
    assert v.verdict == "unreadable", v.message
