"""--of written as a bare expression of several variables (the variable decided by the claim's shape, noted, or
refused naming the candidates) and a claim labelled by a word before = (``gradient = ...``)."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify

LEAST_SQUARES = [r"A \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^n", r"b \in \mathbb{R}^m"]


def test_least_squares_gradient_matches_autograd():  # the reference the verdicts below rest on
    rng = np.random.default_rng(9)
    a, x, b = rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=4)
    truth = autograd.grad(lambda v: anp.sum((a @ v - b) ** 2))(x)
    assert np.allclose(truth, 2 * a.T @ (a @ x - b), rtol=1e-12)


@pytest.mark.parametrize("of", [r"||Ax -b||^2", r"(Ax-b)^T(Ax-b)"])
def test_a_bare_of_is_by_the_one_variable_of_the_claims_shape(of):
    right = verify(r"2A^T(Ax-b)", of=of, given=LEAST_SQUARES)
    assert right.verdict == "proved" and "derivative by x, the one variable of the claim's shape" in right.message
    assert verify(r"A^TAx-A^Tb", of=of, given=LEAST_SQUARES).verdict == "wrong"  # the 2 dropped


def test_a_claim_of_the_residuals_shape_is_by_b():
    v = verify(r"-2(Ax-b)", of=r"(Ax-b)^T(Ax-b)", given=LEAST_SQUARES)  # d/db ||Ax - b||^2 = -2(Ax - b)
    assert v.verdict == "proved" and "derivative by b" in v.message


@pytest.mark.parametrize("claim, given", [
    (r"2A^T(Ax-b)", [r"A \in \mathbb{R}^{n \times n}", r"x \in \mathbb{R}^n", r"b \in \mathbb{R}^n"]),  # x and b fit
    (r"2(ax-b)a", []),  # scalars all have one shape
])
def test_a_bare_of_that_shapes_do_not_decide_is_refused_naming_the_candidates(claim, given):
    v = verify(claim, of=r"(Ax-b)^T(Ax-b)" if given else "(ax-b)^2", given=given)
    assert v.verdict == "unreadable" and ("A, b, x" in v.message or "a, b, x" in v.message)


def test_a_word_labelling_the_claim_before_equals_is_no_name():
    v = verify(r"gradient = $2A^T (Ax - b)$", of=r"||Ax -b||^2", given=LEAST_SQUARES)
    assert v.verdict == "proved" and "'gradient' before = read as a label" in v.message
    assert verify(r"gradient = $A^T (Ax - b)$", of=r"||Ax -b||^2", given=LEAST_SQUARES).verdict == "wrong"


def test_shapes_that_make_a_transposed_letter_a_number_decide_nothing():
    # ||Ax - b||^2 alone: A before a vector is never silently a number (read/arrays.transposed_numbers); it is a
    # matrix by the convention, noted, so 2A^T(Ax - b) is right and 2A(Ax - b) is not (refused: ill-shaped only there)
    v = verify(r"2A^T(Ax-b)", of=r"||Ax -b||^2")
    assert v.verdict == "proved" and "A a n x d matrix" in v.message
    assert verify(r"2A(Ax-b)", of=r"||Ax -b||^2").verdict not in ("proved", "agrees")


def test_of_as_an_imperative_in_words_is_the_derivative_it_names():
    truth = autograd.grad(lambda x: 1 / anp.abs(x - 0.3))(1.7)
    assert np.isclose(truth, -(1.7 - 0.3) / abs(1.7 - 0.3) ** 3, rtol=1e-12)
    of = "Partial differentiate 1/|x-y|with respect to x"
    assert verify("- (x-y)/|x-y|^3", of=of).verdict == "proved"
    assert verify("(x-y)/|x-y|^3", of=of).verdict == "wrong"


def test_a_derivative_in_words_without_its_variable_is_refused_by_name():
    v = verify("diag(S) - S * S^T.", of="the Jacobian matrix of the softmax output")
    assert v.verdict == "unreadable" and "'the Jacobian matrix of the softmax output' names a derivative" in v.message
