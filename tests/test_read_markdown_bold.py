"""Markdown's bold kept in copying (``= **-** 2 w_2 x (y - w_1 w_2 x)``, a page stressing a sign) only emphasises:
the pair of ``**`` is blanked, columns kept; between two operands (``2 **x** 2``) it is Python's power, left."""

from __future__ import annotations

import pytest

from symgrad.read.page_markup import markup_blanked, markup_notes
from symgrad.verify import verify


def test_the_bold_pair_is_blanked_and_a_power_left() -> None:
    assert markup_blanked("dL/dw = **-** 2 w x") == "dL/dw =   -   2 w x"
    assert markup_notes("dL/dw = **-** 2 w x") == ["text: the page's markup **...** (markdown's bold) only emphasises: dropped"]
    for code in ("y = 2 **x** 2", "||x - a||**2", "x**2 + y**2"):
        assert markup_blanked(code) == code


@pytest.mark.parametrize(("sign", "verdict"), [("-", "proved"), ("+", "wrong")])
def test_a_bold_sign(sign: str, verdict: str) -> None:
    v = verify(f"∂loss/∂w_1 = **{sign}** 2 w_2 x (y - w_1 w_2 x)", define=["loss = (y - w_1 w_2 x)^2"])
    assert v.verdict == verdict, str(v)
