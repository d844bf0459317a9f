"""A fact the numeric search cannot impose (b_i = \\sum_j A_{ij} x_j, stated beside z_i = \\sigma(b_i)) ties a name the
claim reaches only through a definition (the claim writes z, z is made of b): a point where the fact does not hold
refutes nothing, so a claim that differs there is refused naming the fact - it was called wrong (a right claim)."""

import symgrad

L = [r"L = \sum_{i=1}^{N} (\sigma(\sum_{j=1}^{M} A_{ij} x_j) - y_i)^2"]
CLAIM = r"\frac{\partial L}{\partial y_p} = -2(z_p - y_p)"


def test_a_claim_through_a_name_an_unheld_fact_ties_is_refused_not_wrong():
    v = symgrad.verify(CLAIM, define=L, given=[r"z_i = \sigma(b_i)", r"b_i = b_i^3 + \sum_{j=1}^{M} A_{ij} x_j"])
    assert v.verdict == "unreadable"
    assert "need not hold" in v.message and "b_i = b_i³" in v.message


def test_the_same_claim_with_the_tie_as_a_definition_is_judged():
    right = symgrad.verify(CLAIM, define=[*L, r"z_i = \sigma(\sum_{j=1}^{M} A_{ij} x_j)"])
    wrong = symgrad.verify(CLAIM.replace("-2", "2"), define=[*L, r"z_i = \sigma(\sum_{j=1}^{M} A_{ij} x_j)"])
    assert right.verdict == "proved" and wrong.verdict == "wrong"
