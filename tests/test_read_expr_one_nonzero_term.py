"""A sum written by its one term that is not zero, ``0 + \\dots + 2 w_j + \\dots + 0`` (the derivative of a sum of
squares term by term, as the DeepLearning.AI forum answer 736960 writes it), is that term, noted; the claim is then
judged on it: right where the term is the derivative, wrong (by a factor) where it is not."""

from __future__ import annotations

import pytest

from symgrad.verify import verify

REGULARIZER = r"J = \frac{\lambda}{2m} \sum_{j = 1}^n w_j^2"


@pytest.mark.parametrize("dots", [r"\dots", r"\cdots", r"\ldots", "..."])
def test_a_sum_of_zeros_around_2_w_j_is_2_w_j_and_the_regularizer_gradient_is_proved(dots):
    claim = rf"\frac{{\partial J}}{{\partial w_j}} = \frac{{\lambda}}{{2m}} \left( 0 + {dots} + 2 w_j + {dots} + 0 \right)"
    v = verify(claim, define=[REGULARIZER])
    assert v.verdict in ("proved", "agrees"), v.message
    assert "read as its one term that is not zero" in v.message


def test_the_one_nonzero_term_missing_its_factor_2_is_wrong():
    v = verify(r"\frac{\partial J}{\partial w_j} = \frac{\lambda}{2m}(0 + \dots + w_j + \dots + 0)", define=[REGULARIZER])
    assert v.verdict == "wrong", v.message


def test_terms_that_are_not_zeros_around_the_dots_are_still_refused():
    v = verify(r"\frac{\partial J}{\partial w_j} = \frac{\lambda}{2m}(1 + \dots + 2 w_j + \dots + 0)", define=[REGULARIZER])
    assert v.verdict == "unreadable"
