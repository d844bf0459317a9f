"""The usual convention for a transposed sum of names nothing shapes (``read.array_roles``): a capital alone added to a
matrix times a vector is a vector, as the product is (``J(\\theta) = \\frac12 (X\\theta - Y)^T (X\\theta - Y)``, a
gradient-descent page, https://github.com/shunliz/Machine-Learning); a capital alone with no such product keeps no
reading."""

from __future__ import annotations

import sympy as sp

from symgrad import verify
from symgrad.read.array_roles import COLUMNS, ROWS, array_roles


def test_a_capital_added_to_a_matrix_times_a_vector_is_a_vector():
    X, Y, theta = sp.symbols("X Y theta")
    assert array_roles(X * theta - Y, {"X", "Y", "theta"}) == {"X": (ROWS, COLUMNS), "theta": (COLUMNS,), "Y": (ROWS,)}
    assert array_roles(Y - sp.Symbol("Z"), {"Y", "Z"}) is None


def test_the_least_squares_gradient_with_a_capital_target_is_judged():
    define = [r"J(\theta)=\frac{1}{2}(X\theta-Y)^T(X\theta-Y)"]
    assert verify(r"\frac{\partial}{\partial\theta}J(\theta)=X^T(X\theta-Y)", define=define).verdict == "proved"
    assert verify(r"\frac{\partial}{\partial\theta}J(\theta)=X^T(X\theta+Y)", define=define).verdict == "wrong"
