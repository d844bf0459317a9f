"""A shape written with an arrow, as a question lists its arrays (``$U -> n*k$``,
https://datascience.stackexchange.com/questions/12396 ): the name is a matrix of that shape."""

from __future__ import annotations

from symgrad import verify
from symgrad.read.prose import from_prose


def test_a_name_and_an_arrow_to_two_sizes_is_a_shape():
    assert from_prose("$U -> n*k$")[0] == r"U \in \mathbb{R}^{n \times k}"
    assert from_prose(r"U, V \to n \times k")[0] == r"U, V \in \mathbb{R}^{n \times k}"
    assert from_prose("x -> y")[0] == "x -> y"


def test_the_gradient_of_a_frobenius_norm_by_a_matrix_shaped_with_an_arrow():
    given = ["$U -> n*k$", "$V -> m*k$", "$R -> n*m$"]
    define = [r"J = \| R - U V^T \|_F^2"]
    assert verify(r"\frac{\partial J}{\partial U} = -2 (R - U V^T) V", define=define, given=given).verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial J}{\partial U} = 2 (R - U V^T) V", define=define, given=given).verdict == "wrong"
