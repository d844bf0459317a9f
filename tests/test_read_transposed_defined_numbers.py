"""A transpose of a value holding a name defined as a number (y = Wx + b with nothing shaped, then x (y - t)^T) has
two readings: numbers, where the transpose changes nothing, or the vectors the page means (read/arrays.transpose).
Read as numbers, the claim dL/dW = x (y - t)^T (the transpose of the right (y - t) x^T) was proved. Declared, the
claim is judged: dL/dW_ij = (y_i - t_i) x_j (by hand), the transposed form noted as the other layout."""

from __future__ import annotations

import symgrad

DEFINE = [r"y = Wx + b", r"L = \frac12 \|y - t\|^2"]
GIVEN = [r"x \in \mathbb{R}^n, W \in \mathbb{R}^{m \times n}, b \in \mathbb{R}^m, t \in \mathbb{R}^m"]


def test_the_transpose_of_a_number_defined_value_is_refused():
    v = symgrad.verify(r"\frac{\partial L}{\partial W} = x (y - t)^T", define=DEFINE)
    assert v.verdict == "unreadable" and "y^T has two readings" in str(v), str(v)


def test_declared_the_gradient_is_judged():
    right = symgrad.verify(r"\frac{\partial L}{\partial W} = (y - t) x^T", define=DEFINE, given=GIVEN)
    wrong = symgrad.verify(r"\frac{\partial L}{\partial W} = (y + t) x^T", define=DEFINE, given=GIVEN)
    assert right.verdict == "proved" and wrong.verdict == "wrong", (str(right), str(wrong))
