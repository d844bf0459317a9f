"""Shapes as code comments and plain text write them: ``% xTr dxn matrix (each column is an input vector)`` (a MATLAB
comment naming a variable and its shape), ``A ∈ R ^ (m×n)``, ``A \\in R^{m*n}`` and ``\\mathbb{R}^{(m \\times n)}``
(a space's power in parentheses: the sizes of a matrix, never one size m n)."""

import pytest

from symgrad.read import Context, parse_given
from symgrad.read.words_docstrings import docstring_in_words


@pytest.mark.parametrize("text, fact", [
    ("% xTr dxn matrix (each column is an input vector)", r"xTr \in \mathbb{R}^{d \times n}"),
    ("% yTr 1xn matrix (each entry is a label)", r"yTr \in \mathbb{R}^{1 \times n}"),
    ("# X: n x d array", r"X \in \mathbb{R}^{n \times d}"),
    ("% A nxn matrix (symmetric)", None),  # a property in the parentheses: left unread, never dropped
    ("% dxn matrix", None),
])
def test_the_shape_a_code_comment_gives(text, fact):
    assert docstring_in_words(text) == fact


def _shape(text: str, name: str) -> tuple:
    ctx = Context()
    parse_given(text, ctx)
    return tuple(str(size) for size in ctx.tensors[name].shape)


@pytest.mark.parametrize("text", ["For all A ∈ R ^ (m×n)", r"A \in \mathbb{R}^{(m \times n)}",
                                  r"A \in \mathbb{R}^(m \times n)", r"A \in R^{m*n}"])
def test_a_power_in_parentheses_is_the_matrix_shape(text):
    assert _shape(text, "A") == ("m", "n")


def test_a_comment_declares_the_matrix():
    assert _shape("% xTr dxn matrix (each column is an input vector)", "xTr") == ("d", "n")
