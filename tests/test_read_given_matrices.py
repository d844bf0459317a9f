"""Matrices in words as pages write them: ``\\Sigma is the covariance matrix`` (symmetric positive definite, as
https://newbetuts.com/1599966-derivative-of-multivariate-normal-distribution-wrt-mean-and-covariance and
https://ethann.netlify.app/docs/multivariate-gaussian-distribution say it), ``A is a given matrix`` (a word that
states nothing), with bold capitals read as capitals; a name said a matrix that the formulas read as a number is
refused, never judged as a number."""

from __future__ import annotations

import pytest

from symgrad import verify

_DET_POWER = r"\frac{\partial \det(\mathbf{\Sigma})^{-1/2}}{\partial \mathbf{\Sigma}}"


@pytest.mark.parametrize("fact", [r"Let $\mathbf{\Sigma}$ be the covariance matrix"])
def test_the_gradient_of_det_sigma_to_the_minus_half_is_minus_half_of_it_times_sigma_inverse(fact):
    right = verify(r"-\frac{1}{2}\det(\mathbf{\Sigma})^{-1/2} \mathbf{\Sigma}^{-1}", of=_DET_POWER, given=[fact])
    assert right.verdict in ("proved", "agrees"), right.message
    assert "covariance matrix, read as symmetric positive definite" in right.message
    assert verify(r"\frac{1}{2}\det(\mathbf{\Sigma})^{-1/2} \mathbf{\Sigma}^{-1}", of=_DET_POWER,
                  given=[fact]).verdict == "wrong"


def test_a_given_matrix_in_a_log_det_has_the_gradient_its_inverse_transposed():
    of = r"\frac{\partial \log\det(A)}{\partial A}"
    assert verify("A^{-T}", of=of, given=["A is a given matrix"]).verdict in ("proved", "agrees")
    assert verify("A", of=of, given=["A is a known matrix"]).verdict == "wrong"


@pytest.mark.parametrize("fact", ["A is a given matrix", r"$A$ is a real matrix"])
def test_a_matrix_in_words_the_formulas_read_as_a_number_is_refused_by_name(fact):
    verdict = verify("2A", of=r"\frac{\partial A x}{\partial x}", given=[fact])
    assert verdict.verdict == "unreadable"
    assert "A is said a matrix in words" in verdict.message and "(in --given)" in verdict.message


_FACTS_IN_ONE = [r"A and B are matrices, x is a scalar and \| \cdot \| denotes the Frobenius norm",
                 r"A, B are matrices and || || is the frobenius norm"]


@pytest.mark.parametrize("fact", _FACTS_IN_ONE)
def test_the_derivative_of_the_squared_frobenius_residual_by_a_scalar_is_2x_norm_b_minus_2_tr_a_t_b(fact):
    of, define = r"\frac{\partial F}{\partial x}", [r"F = \|A - xB\|_F^2"]
    right = verify(r"2x\|B\|_F^2 - 2\operatorname{tr}(A^T B)", of=of, define=define, given=[fact])
    assert right.verdict in ("proved", "agrees") and "read as the Frobenius norm" in right.message
    assert "A, B declared matrices in words" in right.message
    assert verify(r"2x\|B\|_F^2 + 2\operatorname{tr}(A^T B)", of=of, define=define, given=[fact]).verdict == "wrong"


def test_another_norm_named_in_words_is_not_read_as_the_frobenius_norm():
    verdict = verify(r"2x\|B\|^2", of=r"\frac{\partial F}{\partial x}", define=[r"F = x^2 \|B\|^2"],
                     given=[r"B is a matrix and \| \cdot \| denotes the spectral norm"])
    assert verdict.verdict == "unreadable" and "spectral norm" in verdict.message


@pytest.mark.parametrize("fact", [r"\Sigma is the covariance matrix", r"\Sigma is a positive semi-definite matrix"])
def test_the_gradient_of_a_quadratic_form_by_the_mean_uses_the_symmetry_words_give_a_matrix_its_use_makes_square(fact):
    of, given = r"\frac{\partial (x - \mu)^T \Sigma^{-1} (x - \mu)}{\partial \mu}", [fact, r"x, \mu \in \mathbb{R}^n"]
    right = verify(r"-2\Sigma^{-1}(x - \mu)", of=of, given=given)
    assert right.verdict in ("proved", "agrees") and "square as the claim uses it" in right.message
    assert verify(r"-2\Sigma(x - \mu)", of=of, given=given).verdict == "wrong"
