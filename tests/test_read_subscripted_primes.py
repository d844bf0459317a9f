"""``s'_a(x)``, ``s''_a(x)``, ``s_a''(x)`` of a defined ``s_a(x) = ...`` (a function whose subscript names its
parameter): the first or second derivative by its argument; a prime before the subscript prints as one after it."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.claims import parse_definition
from symgrad.read.stand_ins import stand_ins
from symgrad.read.tokens import _tokens
from symgrad.verify import verify

_GAIN = r"s_a(x) = \frac{1}{1 + e^{-a x}}"


@pytest.mark.parametrize(("head", "read"), [
    ("s'_a(x)", r"\frac{d}{dx}s_{a}(x)"), ("s_a''(x)", r"\frac{d^2}{dx^2}s_{a}(x)"),
    ("s^{\\prime\\prime}_{a}(x)", r"\frac{d^2}{dx^2}s_{a}(x)")])
def test_the_prime_of_a_subscripted_function_is_its_derivative(head: str, read: str) -> None:
    ctx = Context()
    parse_definition(_GAIN, ctx)
    latex = f"{head} = 0"
    assert "".join(t.text for t in stand_ins(latex, _tokens(latex), ctx)[:-3]) == read.replace(" ", "")


def test_a_subscripted_name_no_function_defines_is_left() -> None:
    latex = "v'_c(x) = 0"
    assert stand_ins(latex, _tokens(latex), Context()) == _tokens(latex)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"s''_a(x) = a^2 s_a(x) (1 - s_a(x)) (1 - 2 s_a(x))", "proved"),
    (r"s''_a(x) = a s_a(x) (1 - s_a(x)) (1 - 2 s_a(x))", "wrong")])
def test_the_second_derivative_of_the_sigmoid_with_a_gain(claim: str, verdict: str) -> None:
    v = verify(claim, define=[_GAIN])
    assert v.verdict == verdict, str(v)
