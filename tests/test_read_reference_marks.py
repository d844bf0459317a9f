"""A Japanese page's reference mark at the end of a chain's line (``(※1)``, ``※1``) points to a remark below the
display: it is no part of the formula, set aside like a remark in words."""

from __future__ import annotations

import pytest

from symgrad.read.chains import _line_remarks_blanked
from symgrad.verify import verify


def test_the_mark_is_blanked_and_the_columns_stay() -> None:
    line = r"a &=& b (※1)\\ &=& c ※2"
    assert _line_remarks_blanked(line) == r"a &=& b     \\ &=& c   "
    assert _line_remarks_blanked("※ is kept inside a line") == "※ is kept inside a line"


@pytest.mark.parametrize(("value", "verdict"), [("-y_iy_j", "proved"), ("y_iy_j", "wrong")])
def test_a_softmax_chain_with_a_reference_mark(value: str, verdict: str) -> None:
    claim = (r"\frac{\partial y_i}{\partial x_j}&=&\frac{-e^{x_i}e^{x_j}}{Z^2} (※1)\\ &=& " + value)
    v = verify(claim, define=[r"Z := \sum_{j=1}^n e^{x_j}", r"y_i = \frac{e^{x_i}}{Z}"], assume=[r"i \neq j"])
    assert v.verdict == verdict, str(v)
