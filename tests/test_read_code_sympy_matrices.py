"""SymPy's matrices in a sympy issue's code: ``X = MatrixSymbol('X', n, n)`` among the definitions is the fact
X \\in \\mathbb{R}^{n \\times n}, and with one declared the code's ``*`` is SymPy's product (between matrices the matrix
product, NumPy's would be elementwise) and ``X**2`` the matrix power; ``expr.diff(X)`` is diff(expr, X); code in
markdown's backticks (`A.T`) is code."""

from __future__ import annotations

import pytest

from symgrad.read.code import code_pieces
from symgrad.read.sympy_matrices import in_sympy
from symgrad.verify import verify

DECLARED = ["X = MatrixSymbol('X', k, k)", 'B = MatrixSymbol("B", k, k)']
SMALL = ["X = MatrixSymbol('X', 2, 2)", 'B = MatrixSymbol("B", 2, 2)']


def test_a_matrix_symbol_is_a_fact_and_its_products_are_matrix_products():
    claim, of, define, notes = in_sympy("(X*B + B*X).T", "expr.diff(X)", [*DECLARED, "expr = Trace(X**2*B)"])
    assert define == [r"X \in \mathbb{R}^{k \times k}", r"B \in \mathbb{R}^{k \times k}", "expr = Trace(X@X@B)"]
    assert (claim, of) == ("(X@B + B@X).T", "expr.diff(X)")
    assert any("SymPy's product" in note for note in notes)


@pytest.mark.parametrize("define", [["L = np.trace(X**2 @ B)"], ["X = MatrixSymbol('Y', k, k)"]])
def test_without_a_declaration_of_its_own_name_the_inputs_stay_as_written(define):
    assert in_sympy("X*B", "dL/dX", define) == ("X*B", "dL/dX", define, [])


def test_a_product_in_plain_text_stays_as_written():
    assert in_sympy(r"X B^T", None, DECLARED)[0] == r"X B^T"


@pytest.mark.parametrize("code, latex", [("expr.diff(X)", r"\frac{d}{d X}(\mathrm{expr})"),
                                         ("sp.diff(f, x)", r"\frac{d}{d x}(f)"), ("`A.T @ B`", r"(A^T)\cdotB")])
def test_a_method_diff_and_code_in_backticks_read_as_code(code, latex):
    assert "".join(text for text, _ in code_pieces(code)) == latex


def test_the_derivative_of_a_trace_of_matrix_symbols_is_judged_as_sympy_means_it():
    # d tr(X X B) / dX = (X B + B X)^T; read elementwise, X**2*B would give 2 X ⊙ B^T
    define = [*SMALL, "expr = Trace(X**2*B)"]
    right = verify("`(X*B + B*X).T`", "expr.diff(X)", define)
    assert right.verdict == "proved" and "SymPy's product" in right.message
    assert verify("2*X*B.T", "expr.diff(X)", define).verdict == "wrong"


@pytest.mark.parametrize("code, sympy", [("(X + B)**2*X**-1", "(X + B)@(X + B)@inv(X)"),
                                         ("Trace(X)**2", "Trace(X)@Trace(X)"), ("X**10", "X**10")])
def test_sympy_powers_of_matrices_are_matrix_powers_and_inverses(code, sympy):
    assert in_sympy(code, None, DECLARED)[0] == sympy
