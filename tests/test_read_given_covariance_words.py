"""A covariance matrix in a page's words: 'S is the sample covariance matrix', '$( S )$ is the covariance matrix of
the dataset' (\\( S \\) with its backslashes lost): symmetric positive definite, noted."""

from symgrad import verify
from symgrad.read.prose import from_prose

_QUADRATIC = (r"\frac{\partial}{\partial \mathbf{v}} (\mathbf{v}^T(\mathbf{S} - \lambda \mathbf{I}) \mathbf{v}) = {} "
              r"(\mathbf{S} - \lambda \mathbf{I}) \mathbf{v}")


def test_a_sample_covariance_and_one_of_the_dataset_are_covariance_matrices():
    for sentence in ("S is the sample covariance matrix", "$( S )$ is the covariance matrix of the dataset."):
        facts, notes = from_prose(sentence)
        assert facts == r"S \succ 0" and any("covariance matrix" in n for n in notes)


def test_the_gradient_of_a_quadratic_form_in_a_sample_covariance_is_judged_symmetric():
    right = verify(_QUADRATIC.replace("{}", "2"), given=["S is the sample covariance matrix"])
    wrong = verify(_QUADRATIC.replace("{}", "4"), given=["S is the sample covariance matrix"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
