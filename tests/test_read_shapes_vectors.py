"""symgrad.read: vectors whose shapes the context states or their use implies (issue 9). A name defined as a difference
of undeclared letters and then transposed makes them vectors, noted (read as a number, ``z^T M z`` was ``z^2 M``, a
matrix, and a right claim was judged wrong; until session 11 it was refused naming both readings); a row vector added to
a column vector is refused naming both sides and their shapes."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad import verify
from symgrad.errors import ShapeMismatchError
from symgrad.read import Context, parse_expression
from symgrad.read.facts import parse_given

# https://newbetuts.com/1599966-derivative-of-multivariate-normal-distribution-wrt-mean-and-covariance (the answer)
DEFINE = [r"M &= \Sigma^{-1}", r"z &= (\mu-x)", r"f &= z^TMz"]
CLAIM = r"\frac{\partial f}{\partial \mu} &= (\Sigma^{-1}+\Sigma^{-T})\,(\mu-x)"


def test_a_difference_defined_then_transposed_makes_its_letters_vectors_so_the_answer_is_proved_noted():
    v = verify(CLAIM, define=DEFINE)
    assert v.verdict == "proved" and "mu, x read as vectors of size N: z, their sum or difference" in v.message, v


def test_the_same_answer_with_its_vectors_declared_is_proved_against_autograd():
    rng = np.random.default_rng(5)
    s, x, mu = rng.normal(size=(3, 3)) + 3 * np.eye(3), rng.normal(size=3), rng.normal(size=3)
    inv = np.linalg.inv(s)
    assert np.allclose(grad(lambda m: (m - x) @ anp.linalg.solve(s, m - x))(mu), (inv + inv.T) @ (mu - x))
    assert verify(CLAIM, define=DEFINE, given=[r"\mu, x \in \mathbb{R}^n"]).verdict == "proved"


def test_a_row_vector_added_to_a_column_vector_is_wrong_by_shape_naming_both_sides_and_shapes():
    """arqmath 16020's asker: (x + mu)^T Sigma + Sigma(mu - x) adds a row (1, n) to a column (n, 1); every size is
    declared, so the claim is wrong as written (verify/ill_shaped), not unreadable."""
    v = verify(r"(\mathbf{x} + \boldsymbol{\mu})^\top\boldsymbol{\Sigma} + \boldsymbol{\Sigma}(\boldsymbol{\mu} - \mathbf{x})",
               of=r"\frac{d}{d\boldsymbol{\mu}}\left( (\mathbf{x} - \boldsymbol{\mu})^\top\boldsymbol{\Sigma} "
                  r"(\mathbf{x} - \boldsymbol{\mu})\right)",
               given=[r"\mathbf{x}, \boldsymbol{\mu} \in \mathbb{R}^{n}", r"\boldsymbol{\Sigma} \in \mathbb{R}^{n \times n}"])
    assert (v.verdict, v.diagnosis) == ("wrong", "shape") and v.column == 57
    assert r"a row vector (\mathbf{x} + \boldsymbol{\mu})^\top\boldsymbol{\Sigma}, shape (1, n)" in v.message
    assert r"a column vector \boldsymbol{\Sigma}(\boldsymbol{\mu} - \mathbf{x}), shape (n, 1)" in v.message


@pytest.mark.parametrize("claim, given", [
    (r"A^Tx + x^TA", [r"x \in \mathbb{R}^m, A \in \mathbb{R}^{mxm}"]),  # techqa 2643857: a column plus a row
    (r"- X \left( A - XY^{T} \right) ^{T}", [r"A \in \mathbb{R}^{n \times n}", r"X, Y \in \mathbb{R}^{n \times r}"]),
    (r"2X^T - A", [r"X, A \in \mathbb{R}^{m \times n}"]),  # techqa 1991657: X^T is n x m, A m x n
])
def test_a_claim_ill_shaped_in_the_shapes_its_facts_declare_says_the_sizes_were_declared(claim, given):
    """kiwix 3172892: X (n x r) times (A - XY^T)^T (n x n) cannot multiply; a verdict may call such a claim wrong."""
    ctx = Context()
    for fact in given:
        parse_given(fact, ctx)
    with pytest.raises(ShapeMismatchError) as refused:
        parse_expression(claim, ctx)
    assert refused.value.declared


def test_the_same_claim_with_shapes_settled_by_use_is_not_called_declared():
    with pytest.raises(ShapeMismatchError) as refused:
        parse_expression(r"A^Tx + x^TA", Context())
    assert not refused.value.declared
