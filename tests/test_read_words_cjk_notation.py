"""A page's notation for the determinant and the inverse stated in Chinese words (``|A| 为A 的行列式, A^{-1} 为A 的
逆矩阵``: |A| is the determinant of A, A^{-1} its inverse) says A is a square (an invertible) matrix, the reading
symgrad gives |A| and A^{-1} of a matrix; a clause naming two different names stays unread. ``A, B 均为矩阵`` (are
all matrices) declares each a matrix."""

import pytest

from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.verify import verify


@pytest.mark.parametrize(("words", "said"), [
    ("| A | 为A 的行列式, A ^{-1} 为A 的逆矩阵", "A is a square matrix, A is an invertible matrix"),
    (r"\det X 为X的行列式。", "X is a square matrix"),
    ("A , B 均为矩阵", "A, B are matrices"),
    ("| B | 为A 的行列式", "| B | 为A 的行列式"),  # another name: a definition, not the notation
    ("A ^{-1} 为A 的行列式", "A ^{-1} 为A 的行列式"),  # the inverse called the determinant: left unread
])
def test_notation_clauses_in_chinese_are_said_as_kinds(words, said):
    assert kinds_in_cjk(words) == said


def test_the_derivative_of_a_determinant_with_its_notation_in_chinese():
    """blog.csdn mirror 553668 ('矩阵求导'): d|A|/dA = |A| A^{-1} in the numerator layout."""
    given = ["| A | 为A 的行列式, A ^{-1} 为A 的逆矩阵"]
    of = r"\frac{\partial |A|}{\partial A} = "
    assert verify(of + r"| A | A ^{-1}", given=given).verdict == "proved"
    assert verify(of + r"2 | A | A ^{-1}", given=given).verdict == "wrong"
