"""Row breaks as pages spell them: plain TeX's ``\\eqalign{ ... \\cr }`` (math.SE answers) and a row break's spacing
``\\\\[8px]`` lay out rows of a chain; they are read as ``\\\\`` (columns kept), never as letters."""

from __future__ import annotations

import pytest

from symgrad.read.row_breaks import rows_spelled
from symgrad.verify import verify


def test_eqalign_and_cr_become_a_block_of_rows_of_the_same_width() -> None:
    src = r"$$\eqalign{ f &= x^2 \cr &= x x \cr }$$"
    out = rows_spelled(src)
    assert len(out) == len(src)
    assert r"\eqalign" not in out and r"\cr" not in out and out.count("\\\\") == 2


def test_a_row_breaks_spacing_is_blanked_and_a_backslash_pair_before_cr_letters_kept() -> None:
    assert rows_spelled(r"a &= b \\[8px]") == "a &= b \\\\     "
    assert rows_spelled(r"a \\[-2.5pt] b") == "a \\\\" + " " * 8 + " b"
    assert rows_spelled(r"\\cr") == r"\\cr"


@pytest.mark.parametrize(("right", "verdict"), [("2x", "proved"), ("3x", "wrong")])
def test_a_chain_in_eqalign_rows_is_judged_row_by_row(right: str, verdict: str) -> None:
    v = verify(rf"$$\eqalign{{ \frac{{d f}}{{d x}} &= 2x \cr &= {right} \cr }}$$", define=["f = x^2"])
    assert v.verdict == verdict, str(v)


@pytest.mark.parametrize(("right", "verdict"), [("2x", "proved"), ("2x^2", "wrong")])
def test_a_row_break_with_its_spacing_ends_the_claim(right: str, verdict: str) -> None:
    """The takasaki376 notebook's ``... \\\\[8px]``: read as letters, px was a product of names nothing defines."""
    v = verify(rf"\frac{{d f}}{{d x}} &= {right} \\[8px]", define=["f = x^2"])
    assert v.verdict == verdict, str(v)
