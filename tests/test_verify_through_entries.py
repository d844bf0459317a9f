"""A derivative written by a defined vector (\\frac{\\partial L}{\\partial o_i}, o_i = W_i x + b_i) where L's definitions
write o's body out (W_j x + b_j under a sum) is the derivative of L read as a function of o, noted - it was refused
as 0-as-read; where some of the body's names stay outside o's entries it stays refused."""

import symgrad

P = r"p_j = \frac{e^{W_j x + b_j}}{\sum_k e^{W_k x + b_k}}"
L = r"L = -\sum_j y_j \log p_j"
FACTS = [r"o_i = W_i x + b_i", r"\sum_k y_k = 1"]


def test_a_right_chain_through_the_written_out_body_is_proved_and_noted():
    v = symgrad.verify(r"\frac{\partial L}{\partial b_i} = \frac{\partial L}{\partial o_i}\frac{\partial o_i}{\partial b_i}"
                       r" = (p_i - y_i) \cdot 1", define=[P, L], given=FACTS)
    assert v.verdict in ("proved", "agrees"), v.message
    assert "L read as a function of o" in v.message


def test_a_wrong_link_through_the_written_out_body_is_wrong():
    v = symgrad.verify(r"\frac{\partial L}{\partial b_i} = \frac{\partial L}{\partial o_i}\frac{\partial o_i}{\partial b_i}"
                       r" = (y_i - p_i) \cdot 1", define=[P, L], given=FACTS)
    assert v.verdict == "wrong"


def test_a_body_only_partly_written_out_stays_refused():
    # L uses W_j x + b_j and also b_j alone: L is no function of o alone
    v = symgrad.verify(r"\frac{\partial L}{\partial b_i} = \frac{\partial L}{\partial o_i}\frac{\partial o_i}{\partial b_i}"
                       r" = p_i - y_i + 2 b_i", define=[P, r"L = -\sum_j y_j \log p_j + \sum_j b_j^2"], given=FACTS)
    assert v.verdict == "unreadable" and "does not use o as defined" in v.message
