"""A comparison cast to a number (``np.int64(Z > 0)``, ``(Z > 0).astype(float)``, torch's ``(Z > 0).float()``) is 1
where it holds and 0 elsewhere, as ``np.where(Z > 0, 1, 0)``; an integer cast of a value that is no comparison
(``np.int64(Z)`` truncates) stays unread."""

from __future__ import annotations

import pytest

from symgrad.errors import ParseError
from symgrad.read.code import code_notes, code_pieces
from symgrad.read.code_casts import NOTE
from symgrad.verify import verify

_CASES = r"\mathrm{dZ}=\mathrm{dA}\odot\begin{cases}1&Z>0\\0&\text{otherwise}\end{cases}"


@pytest.mark.parametrize("cast", ["np.int64(Z > 0)", "(Z > 0).astype(float)", "(Z > 0).astype(np.float32)",
                                  "(Z > 0).float()", "np.float32(Z > 0)"])
def test_a_cast_comparison_reads_as_cases(cast: str) -> None:
    code = f"dZ = dA * {cast}"
    assert "".join(p for p, _ in code_pieces(code) or []) == _CASES
    assert NOTE in code_notes(code)


def test_a_truncating_cast_stays_unread() -> None:
    with pytest.raises(ParseError, match="np.int64"):
        code_pieces("dZ = dA * np.int64(Z)")


@pytest.mark.parametrize(("test", "verdict"), [("Z > 0", "agrees"), ("Z < 0", "wrong")])
def test_the_relu_derivative_as_a_cast(test: str, verdict: str) -> None:
    assert verify(f"dA/dZ = np.int64({test})", define=["A = np.maximum(Z, 0)"]).verdict == verdict
