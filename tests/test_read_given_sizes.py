"""Sizes said in words and in code docstrings' notation: ``dy: (N, D)``, ``\\gamma, \\beta: (1, D)``, ``x: Data of shape
(N, D)`` and ```gamma`, `beta` are learnable vectors of shape `(D,)``` (batch-norm docstrings and READMEs, e.g.
https://github.com/hmchen47/DataScience/blob/master/ML/MLNN-Hinton/src/batchnorm_forward.py and
https://github.com/akim42003/alexkode/blob/main/problems/04-deep-learning/11-batch-normalization/README.md ), ``W of
size m x n``, ``the size of all vectors (x, mu) is n x 1 and the size of the matrix (Sigma) is n x n``."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_given
from symgrad.tensors import size


def shapes(fact: str) -> dict[str, tuple]:
    ctx = Context()
    parse_given(fact, ctx)
    return {name: t.shape for name, t in ctx.tensors.items()}


@pytest.mark.parametrize("fact, expected", [
    ("dy: (N, D)", {"dy": ("N", "D")}),
    (r"\gamma, \beta: (1, D)", {"gamma": ("D",), "beta": ("D",)}),  # a 1 x D row, as \mathbb{R}^{1 \times D} reads
    ("x: Data of shape (N, D)", {"x": ("N", "D")}),
    ("`gamma`, `beta` are learnable vectors of shape `(D,)`", {"gamma": ("D",), "beta": ("D",)}),
    ("W of size m x n", {"W": ("m", "n")}),
    ("The shape of X is (N, D)", {"X": ("N", "D")}),
    ((r"the size of all vectors (\mathbf{x},\boldsymbol{\mu}) is n\times 1 and the size of the matrix "
     r"(\boldsymbol{\Sigma}) is n\times n"), {"x": ("n",), "mu": ("n",), "Sigma": ("n", "n")}),
])
def test_sizes_in_words_declare_each_named_array_with_that_shape(fact, expected):
    read = shapes(fact)
    for name, dims in expected.items():
        assert read[name] == tuple(int(d) if d.isdigit() else size(d) for d in dims)


def test_a_caption_before_the_words_is_not_taken_for_the_name():
    with pytest.raises(ParseError):  # "gamma:" is read as a caption; "Scale" is no name of a shape
        shapes("gamma: Scale parameter of shape (D,)")


def test_a_quadratic_form_with_sizes_in_words_has_the_gradient_a_plus_a_transpose_x():
    facts = ["the size of the vector (x) is n x 1 and the size of the matrix (A) is n x n"]
    of = r"\frac{\partial x^T A x}{\partial x}"
    assert verify("(A + A^T)x", of=of, given=facts).verdict in ("proved", "agrees")
    assert verify("2Ax", of=of, given=facts).verdict == "wrong"
