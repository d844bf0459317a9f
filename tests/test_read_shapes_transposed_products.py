"""A product of capitals one of which is transposed is a matrix product, however it is spelled: QK^T,
Q \\cdot K^T, Q (K^T), and code's Q @ K.T, which reads as Q \\cdot (K^T)."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition


@pytest.mark.parametrize("latex", [
    r"S = Q K^T",
    r"S = Q \cdot K^T",
    r"S = Q \cdot (K^T)",
    r"S = Q (K^\top)",
    "S = Q @ K.T",
])
def test_q_times_k_transposed_is_sum_over_j_of_q_ij_k_kj(latex):
    d = parse_definition(latex, Context())
    i, k = d.lhs.indices
    assert isinstance(d.rhs, sp.Sum)
    (j, _, _), = d.rhs.limits
    Q, K = sp.IndexedBase("Q"), sp.IndexedBase("K")
    assert {str(e) for e in d.rhs.function.atoms(sp.Indexed)} == {str(Q[i, j]), str(K[k, j])}


def test_code_attention_scores_feed_softmax_as_a_matrix():
    ctx = Context()
    parse_definition("S = Q @ K.T / sqrt(d_k)", ctx)
    p = parse_definition(r"P = \mathrm{softmax}(S)", ctx)
    assert len(p.lhs.indices) == 2
    assert p.rhs.has(sp.exp)


def test_a_capital_applied_to_a_transpose_is_not_a_product():
    """f(K^T) is no product f K^T: read as one, K would be a matrix; K stays a number, and a letter transposed while
    still a number at the end of the reading is refused naming both readings (read/arrays.transposed_numbers)."""
    with pytest.raises(ParseError, match=r"K\^T of K: K, which nothing shapes, has two readings: numbers .* or arrays"):
        parse_definition(r"S = f(K^T)", Context())
