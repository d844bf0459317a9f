"""A derivative by one entry Sigma_ij of a square matrix nothing declares, claimed with i and j swapped, is right for a
symmetric Sigma (a covariance) and wrong for a general one: the claim is refused naming both readings; the fact
'Sigma is symmetric' decides it. By hand, L = a^T Sigma Sigma a: dL/dSigma_ij = a_i (Sigma a)_j + (Sigma^T a)_i a_j,
the swapped claim equal to it where Sigma = Sigma^T only; a sum over the term after another sum that binds its own
index (\\sum^{N}_{n=1}, the bound written first) is not pulled into the first."""

from __future__ import annotations

import symgrad
from symgrad.read.sums import _subscript_letters
from symgrad.read.tokens import _tokens

L = [r"L = \sum_k \sum_l \sum_m a_k \Sigma_{kl} \Sigma_{lm} a_m"]
SWAPPED = r"\frac{\partial L}{\partial \Sigma_{ij}} = a_j \sum_m \Sigma_{im} a_m + a_i \sum_k a_k \Sigma_{kj}"


def test_a_swapped_entry_is_refused_naming_both_readings():
    v = symgrad.verify(SWAPPED, define=L)
    assert v.verdict == "unreadable" and "symmetric" in v.message and "general" in v.message, str(v)


def test_a_wrong_claim_stays_wrong():
    v = symgrad.verify(r"\frac{\partial L}{\partial \Sigma_{ij}} = 2 a_j \sum_m \Sigma_{im} a_m", define=L)
    assert v.verdict == "wrong", str(v)


def test_a_sum_with_its_bound_first_binds_its_index():
    assert _subscript_letters(_tokens(r"\sum^{N}_{n=1} f_i t_n")) == {"i"}
    assert _subscript_letters(_tokens(r"\sum^N_{n=1} t_n")) == set()
