"""The transpose of a value made of names nothing shapes ((y - Xw)^T(y - Xw), X, w, y undeclared) has two readings:
numbers, where the transpose changes nothing, or arrays. Read as numbers it was silent, and a wrong gradient
-2X(y - Xw) (the transpose of X lost) was proved; it is refused naming both, and reads once shapes are declared."""

import symgrad

L = [r"L = (y-Xw)^T(y-Xw)"]
SHAPES = [r"X \in \mathbb{R}^{n \times d}", r"y \in \mathbb{R}^n"]


def test_a_transpose_of_unshaped_names_is_refused_naming_both_readings():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L)
    assert v.verdict == "unreadable"
    assert "X, w, y, which nothing shapes, has two readings" in v.message and "(in --define)" in v.message


def test_with_shapes_declared_the_right_gradient_agrees_and_the_lost_transpose_is_wrong():
    right = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X^T(y - Xw)", define=L, given=SHAPES)
    wrong = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L, given=SHAPES)
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"


def test_names_declared_numbers_read_the_transpose_as_nothing():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = -2X(y - Xw)", define=L, given=[r"X, y, w \in \mathbb{R}"])
    assert v.verdict == "proved"
