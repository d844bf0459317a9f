"""Matrix spaces as convex analysis writes them (``A \\in \\mathbb{S}^n_{++}``: n x n, positive definite) and a signature
giving a function's argument its space (``f : \\mathbb{S}^n_{++} \\rightarrow \\mathbb{R}`` with ``f(A) = \\log |A|``):
the argument is a matrix, never a number."""

import symgrad
from symgrad.read.given_signatures import signature_arguments, spaces_spelled

CONE_SIGNATURE = r"f : \mathbb{S}_{++}^{n} \rightarrow \mathbb{R}, f(A)=\log |A|"


def test_a_cone_is_a_shape_and_a_definiteness():
    assert spaces_spelled(r"A \in \mathbb{S}^n_{++}")[0] == r"A \in \mathbb{R}^{n \times n}, A \succ 0"
    assert spaces_spelled(r"A \in \mathbb{S}_{+}^{n}")[0] == r"A \in \mathbb{R}^{n \times n}, A \succeq 0"
    assert spaces_spelled(r"x \in \mathbb{S}^{n-1}")[0] == r"x \in \mathbb{S}^{n-1}"  # a sphere, or symmetric: as written


def test_a_signature_gives_the_argument_its_space():
    facts, notes = spaces_spelled(CONE_SIGNATURE)
    assert facts.startswith(r"A \in \mathbb{R}^{n \times n}, A \succ 0, f : \mathbb{R}^{n \times n} \to \mathbb{R}")
    assert notes and "f(A)" in notes[0]


def test_log_det_on_the_positive_definite_matrices():
    right = symgrad.verify(claim=r"\nabla_{A} \log |A| = A^{-1}", given=[CONE_SIGNATURE])
    wrong = symgrad.verify(claim=r"\nabla_{A} \log |A| = A", given=[CONE_SIGNATURE])
    assert right.verdict == "proved" and "∂F/∂A_ij" in right.message  # by each entry: A is a matrix
    assert wrong.verdict == "wrong"


def test_a_signature_gives_the_argument_of_a_definition_elsewhere_its_space():
    assert signature_arguments([r"f : \mathbb{R}^{n \times n} \to \mathbb{R}"], [r"f(A) = \log|A|"]) == [
        r"A \in \mathbb{R}^{n \times n}"]
    assert signature_arguments([r"f : \mathbb{S}^{n}_{++} \rightarrow \mathbb{R}"], [r"f(X) := \log|X|"]) == [
        r"X \in \mathbb{R}^{n \times n}", r"X \succ 0"]
    assert signature_arguments([CONE_SIGNATURE], [r"f(A) = \log|A|"]) == []  # given with its definition: read there


def test_a_signature_alone_and_its_definition_in_another_fact():
    assert signature_arguments([r"f : \mathbb{S}^{n}_{++} \rightarrow \mathbb{R}", r"f(A) = \log|A|"], []) == [
        r"A \in \mathbb{R}^{n \times n}", r"A \succ 0"]
    v = symgrad.verify(claim=r"\nabla_A f = A", given=[r"f : \mathbb{S}^n_{++} \rightarrow \mathbb{R}"],
                       define=[r"f(A) = \log|A|"])
    assert v.verdict == "wrong" and "|A| of a matrix read as its determinant" in v.message
    given_twice = symgrad.verify(claim=r"\nabla_A f = A^{-1}", given=[
        r"f : \mathbb{S}^n_{++} \rightarrow \mathbb{R}", r"f(A) = \log|A|"])
    assert given_twice.verdict == "unreadable"  # read before A's space: refused, never A a number
