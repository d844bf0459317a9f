"""NumPy's elementwise operations in code. ``X**2`` is the elementwise power (X ⊙ X), never the matrix power a page's
X^{2} of a square matrix is: read as the matrix power, a NumPy loss tr(X**2 @ B) had the derivative of tr(X X B), and a
claim right only for that (wrong for the code) was proved. ``X**-1`` is elementwise too (1 / x_ij, never the inverse),
and so are torch's ``x.pow(2)`` and ``np.multiply(a, b)``."""

from __future__ import annotations

import sympy as sp
from test_read_code import read

from symgrad.verify import verify

SQUARE = [r"X \in \mathbb{R}^{k \times k}", r"B \in \mathbb{R}^{k \times k}"]


def test_a_matrix_squared_in_code_is_its_entries_squared():
    got = read("X**2", r"X \in \mathbb{R}^{3 \times 3}")
    (entry,) = got.atoms(sp.Indexed)
    assert got == entry**2 and not got.atoms(sp.Sum)


def test_a_matrix_to_the_minus_one_in_code_is_its_entries_reciprocals():
    got = read("X**-1", r"X \in \mathbb{R}^{3 \times 3}")
    (entry,) = got.atoms(sp.Indexed)
    assert got == 1 / entry


def test_the_trace_of_a_squared_matrix_in_code_is_judged_as_numpy_computes_it():
    # d tr((X ⊙ X) B) / dX = 2 X ⊙ B^T; (XB + BX)^T is the derivative of tr(X X B), not of this code
    define = ["L = np.trace(X**2 @ B)"]
    assert verify("2*X*B.T", "dL/dX", define, SQUARE).verdict == "proved"
    assert verify("(X@B + B@X).T", "dL/dX", define, SQUARE).verdict == "wrong"


def test_a_torch_pow_of_a_matrix_is_elementwise_too():
    got = read("(X - Y).pow(2)", r"X \in \mathbb{R}^{3 \times 3}", r"Y \in \mathbb{R}^{3 \times 3}")
    x, y = sorted(got.atoms(sp.Indexed), key=str)
    assert sp.expand(got - (x - y) ** 2) == 0 and not got.atoms(sp.Sum)


def test_numpy_multiply_is_the_elementwise_product():
    got = read("np.multiply(X, Y)", r"X \in \mathbb{R}^{3 \times 3}", r"Y \in \mathbb{R}^{3 \times 3}")
    x, y = sorted(got.atoms(sp.Indexed), key=str)
    assert got == x * y and x.indices == y.indices
