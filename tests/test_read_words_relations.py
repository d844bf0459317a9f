"""A relation of two names said in words (``d(a, p): distance between the anchor and positive``): read by the table
of relations; a name with two readings (Euclidean or squared Euclidean distance) gives a verdict only where both do.
A name by its role (``Where $Y$ is saved output``) is the output of what the claim differentiates."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
from autograd import grad

from symgrad import verify
from symgrad.read.words_relations import relation_in_words

TRIPLET = r"L = \max(0, d(a, p) - d(a, n) + m)"
UNCLIPPED = r"L = d(a, p) - d(a, n) + m"
DISTANCE = "d(a, p): distance between the anchor and positive"


def test_a_distance_in_words_has_two_readings_and_a_euclidean_distance_one():
    assert [words for _, words in relation_in_words(DISTANCE)] == ["the Euclidean distance",
                                                                    "the squared Euclidean distance"]
    assert relation_in_words("d(a, n): Euclidean distance between the anchor and negative") == [
        (r"d(a, n) = \|a - n\|_2", "the Euclidean distance")]


def test_a_claim_wrong_under_both_readings_of_a_distance_is_wrong_and_says_so():
    v = verify(r"\frac{\partial L}{\partial a} = 2(a - p) - 2(a - n)", define=[TRIPLET], given=[DISTANCE])
    assert v.verdict == "wrong" and "each of its 2 readings" in v.message  # the hinge's flat side is missing


def test_a_claim_right_under_one_reading_only_is_refused_naming_both():
    a, p, n = 0.3, -1.1, 0.8  # 2(n - p) is the gradient of the squared distances, not of the distances
    squared = grad(lambda a: (a - p) ** 2 - (a - n) ** 2)(a)
    euclidean = grad(lambda a: anp.abs(a - p) - anp.abs(a - n))(a)
    assert np.isclose(squared, 2 * (n - p)) and not np.isclose(euclidean, 2 * (n - p))
    v = verify(r"\frac{\partial L}{\partial a} = 2(n - p)", define=[UNCLIPPED], given=[DISTANCE])
    assert v.verdict == "unreadable" and "the squared Euclidean distance" in v.message and "different verdicts" in v.message


def test_a_euclidean_distance_in_words_is_read_as_it():
    fact = "d(a, p): Euclidean distance between the anchor and positive"
    v = verify(r"\frac{\partial L}{\partial a} = 2(n - p)", define=[UNCLIPPED], given=[fact])
    assert v.verdict == "wrong" and "read as the Euclidean distance" in v.message
    v = verify(r"\frac{\partial L}{\partial a} = 2(n - p)", define=[UNCLIPPED],
               given=["d(a, p): squared Euclidean distance between the anchor and positive"])
    assert v.verdict in ("proved", "agrees")


def test_a_name_said_to_be_the_saved_output_is_the_function_the_claim_differentiates():
    claim = r"\frac{\partial}{\partial x} Softplus(x) = 1 - e^{-Y}"  # e^{-softplus(x)} = 1 - sigmoid(x)
    x = 0.7
    softplus_grad = grad(lambda x: anp.log(1 + anp.exp(x)))(x)
    assert np.isclose(softplus_grad, 1 - np.exp(-np.log(1 + np.exp(x))))
    v = verify(claim, given=["Where $Y$ is saved output"])
    assert v.verdict in ("proved", "agrees") and "read as Y = Softplus(x)" in v.message
    assert verify(r"\frac{\partial}{\partial x} Softplus(x) = e^{-Y}", given=["Where $Y$ is saved output"]).verdict == "wrong"
    v = verify("1 - e^{-Y}", of="Softplus(x)", given=["Where $Y$ is saved output"])
    assert v.verdict == "unreadable" and "differentiates no function applied" in v.message


def test_a_sentence_that_only_narrates_is_refused_naming_its_words():
    v = verify(r"\frac{d}{dx} x^2 = 2x", given=["Where $Z$ is the thing we want"])
    assert v.verdict == "unreadable" and "'Where $Z$ is the thing we want' is no fact symgrad reads" in v.message
