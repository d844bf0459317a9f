"""A range written after a definition (``y_i = ... \\quad (i = 1, \\dots, n)``, ``..., \\quad i = 1, \\dots, n``,
``... \\text{ for } i = 1, \\dots, n``) is read as the fact giving its index's range and blanked from the definition,
noted; ``f(i = 1, \\dots, n)`` applies f and is left to the reader."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.definition_ranges import ranges_read
from symgrad.verify import verify

_Y = r"y_i = \frac{e^{x_i}}{\sum_j e^{x_j}}"


def test_the_range_after_a_definition_is_a_fact_and_blanked() -> None:
    for clause in (r" \quad (i=1,2,…,n)", r", \quad i = 1, \dots, n", r" \text{ for } i = 1, \dots, n"):
        ctx = Context()
        (out,) = ranges_read([_Y + clause], ctx)
        assert out.rstrip() == _Y and len(out) == len(_Y + clause)
        assert "i" in ctx.ranges and any("read as the range of its index" in n for n in ctx.notes)
    ctx = Context()
    assert ranges_read([r"y = f(i=1, \dots, n)"], ctx) == [r"y = f(i=1, \dots, n)"] and not ctx.ranges


@pytest.mark.parametrize(("claim", "verdict"), [(r"y_i(\delta_{ij} - y_j)", "proved"), (r"y_i(1 - y_j)", "wrong")])
def test_a_softmax_with_its_range_in_words(claim: str, verdict: str) -> None:
    """Before, 'for' was read as a name and the right claim was called wrong."""
    v = verify(rf"\frac{{\partial y_i}}{{\partial x_j}} = {claim}", define=[_Y + r" \text{ for } i = 1, \dots, n"])
    assert v.verdict == verdict, str(v)
