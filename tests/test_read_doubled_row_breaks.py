"""A row break written twice (``\\\\\\\\``: a markdown source escapes each backslash of ``\\\\``) is one row break: as TeX
reads it, the second makes an empty row, which states nothing."""

from __future__ import annotations

import pytest

from symgrad.read.row_breaks import rows_spelled
from symgrad.verify import verify

_LEAKY = r"\text{LeakyReLU}(x) = \begin{cases} 0.01x & \text {if } x<0 \\\\ x & \text {else} \end{cases}"


def test_a_doubled_row_break_is_one_of_the_same_width() -> None:
    src = "a & b \\\\\\\\\n c & d"
    assert rows_spelled(src) == "a & b \\\\  \n c & d"
    assert rows_spelled(r"a \\ \\ \\ b") == "a \\\\" + " " * 6 + " b"
    assert rows_spelled(r"a \\ b") == r"a \\ b"


@pytest.mark.parametrize(("slope", "verdict"), [("0.01", "proved"), ("0.1", "wrong")])
def test_cases_with_doubled_row_breaks_are_read_row_by_row(slope: str, verdict: str) -> None:
    claim = rf"\text{{LeakyReLU}}'(x) = \begin{{cases}} {slope} & \text {{if }} x<0 \\\\ 1 & \text {{else}} \end{{cases}}"
    v = verify(claim, define=[_LEAKY])
    assert v.verdict == verdict, str(v)
