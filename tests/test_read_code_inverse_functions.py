"""NumPy's tan and inverse functions (``np.arctanh``, ``np.arctan``, ``math.atan`` spelled arctan) read as the
reader's: ``np.arctanh(Z)`` is artanh(Z), never tanh(Z) nor a function unknown."""

from __future__ import annotations

import pytest

from symgrad.read.code import code_pieces
from symgrad.verify import verify


def test_the_inverse_functions_read_as_latex() -> None:
    assert "".join(p for p, _ in code_pieces("y = np.arctanh(x) + np.tan(x)") or []) == \
        r"y=\operatorname{arctanh}(x)+\tan(x)"


@pytest.mark.parametrize(("claim", "verdict"), [("1/(1 - x**2)", "proved"), ("1/(1 + x**2)", "wrong")])
def test_the_arctanh_derivative(claim: str, verdict: str) -> None:
    assert verify(f"dy/dx = {claim}", define=["y = np.arctanh(x)"]).verdict == verdict


def test_arctanh_is_not_tanh() -> None:
    v = verify("1 - np.arctanh(Z)*np.arctanh(Z)", define=["Z = np.tanh(a)"], of="dZ/da")
    assert v.verdict == "wrong", str(v)
