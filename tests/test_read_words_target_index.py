"""``$y$ is the target token`` (a language model's class: token, word, category beside class and label): an index
fixed by the context, noted; it imposes nothing, its use reads it."""

import pytest

import symgrad


@pytest.mark.parametrize("claim, verdict", [(r"p_i - \delta_{iy}", "proved"), (r"p_i - \delta_{it}", "wrong")])
def test_the_target_token_is_the_index_of_the_loss(claim, verdict):
    v = symgrad.verify(claim=rf"\frac{{\partial L}}{{\partial z_i}} = {claim}",
                       define=[r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", r"L = -\log p_y"],
                       given=["$y$ is the target token", r"t \in \{1, \dots, N\}"])
    assert v.verdict == verdict, v.message
    assert "y an index fixed by the context" in v.message
