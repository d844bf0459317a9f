"""symgrad.read matrix calculus as pages write it (issue 9, item 4): trace, determinant, inverse into symgrad.linalg."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad import linalg, verify
from symgrad.check.evaluate import evaluate
from symgrad.errors import ParseError
from symgrad.read import Context, parse_claim, parse_expression, parse_given

SQUARE = [r"X \in \mathbb{R}^{n \times n}", r"A \in \mathbb{R}^{n \times n}"]


def read(latex: str, given: list[str] = SQUARE) -> tuple[sp.Expr, Context]:
    ctx = Context()
    for g in given:
        parse_given(g, ctx)
    return parse_expression(latex, ctx), ctx


def numeric(e: sp.Expr, ctx: Context, values: dict[str, np.ndarray]) -> float:
    """``e`` at n = 3 with the matrices' entries from ``values`` (1-based indices in the expression)."""
    n = ctx.sizes["n"]
    plain = {i: sp.Symbol(str(i), integer=True) for i in e.atoms(sp.Idx)}  # Idx keeps n in its range: summed plainly
    e = e.xreplace(plain).subs(n, 3).doit()
    return float(e.replace(lambda x: isinstance(x, sp.Indexed), lambda x: sp.Float(
        values[str(x.base.label)][int(x.indices[0]) - 1, int(x.indices[1]) - 1])))


@pytest.mark.parametrize("latex", [r"\mathrm{tr}(XA)", r"\operatorname{Tr}(X A)", r"\Tr XA", r"{\rm Tr}(XA)",
                                   r"\text{tr}\qty(XA)", r"tr XA"])
def test_the_trace_of_a_product_is_the_sum_of_its_diagonal(latex):
    rng = np.random.default_rng(1)
    X, A = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    e, ctx = read(latex)
    assert np.isclose(numeric(e, ctx, {"X": X, "A": A}), np.trace(X @ A), rtol=1e-12)


def test_the_trace_of_a_non_square_product_is_refused():
    with pytest.raises(ParseError, match=r"\\mathrm\{tr\} of a matrix: size"):
        read(r"\mathrm{tr}(X B)", [r"X \in \mathbb{R}^{n \times m}", r"B \in \mathbb{R}^{m \times p}"])


def test_trace_identities_of_the_matrix_cookbook_are_proved_without_declared_shapes():
    v = verify(r"\frac{\partial}{\partial X} \mathrm{tr}(XAX^\top) = X(A + A^\top)")
    assert v.verdict == "proved" and "X, A read as n x n matrices" in v.message
    assert verify(r"\frac{\partial}{\partial X} \mathrm{tr}(XAX^\top) = 2XA").verdict == "wrong"
    assert verify(r"\frac{\partial}{\partial X} \mathrm{tr}(XA) = 2A^T").verdict == "wrong"


def test_an_undeclared_I_beside_square_matrices_is_the_identity():
    v = verify(r"\frac{\partial}{\partial X} \mathrm{tr}(X) = I")
    assert v.verdict == "proved" and "I read as the n x n identity matrix" in v.message
    assert verify(r"\frac{\partial}{\partial X} \mathrm{tr}(X) = 2I").verdict == "wrong"


@pytest.mark.parametrize("latex", [r"\det X", r"\det(X)", r"\mathrm{det}\, X", r"\operatorname{det} X", r"|X|"])
def test_the_determinant_of_a_declared_square_matrix_is_linalg_det(latex):
    e, ctx = read(latex)
    assert e == linalg.det(ctx.tensors["X"])


def test_the_log_determinant_is_the_log_of_linalg_det():
    e, ctx = read(r"\log\det X")
    assert e == sp.log(linalg.det(ctx.tensors["X"]))


def test_the_determinant_of_anything_but_a_square_matrix_is_refused_naming_what_it_reads():
    with pytest.raises(ParseError, match=r"\\det is read of one declared square matrix .* at column 1"):
        read(r"\det(x)")


def test_the_determinant_of_a_product_of_square_matrices_is_the_determinant_of_its_entries():
    """``\\det(XA)``: the determinant of the expression (symgrad.linalg_expressions), det X det A at a point."""
    e, ctx = read(r"\det(XA)")
    assert not isinstance(e, linalg.Det)
    rng = np.random.default_rng(2)
    X, A = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    value = evaluate(e.subs(ctx.sizes["n"], 3), {}, {"X": X, "A": A})
    assert np.isclose(value, np.linalg.det(X) * np.linalg.det(A), rtol=1e-9)


@pytest.mark.parametrize("latex, transposed", [(r"X^{-1}", False), (r"X^{-T}", True), (r"X^{-\top}", True)])
def test_the_inverse_is_linalg_inverse_on_the_axes_of_the_matrix(latex, transposed):
    ctx = Context()
    for g in SQUARE:
        parse_given(g, ctx)
    (m,) = parse_claim(latex, ctx)
    (row, col) = m.axes
    first, second = (col, row) if transposed else (row, col)
    assert m.value == linalg.inverse(ctx.tensors["X"])[first, second]


def test_an_integer_power_of_a_square_matrix_is_the_repeated_product_and_a_symbolic_one_is_refused():
    rng = np.random.default_rng(2)
    X, A = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    e, ctx = read(r"\mathrm{tr}(X^{2} A)")
    assert np.isclose(numeric(e, ctx, {"X": X, "A": A}), np.trace(X @ X @ A), rtol=1e-12)
    with pytest.raises(ParseError, match="a matrix to the power n is not read"):
        read(r"X^{n}")


@pytest.mark.parametrize("nabla", [r"\nabla", r"\nabla_x"])
def test_a_quadratic_form_gradient_reads_x_as_a_vector_and_a_as_a_matrix(nabla):
    # grad of x^T A x is (A + A^T) x for every square A; 2Ax only for a symmetric one
    v = verify(nabla + r" x^TAx = (A + A^T)x")
    assert v.verdict == "proved" and "x read as an n-vector" in v.message and "A read as n x n matrix" in v.message
    assert verify(nabla + r" x^TAx = 2Ax").verdict == "wrong"


def test_a_nabla_with_no_variable_and_no_vector_written_transposed_is_still_refused():
    with pytest.raises(ParseError, match=r"\\nabla needs a variable"):
        parse_claim(r"\nabla u v = v", Context())


TRACE_OF_INVERSE = {"of": r"\frac{\partial g}{\partial X}", "define": [r"g(X)=\operatorname{tr}\left(X^{-1}\right)"],
                    "given": [r"Let $X$ be a square invertible $n \times n$ matrix."]}


@pytest.mark.parametrize("claim", [r"-X^{-2T}", r"-(X^{-2})^T", r"-X^{-T}X^{-T}"])
def test_a_power_of_the_inverse_is_read_and_the_gradient_of_the_trace_of_the_inverse_is_proved(claim):
    # autograd: d tr(X^{-1})/dX = -(X^{-2})^T; X^{-2T} was read as a power with an undefined T
    X = np.array([[2.0, 0.5, 0.1], [0.3, 1.5, 0.2], [0.1, 0.4, 1.8]])
    inv = np.linalg.inv(X)
    assert np.allclose(grad(lambda A: anp.trace(anp.linalg.inv(A)))(X), -(inv @ inv).T)
    assert verify(claim, **TRACE_OF_INVERSE).verdict == "proved"


def test_a_sign_slip_in_the_inverse_power_is_wrong_sign():
    v = verify(r"X^{-2T}", **TRACE_OF_INVERSE)
    assert (v.verdict, v.diagnosis) == ("wrong", "sign")
