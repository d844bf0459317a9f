"""Plain-text Leibniz fractions whose numerator is a defined word (dloss/dw with loss = ..., dcost/dw): the letters
written together after d spell the longest name the problem defines (read/operators.defined_run_after_d); they were
read as d times l times o ... ('name d is not defined'). Single letters read as before (dL/dw)."""

from __future__ import annotations

import pytest

import symgrad


@pytest.mark.parametrize(("claim", "define", "verdict"), [
    ("dloss/dw = 2w", ["loss = w^2"], "proved"),
    ("dloss/dw = 3w", ["loss = w^2"], "wrong"),
    ("dcost/dw = 2(w-1)", ["cost = (w-1)^2 + l"], "proved"),
    ("dcost/dw = 2(w+1)", ["cost = (w-1)^2 + l"], "wrong"),
    ("dL/dw = 2w", ["L = w^2"], "proved"),
])
def test_a_defined_word_after_d_is_the_name(claim, define, verdict):
    assert symgrad.verify(claim, define=define).verdict == verdict
