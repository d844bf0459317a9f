"""An undeclared name after a row vector (``x_i^T w``, ``a_i^T x``): the column the row needs, as ``X w`` needs one -
read as a number, ``\\sum_i (y_i - x_i^T w)^2`` would be one loss per entry of the row; a capital there (``x^T A x``) is
a matrix."""

from __future__ import annotations

from symgrad.verify import verify

LEAST_SQUARES = [r"L = \sum_i (y_i - x_i^T w)^2"]


def test_the_name_after_a_row_vector_is_the_column_it_needs():
    v = verify(r"\frac{\partial L}{\partial w} = -2\sum_i (y_i - x_i^T w) x_i", define=LEAST_SQUARES)
    assert v.verdict == "proved", v.message
    assert "w read as a vector of the row's length" in v.message
    assert verify(r"\frac{\partial L}{\partial w} = 2\sum_i (y_i - x_i^T w) x_i", define=LEAST_SQUARES).verdict == "wrong"


def test_the_same_with_the_vector_named_x():
    define = [r"f = \sum_i (b_i - a_i^T x)^2"]
    v = verify(r"\frac{\partial f}{\partial x_k} = -2\sum_i (b_i - a_i^T x) a_{ik}", define=define)
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{\partial f}{\partial x_k} = -2\sum_i (b_i - a_i^T x) a_{ki}", define=define).verdict == "wrong"


def test_a_capital_after_a_row_vector_is_a_matrix():
    # read as a number, x^T A x would make 2 x^T A right for every A
    define = [r"f(\vec{x}) = \vec{x}^TA\vec{x}"]
    v = verify(r"\frac{df}{d\vec{x}} = \vec{x}^T(A+A^T)", define=define)
    assert v.verdict == "proved", v.message
    assert "A read as a matrix" in v.message
    assert verify(r"\frac{df}{d\vec{x}} = 2\vec{x}^TA", define=define).verdict == "wrong"


def test_a_function_parameter_after_a_row_vector_is_left_as_read():
    # h(x) = g(theta^T x): x is h's own parameter, not a vector the row makes it
    v = verify(r"\frac{dh}{dx} = 1", define=[r"h_{\theta}(x)=g\left(\theta^{T} x\right)", r"g(z)=\frac{1}{1+e^{-z}}"])
    assert "x read as a vector" not in v.message, v.message
