"""Sentences that introduce standard notation, as pages write them: "Let ∇A(x) denote the derivative of X with respect
to the matrix A. Let X^T denote the transpose of matrix X." (https://math.stackexchange.com/questions/2342457, via
the corpus), "XT denotes matrix transpose, tr(X) is the trace, and det(X) is the determinant"
(http://www.liquisearch.com/matrix_calculus/notation), "the Hadamard (elementwise) product"
(https://techgarden.alphasmanifesto.com/math/Matrix-derivatives). Each says what the reader does anyway: noted, the
verdict the same as without it; a notation given another meaning stays unread."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


@pytest.mark.parametrize("words", [
    "Let ∇A(x) denote the derivative of X with respect to the matrix A. Let X^T denote the transpose of matrix X.",
    "X^T denotes matrix transpose, tr(X) is the trace, and det(X) is the determinant",
    r"where $\odot$ denotes the element-wise product",
    r"$A^{-1}$ is the inverse of $A$",
    r"the transpose of A is denoted by A^\top",
    r"\nabla_w L denotes the gradient of L with respect to w",
])
def test_standard_notation_in_words_adds_no_fact_and_is_noted(words):
    ctx = Context()
    parse_given(words, ctx)
    assert not ctx.tensors and not ctx.structured and not ctx.definitions
    assert any("the standard notation for the" in note for note in ctx.notes)


@pytest.mark.parametrize("words", [r"X^T denotes the transpose of Y", r"x^t denotes the transpose of x",
                                   r"\nabla_w L denotes the gradient of L with respect to v"])
def test_a_notation_given_another_meaning_stays_unread(words):
    with pytest.raises(ParseError):
        parse_given(words, Context())


def test_the_gradient_of_trace_ab_by_a_is_b_transposed_with_the_notation_said_in_words():
    given = ["tr(X) is the trace and X^T denotes the transpose of X"]
    of = r"\frac{\partial}{\partial A} \operatorname{tr}(A B)"
    assert verify("B^T", of=of, given=given).verdict in ("proved", "agrees")
    assert verify("2 B^T", of=of, given=given).verdict == "wrong"
