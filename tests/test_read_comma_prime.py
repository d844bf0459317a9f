"""A prime typed as a raised comma (``tanh^{,}(x)``, the key beside the apostrophe): a comma in a superscript means
nothing else, so it is read as the prime."""

from __future__ import annotations

from symgrad.read.tokens import _tokens
from symgrad.verify import verify


def test_the_raised_comma_is_a_prime():
    assert [t.text for t in _tokens("f^{,}(x)")][:5] == ["f", "'", "(", "x", ")"]


def test_the_derivative_of_tanh_with_a_comma_prime():
    assert verify("tanh^{,}(x)=1-tanh(x)^{2}").verdict == "proved"
    assert verify("tanh^{,}(x)=1+tanh(x)^{2}").verdict == "wrong"
