"""A letter transposed while nothing shapes it, and still a number when the reading ends (A of 1/2 ||A^T x||^2 - b^T
x), has two readings (read/arrays.transposed_numbers): a number, where the transpose changes nothing, or an array.
Read as a number, the WRONG A^T A x - b and the right A A^T x - b were the same A^2 x - b, and the wrong one was
proved. The refusal's second try reads the letter by the usual convention (a capital a matrix, noted), so the two
are told apart: grad f = A A^T x - b (the Matrix Cookbook, eq. 81 with A A^T symmetric). A letter its use makes an
array before the end (A^T x + x^T A: a column plus a row) and a letter already a vector (w^T x) read as before.
A capital nothing shapes written before a vector (W of ||Wx + b - y||^2) is the same: read as a number it scaled the
vector, and the WRONG W delta for dL/dx was proved; it is a matrix by the convention now, and W delta is wrong."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.errors import ParseError, ShapeMismatchError
from symgrad.parse import Context, parse_definition, parse_expression

F = [r"f = \frac{1}{2} \|A^T x\|^2 - b^T x"]


def test_the_letter_still_a_number_at_the_end_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match=r"A\^T of A: A, which nothing shapes, has two readings: numbers .* or arrays"):
        parse_definition(F[0], Context())


@pytest.mark.parametrize(("claim", "right"), [(r"\frac{\partial f}{\partial x} = AA^T x - b", True),
                                              (r"\frac{\partial f}{\partial x} = A^TA x - b", False)])
def test_read_as_a_matrix_by_the_convention_the_two_products_differ(claim, right):
    v = symgrad.verify(claim, define=F)
    assert (v.verdict in ("proved", "agrees")) == right and v.verdict != "unreadable", str(v)
    assert "A a n x d matrix" in v.message


@pytest.mark.parametrize(("claim", "right"), [(r"\frac{\partial f}{\partial x} = AA^T x - b", True),
                                              (r"\frac{\partial f}{\partial x} = A^TA x - b", False)])
def test_declared_the_two_products_differ(claim, right):
    v = symgrad.verify(claim, define=F, given=[r"A \in \mathbb{R}^{n \times p}, x \in \mathbb{R}^n, b \in \mathbb{R}^n"])
    assert (v.verdict in ("proved", "agrees")) == right and v.verdict != "unreadable", str(v)


def test_a_letter_its_use_settles_is_read_as_before():
    with pytest.raises(ShapeMismatchError):
        parse_expression(r"A^Tx + x^TA", Context())
    v = symgrad.verify(r"\frac{\partial f}{\partial w} = x", define=[r"f = w^T x"])
    assert v.verdict == "proved", str(v)


@pytest.mark.parametrize(("claim", "right"), [(r"\frac{\partial L}{\partial x} = W^T \delta", True),
                                              (r"\frac{\partial L}{\partial x} = W \delta", False)])
def test_a_capital_before_a_vector_is_a_matrix_by_the_convention(claim, right):
    v = symgrad.verify(claim, define=[r"L = \frac{1}{2}\|Wx + b - y\|^2", r"\delta = Wx + b - y"])
    assert (v.verdict in ("proved", "agrees")) == right and v.verdict != "unreadable", str(v)
    assert "W a n x d matrix" in v.message


def test_every_letter_left_a_number_is_named_in_one_refusal():
    with pytest.raises(ParseError, match=r"W times an array: V, W, which nothing shapes, have two readings"):
        parse_definition(r"L = \|Wx - Vy\|^2", Context())


@pytest.mark.parametrize(("claim", "right"), [(r"\frac{\partial g}{\partial W_{kl}} = \sum_j H_{lj}", True),
                                              (r"\frac{\partial g}{\partial W_{kl}} = 1", False)])
def test_a_product_of_a_capital_and_a_matrix_is_never_their_sum(claim, right):
    """g = sum_ij (WH)_ij with H declared: WH was read as W + H (W 'added to a matrix'), and the WRONG 1 was proved.
    W unshaped is refused now, naming both readings; declared, the product is judged (found by helper M)."""
    given = [r"H \in \mathbb{R}^{n\times n}"]
    define = [r"g = \sum_{i,j} (WH)_{ij}"]
    assert symgrad.verify(claim, define=define, given=given).verdict in ("unreadable", "proved" if right else "wrong")
    v = symgrad.verify(claim, define=define, given=[*given, r"W \in \mathbb{R}^{n\times n}"])
    assert v.verdict == ("proved" if right else "wrong"), str(v)
