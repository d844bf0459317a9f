"""One --assume listing several index relations (``Case 1: k = i, k \\neq j``; ``情况二: $k = i, l \\neq j$``) is one
case each relation, as if given one --assume each (read/assumed_case_lists, hooked in verify.claim.verify): the
derivative of x_i x_j by x_k is x_j exactly when k = i and k != j (autograd-free: the product rule, both cases
checked below by the verdicts)."""

from __future__ import annotations

import pytest

import symgrad

H = [r"h_{ij} = x_i x_j"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial h_{ij}}{\partial x_k} = x_j", "proved"),
                                                (r"\frac{\partial h_{ij}}{\partial x_k} = 2x_j", "wrong")])
def test_a_listed_case_is_both_relations(claim, verdict):
    v = symgrad.verify(claim, define=H, assume=[r"Case 1: k = i, k \neq j"])
    assert v.verdict == verdict, str(v)


def test_one_relation_alone_leaves_the_other_case_open():
    v = symgrad.verify(r"\frac{\partial h_{ij}}{\partial x_k} = x_j", define=H, assume=["k = i"])
    assert v.verdict == "wrong" and "holds only when i ≠ j" in str(v), str(v)
