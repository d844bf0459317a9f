"""The transpose of a value made of names nothing shapes ((y - Xw)^T(y - Xw), X, w, y undeclared) has two readings:
numbers, where the transpose changes nothing, or arrays. Read as numbers it was silent, and a wrong gradient
-2X(y - Xw) (the transpose of X lost) was proved. The reader refuses it naming both; verify then reads the names as
the arrays the usual convention makes them (X a matrix, w and y vectors), noted - never less safe than numbers, as a
claim right for arrays of every size is right for 1 x 1 ones - and refuses where no convention applies."""

import symgrad

L = [r"L = (y-Xw)^T(y-Xw)"]
SHAPES = [r"X \in \mathbb{R}^{n \times d}", r"y \in \mathbb{R}^n"]
CONVENTION = "read as arrays, the usual convention"


def test_undeclared_names_of_a_transposed_sum_are_the_conventional_arrays_noted():
    right = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X^T(y - Xw)", define=L)
    wrong = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L)
    assert right.verdict in ("proved", "agrees") and CONVENTION in right.message
    assert "X a n x d matrix" in right.message or "X a" in right.message
    assert wrong.verdict == "wrong" and CONVENTION in wrong.message


def test_a_transposed_sum_with_no_conventional_reading_is_refused_naming_both():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = -2Xz(y - Xwz)", define=[r"L = (y - X w z)^T (y - X w z)"])
    assert v.verdict == "unreadable"
    assert "X, w, y, z, which nothing shapes, has two readings" in v.message and "(in --define)" in v.message


def test_with_shapes_declared_the_right_gradient_agrees_and_the_lost_transpose_is_wrong():
    right = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X^T(y - Xw)", define=L, given=SHAPES)
    wrong = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L, given=SHAPES)
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
    assert CONVENTION not in right.message


def test_names_declared_numbers_read_the_transpose_as_nothing():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L, given=[r"X, y, w \in \mathbb{R}"])
    assert v.verdict == "proved"
