"""A minus and one letter in braces under a power (read/braced_minus): ``{ -e }^{ -x }`` shows -e^{-x}, read as
-(e^{-x}), as the page shows it. Judged: d/dx (1 + e^{-x}) is -e^{-x}; written without the minus it is wrong."""

from __future__ import annotations

import pytest

import symgrad


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{d}{dx} (1+{ e }^{ -x }) = { -e }^{ -x }", "proved"),
                                                (r"\frac{d}{dx} (1+{ e }^{ -x }) = { e }^{ -x }", "wrong")])
def test_a_braced_minus_under_a_power_is_outside_it(claim, verdict):
    v = symgrad.verify(claim)
    assert v.verdict == verdict, str(v)
    assert ("braces print nothing" in v.message) == (verdict == "proved")
