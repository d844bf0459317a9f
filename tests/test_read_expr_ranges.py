"""symgrad.read index ranges the page leaves unsaid (issue 9): an index beside a summed one runs to the only size in
play, noted; where the context has sizes of its own the range is still asked for."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_given

MEAN = r"\mu_j = \frac{1}{N} \sum_{i=1}^N x_{i,j}"
LOSS = r"L = \sum_j \beta_j \mu_j"


def test_a_column_index_beside_a_summed_row_index_runs_to_the_only_size_in_play_and_says_so():
    ctx = Context()
    parse_definition(MEAN, ctx)
    n = sp.Symbol("N", integer=True, positive=True)
    assert ctx.ranges["j"].upper == n
    assert ctx.tensors["x"].shape == (n, n)
    assert any("index j runs to N, the only size in play" in note for note in ctx.notes)


def test_the_gradient_of_a_weighted_column_mean_is_the_column_mean_and_a_missing_one_over_n_is_a_factor():
    right = verify(claim=r"\frac{\partial L}{\partial \beta_j} = \frac{1}{N}\sum_{i=1}^N x_{i,j}", define=[MEAN, LOSS])
    assert right.verdict == "proved" and "only size in play" in right.message
    slip = verify(claim=r"\frac{\partial L}{\partial \beta_j} = \sum_{i=1}^N x_{i,j}", define=[MEAN, LOSS])
    assert slip.verdict == "wrong" and "factor" in slip.message


@pytest.mark.parametrize("fact", [r"\beta \in \mathbb{R}^{K}", r"z \in \mathbb{R}^{K}"])
def test_an_index_is_not_given_a_size_when_the_context_declares_sizes_of_its_own(fact):
    ctx = Context()
    parse_given(fact, ctx)
    with pytest.raises(ParseError, match="cannot tell the range of index j"):
        parse_definition(MEAN, ctx)
