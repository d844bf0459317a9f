"""A second derivative in plain text, ``d^2l/dz^2`` (and scaladoc's ``d^2^l/dz^2^``, a caret closing the
superscript): ``\\frac{d^2 l}{dz^2}``."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.plain_second_derivatives import plain_second
from symgrad.read.tokens import _tokens


@pytest.mark.parametrize("text", ["d^2l/dz^2", "d^{2}l/dz^{2}", "d^2^l/dz^2^"])
def test_the_plain_second_derivative_is_the_fraction(text: str) -> None:
    toks = _tokens(text + " = 1")
    end, made = plain_second(toks, 0, Context())
    assert toks[end].text == "=" and "".join(t.text for t in made) == r"\frac{d^2l}{dz^2}"


@pytest.mark.parametrize("text", ["d^2l/dz^2^", "d^3l/dz^3", "ad^2l/dz^2"])
def test_other_spellings_are_left(text: str) -> None:
    toks = _tokens(text + " = 1")
    assert plain_second(toks, 0, Context()) is None and plain_second(toks, 1, Context()) is None


@pytest.mark.parametrize(("value", "verdict"), [("exp(z)", "proved"), ("exp(z) - y", "wrong")])
def test_the_poisson_loss_second_derivative(value: str, verdict: str) -> None:
    from symgrad.verify import verify

    v = verify(f"d^2^l/dz^2^ = {value}", define=["l(z, y) = exp(z) - y * z"])
    assert v.verdict == verdict, str(v)
