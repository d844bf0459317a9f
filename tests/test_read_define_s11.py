"""Session 11's definitions as pages write them (helper Df), and the sum whose body the page closed itself."""

from __future__ import annotations

from symgrad.verify import verify

PLAIN_SOFTMAX = "p_j = exp(o_j) / Sum_k(exp(o_k))"


def test_a_term_after_a_bracketed_plain_sum_stays_outside_it():
    # Sum_k(exp(o_k)) closes its own body: the product-rule term after it is not read into the sum
    right = "d_i(p_j) = d_i(exp(o_j)) / Sum_k(exp(o_k)) + exp(o_j) * d_i(1/Sum_k(exp(o_k)))"
    v = verify(right, define=[PLAIN_SOFTMAX])
    assert v.verdict == "proved", v.message
    assert "read inside the sum" not in v.message
    slip = "d_i(p_j) = d_i(exp(o_j)) / Sum_k(exp(o_k)) - exp(o_j) * d_i(1/Sum_k(exp(o_k)))"
    assert verify(slip, define=[PLAIN_SOFTMAX]).verdict == "wrong"


def test_a_bracketed_latex_sum_body_keeps_the_next_term_outside():
    definition = r"L = \sum_{i=1}^{n} \left( w x_i \right) + x_i"
    v = verify(r"\frac{\partial L}{\partial w} = \sum_{i=1}^{n} x_i", define=[definition])
    assert v.verdict == "unreadable" and "index i is free on the right" in v.message, v.message
