"""A function defined twice (in a definition and again in a fact, or with another parameter name): the second body,
its parameters renamed to the first's, is compared with the first at random values; where they agree the first
stands (noted), where they differ the two definitions are refused naming both."""

from __future__ import annotations

import pytest

from symgrad.verify import verify

_S = r"S(x)=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}"


@pytest.mark.parametrize(("claim", "verdict"), [("1 - S(x)^2", "proved"), ("S(x)^2", "wrong")])
def test_a_function_restated_in_a_fact_stands_once(claim: str, verdict: str) -> None:
    v = verify(rf"S'(x) = {claim}", define=[_S], given=[rf"Tanh公式为 ${_S}$"])
    assert v.verdict == verdict, str(v)
    assert "restates the function S" in str(v)


def test_a_function_restated_otherwise_is_refused_naming_both() -> None:
    v = verify(r"S'(x) = 1 - S(x)^2", define=[_S, r"S(t) = \tanh(2t)"])
    assert v.verdict == "unreadable" and "differ as read" in str(v) and "tanh(2*x)" in str(v), str(v)
