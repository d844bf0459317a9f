"""A single letter nothing shapes, transposed while it is still a number (A^T x in 1/2 ||A^T x||^2 - b^T x), has two
readings (read/arrays.transpose): a number, where the transpose changes nothing, or a matrix. Read as a number, A^T A
x - b and the right A A^T x - b were the same A^2 x - b, and the WRONG one was proved. Refused, naming the
declaration; declared, the two are told apart: grad f = A A^T x - b (the Matrix Cookbook, eq. 81 with A A^T
symmetric). A letter that is already a vector where it is transposed (w^T x) is read as before."""

from __future__ import annotations

import pytest

import symgrad

F = [r"f = \frac{1}{2} \|A^T x\|^2 - b^T x"]


def test_a_transposed_unshaped_letter_is_refused():
    v = symgrad.verify(r"\frac{\partial f}{\partial x} = A^TA x - b", define=F)
    assert v.verdict == "unreadable" and "the transpose of a value made of A" in str(v), str(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial f}{\partial x} = AA^T x - b", "right"),
                                                (r"\frac{\partial f}{\partial x} = A^TA x - b", "wrong")])
def test_declared_the_two_products_differ(claim, verdict):
    v = symgrad.verify(claim, define=F, given=[r"A \in \mathbb{R}^{n \times p}, x \in \mathbb{R}^n, b \in \mathbb{R}^n"])
    assert (v.verdict in ("proved", "agrees") if verdict == "right" else v.verdict == verdict), str(v)


def test_a_vector_transposed_is_read_as_before():
    v = symgrad.verify(r"\frac{\partial f}{\partial w} = x", define=[r"f = w^T x"])
    assert v.verdict == "proved", str(v)
