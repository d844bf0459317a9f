"""Definitions read from a chain or a square. A chain written in vector notation and then in index notation
(rhat_ij = p_i^T q_j = \\sum_k p_ik q_kj) is defined by its index side, which states every index's role (read
alone, p_i^T q_j took q_j as row j of q while the sum writes column j). A square defined as a square (u^2 = (r - y)^2)
has two roots, the signed one and the nonnegative one: refused naming both, each judged; a value that is no square
keeps its nonnegative root. By hand: d rhat_ij / d p_ik = q_kj; du/dy = -1 for u = r - y."""

from __future__ import annotations

import pytest

import symgrad

RHAT = [r"\hat{r}_{ij} = p_i^T q_j = \sum_{k} p_{ik} q_{kj}"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial \hat{r}_{ij}}{\partial p_{ik}} = q_{kj}", "proved"),
                                                (r"\frac{\partial \hat{r}_{ij}}{\partial p_{ik}} = q_{jk}", "wrong")])
def test_a_chain_is_defined_by_its_index_side(claim, verdict):
    v = symgrad.verify(claim, define=RHAT)
    assert v.verdict == verdict and "side 2" in v.message, str(v)


def test_a_square_of_a_square_names_both_roots():
    v = symgrad.verify(r"\frac{\partial u}{\partial y} = -1", define=["u^2 = (r - y)^2"])
    assert v.verdict == "unreadable" and "u = r - y (the signed root): proved" in v.message, str(v)
    v = symgrad.verify(r"\frac{\partial}{\partial y} u^2 = -2(r + y)", define=["u^2 = (r - y)^2"])
    assert v.verdict == "wrong" and "each gives this verdict" in v.message, str(v)


def test_a_square_of_a_sum_keeps_the_nonnegative_root():
    v = symgrad.verify(r"\frac{\partial s}{\partial x} = \frac{x}{s}", define=["s^2 = x^2 + y^2"])
    assert v.verdict == "proved" and "nonnegative square root" in v.message, str(v)
