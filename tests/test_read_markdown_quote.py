"""Markdown's quote marker ``>`` before a quoted formula (``>$ \\sigma(x) = ... $``, ``> $ \\sigma'(x) = ... $``, a
notebook's quoted cell) only marks the text as quoted: blanked, the same width, noted; a ``>`` inside a formula stays
the relation."""

from __future__ import annotations

import pytest

from symgrad.read.page_markup import markup_blanked, markup_notes
from symgrad.verify import verify


def test_the_quote_marker_before_a_formula_is_blanked_and_noted() -> None:
    assert markup_blanked(r">$ \sigma(x)=1 $") == r" $ \sigma(x)=1 $"
    assert markup_blanked("> $a$\n> $b$") == "  $a$\n  $b$"
    assert any("markdown's quote" in n for n in markup_notes(r"> $ x $"))
    assert markup_blanked(r"x > 0") == r"x > 0"
    assert markup_blanked("x\n> 0") == "x\n> 0"


@pytest.mark.parametrize(("claim", "verdict"), [(r"\sigma(x)(1-\sigma(x))", "proved"), (r"\sigma(x)", "wrong")])
def test_a_quoted_definition_and_claim_are_read(claim: str, verdict: str) -> None:
    v = verify(rf"> $ \sigma'(x)={claim} $", define=[r">$ \sigma(x)=\frac{1}{1+e^{-x}} $"])
    assert v.verdict == verdict, str(v)
