"""A calculator's ASCII drawing of a formula, then the same formula in LaTeX between ``$$``: the drawing set aside,
the display read."""

from __future__ import annotations

import pytest

from symgrad.read.ascii_drawings import drawing_set_aside
from symgrad.verify import verify

_DRAWN = "   x         2*x  \n  e         e     \n------ - ---------\n x               2\ne  + 1   / x    \\ \n" \
         "         \\e  + 1/ \n"
_OF = r"\frac{d}{dx} \frac{e^x}{e^x + 1}"


def test_the_drawing_is_blanked_and_the_display_kept() -> None:
    text = _DRAWN + r"$$\frac{e^{x}}{e^{x} + 1}$$"
    read = drawing_set_aside(text)
    assert read is not None and len(read) == len(text) and read.strip() == r"$$\frac{e^{x}}{e^{x} + 1}$$"
    assert drawing_set_aside("so the derivative is\nx = 1\n-----\n$$2x$$") is None  # words and an =: no drawing
    assert drawing_set_aside("$$2x$$") is None


@pytest.mark.parametrize(("value", "verdict"), [
    (r"\frac{e^{x}}{e^{x} + 1} - \frac{e^{2 x}}{\left(e^{x} + 1\right)^{2}}", "proved"),
    (r"\frac{e^{x}}{e^{x} + 1} - \frac{e^{x}}{\left(e^{x} + 1\right)^{2}}", "wrong")])
def test_the_display_after_the_drawing_is_judged(value: str, verdict: str) -> None:
    v = verify(f"{_DRAWN}$${value}$$", of=_OF, define=["exp(x)/(exp(x)+1)"])
    assert v.verdict == verdict, str(v)
