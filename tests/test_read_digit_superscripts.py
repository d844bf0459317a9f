"""A superscript of several digits or a decimal without braces (x^10, x^0.5, x^-0.5): TeX sets only its first
character as the exponent, and the reader did, so y = x^10 + x was x^1 0 + x and the WRONG dy/dx = 1 was proved
(found by helper Dc). Plain text means the whole number (read/digit_superscripts, noted); LaTeX is refused naming both
readings."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.read.digit_superscripts import superscript_notes


@pytest.mark.parametrize(("claim", "define", "verdict"), [
    ("dy/dx = 1", "y = x^10 + x", "wrong"),
    ("dy/dx = 10x^9 + 1", "y = x^10 + x", "proved"),
    ("dy/dx = 1", "y = x^0.5 + x", "wrong"),
    ("dy/dx = 0.5x^-0.5 + 1", "y = x^0.5 + x", "proved"),
    ("dy/dx = -x^-2", "y = x^-1", "proved"),
    ("dy/dx = x^-2", "y = x^-1", "wrong"),
])
def test_plain_text_reads_the_whole_number_as_the_power(claim, define, verdict):
    assert symgrad.verify(claim, define=[define]).verdict == verdict


def test_latex_names_both_readings():
    v = symgrad.verify(r"\frac{d}{dx} x^10 = 10x^9")
    assert v.verdict == "unreadable" and "^10 has two readings" in v.message
    assert symgrad.verify(r"\frac{d}{dx} x^{10} = 10x^9").verdict == "proved"


def test_the_reading_is_noted():
    assert superscript_notes("y = x^10 + x") == ["text: ^10 read as ^{10} (plain text: the whole number is the power)"]
    assert superscript_notes(r"y = x^2 + \alpha") == []
