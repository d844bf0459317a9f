"""An operator symgrad knows by name (``\\det``, ``\\operatorname{tr}``, ``\\max``) in a claim's head is that operator,
never a function the page leaves undefined standing for its one definition: with ``L = \\log\\det(M)`` defined,
``\\frac{\\partial}{\\partial M} \\log\\det(M)`` is the derivative of log det M (it was read as log L, 'det (not
defined) read as L', and a claim divided by L was proved)."""

from __future__ import annotations

import pytest

from symgrad.verify import verify


@pytest.mark.parametrize(("value", "verdict"), [("(M^{-1})^T", "proved"), ("(M^{-1})^T / L", "wrong")])
def test_the_determinant_in_the_head_is_the_determinant(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial}}{{\partial M}} \log\det(M) = {value}", define=[r"L = \log\det(M)"])
    assert v.verdict == verdict, str(v)
    assert "not defined" not in str(v)
