"""Cases as plain text and READMEs write them after the last ``=`` (aidysun's activation README: ``g'(z) = 0.01 [when
z < 0]; 1 [when z >= 0]``; ``1 if x > 0; 0 otherwise``; ``0 for x < 0 and 1 for x > 0``) read as the cases they
state, noted; a value times a parenthesized relation is not respelled. Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.read.code_cases import braced
from symgrad.verify import verify

LEAKY = ["g(z) = max(0.01 * z, z)"]


@pytest.mark.parametrize("claim", [
    "g'(z) = 0.01 [when z < 0]; 1 [when z >= 0]",
    "g'(z) = 0.01 when z < 0; 1 when z >= 0",
    "g'(z) = 0.01 if z < 0, 1 if z >= 0",
    "g'(z) = 0.01 for z < 0 and 1 for z >= 0",
    "g'(z) = 0.01 if z < 0; 1 otherwise",
])
def test_leaky_relu_cases_in_words_agree_with_autograd(claim):
    v = verify(claim, define=LEAKY)
    slope = grad(lambda t: anp.maximum(0.01 * t, t))
    assert v.verdict in ("agrees", "proved")
    assert np.isclose(slope(-0.8), 0.01) and np.isclose(slope(0.8), 1.0)
    assert "read as {value if condition; ...}" in v.message


def test_cases_in_words_with_the_slopes_swapped_are_wrong():
    v = verify("g'(z) = 1 when z < 0; 0.01 when z >= 0", define=LEAKY)
    assert v.verdict == "wrong"
    assert np.isclose(grad(lambda t: anp.maximum(0.01 * t, t))(-0.8), 0.01)


@pytest.mark.parametrize("text", ["y = max(0, x)", "f(x) = x^2 for x > 0", "g'(z) = 0.01 (z < 0), 1 (z >= 0)",
                                  r"g'(z) = 0.01 \text{ if } z < 0", "L = a, b"])
def test_text_without_a_condition_on_every_piece_is_left_as_written(text):
    assert braced(text) == text


def test_respelling_keeps_every_column_before_the_closing_brace():
    text = "g'(z) = 0.01 [when z < 0]; 1 [when z >= 0]"
    spelled = braced(text)
    assert spelled.endswith("}") and len(spelled) == len(text) + 1
    assert [spelled.index(c) for c in "0.1z"] == [text.index(c) for c in "0.1z"]


def test_a_rendered_cases_display_copied_as_text_is_refused_with_the_latex_to_paste():
    """nstudy's leaky ReLU page copies its display as f(x)={x,if x≥0λx,if x<0: where a row ends is lost."""
    v = verify("f'(x) = 1 if x >= 0; 0.5 otherwise", define=["f(x)={x,if x≥0λx,if x<0"])
    assert v.verdict == "unreadable" and r"\begin{cases}" in v.message and "rows run together" in v.message
