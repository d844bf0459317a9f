"""Matrix norms: a Frobenius norm says its operand is a matrix, so the undeclared capitals in ``\\|A - RY\\|_F^2`` are
matrices whose sizes their products unify (A: n x p, R: n x d, Y: d x p); the subscript may follow the power. A bare
norm of a matrix is read as the Frobenius norm (noted); ``\\|M\\|_2`` of a matrix has two readings and is refused."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition

RNG = np.random.default_rng(7)
A, R, Y = RNG.normal(size=(3, 4)), RNG.normal(size=(3, 2)), RNG.normal(size=(2, 4))


def test_the_capitals_of_a_frobenius_norm_are_matrices_whose_products_unify_their_sizes():
    ctx = Context()
    parse_definition(r"F(R) = \|A-RY\|^2_F", ctx)
    a, r, y = (ctx.tensors[n].shape for n in "ARY")
    assert a[0] == r[0] and r[1] == y[0] and y[1] == a[1]
    assert len({a[0], a[1], r[1]}) == 3  # sizes nobody fixes stay different letters
    assert any("R read as a" in n and "Frobenius norm" in n for n in ctx.notes)


@pytest.mark.parametrize("norm", [r"\|A-RY\|^2_F", r"\|A-RY\|_F^2", r"\left\lVert A - RY\right\rVert _{F}^{2}",
                                  r"||A-RY||^{2}_{F}", r"\Vert A-RY\Vert_{\mathrm{F}}^2"])
def test_every_spelling_of_the_squared_frobenius_norm_reads_as_the_sum_of_squared_entries(norm):
    ctx = Context()
    d = parse_definition(f"F = {norm}", ctx)
    values = {"A": A, "R": R, "Y": Y}
    sizes = {ctx.tensors["A"].shape[0]: 3, ctx.tensors["A"].shape[1]: 4, ctx.tensors["R"].shape[1]: 2}
    rhs = d.rhs.xreplace(sizes).doit()
    got = rhs.replace(lambda e: isinstance(e, sp.Indexed),
                      lambda e: sp.Float(values[str(e.base)][tuple(int(i) - 1 for i in e.indices)]))
    assert float(got) == pytest.approx(np.sum((A - R @ Y) ** 2), rel=1e-12)


def test_the_gradient_of_the_frobenius_residual_by_r_agrees_and_without_its_two_is_wrong():
    truth = grad(lambda r: anp.sum((A - r @ Y) ** 2))(R)  # autograd
    assert np.allclose(truth, -2 * (A - R @ Y) @ Y.T, rtol=1e-12)
    define = [r"F(R) = \|A-RY\|^2_F"]
    assert symgrad.verify(r"\nabla_R(F)=-2(A-RY)Y^T", define=define).verdict in ("proved", "agrees")
    assert symgrad.verify(r"\nabla_R(F)=-(A-RY)Y^T", define=define).verdict == "wrong"


def test_a_half_frobenius_norm_of_a_low_rank_residual_gives_minus_the_residual_times_y():
    truth = grad(lambda x: 0.5 * anp.sum((A - x @ Y) ** 2))(R)  # H(X, Y) = 1/2 ||A - X Y^T||_F^2 at X = R, Y = Y.T
    assert np.allclose(truth, -(A - R @ Y) @ Y.T, rtol=1e-12)
    define = [r"H \left( X , Y \right) := \dfrac{1}{2} \left\lVert A - XY^{T} \right\rVert _{F}^{2}"]
    of = r"\nabla_{X} H \left( X , Y \right)"
    assert symgrad.verify(r"- \left( A - XY^{T} \right) Y", of=of, define=define).verdict == "proved"
    assert symgrad.verify(r"- \left( A - XY^{T} \right) Y^{T}", of=of, define=define).verdict != "proved"


SQUARE = [r"X \in \mathbb{R}^{n \times n}", r"A \in \mathbb{R}^{n \times n}"]


def test_a_bare_norm_of_declared_matrices_is_the_frobenius_norm_and_says_so():
    X, A2 = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3))
    assert np.allclose(grad(lambda x: anp.sum((x - A2) ** 2))(X), 2 * (X - A2), rtol=1e-12)  # autograd
    of = r"\frac{\partial \Vert X - A \Vert^2}{\partial X}"
    right = symgrad.verify(f"{of} = 2(X - A)", given=SQUARE)
    assert right.verdict == "proved" and "read as the Frobenius norm" in right.message
    assert symgrad.verify(f"{of} = 2X^T - A - A^T", given=SQUARE).verdict == "wrong"


def test_the_two_norm_of_a_matrix_is_refused_naming_the_spectral_and_frobenius_readings():
    v = symgrad.verify(r"\frac{\partial \Vert X - A \Vert_2^2}{\partial X} = 2(X - A)", given=SQUARE)
    assert v.verdict == "unreadable" and "spectral" in v.message and "Frobenius" in v.message


@pytest.mark.parametrize("norm", [r"\|x\|^2_2", r"||x||^2", r"\left\lVert x \right\rVert_2^2"])
def test_a_letter_alone_in_a_norm_is_a_vector_and_its_squared_norm_has_gradient_two_x(norm):
    x = RNG.normal(size=4)
    assert np.allclose(grad(lambda v: anp.sum(v ** 2))(x), 2 * x, rtol=1e-12)  # autograd
    define = [f"f(x)={norm}"]
    right = symgrad.verify(r"\frac{\partial}{\partial x_j}f(x) = 2x_j", define=define)
    assert right.verdict == "proved" and "a norm \\|...\\| is of a vector" in right.message
    assert symgrad.verify(r"\frac{\partial}{\partial x_j}f(x) = x_j", define=define).verdict == "wrong"


def test_single_bars_around_a_letter_stay_its_absolute_value():
    w = sp.Symbol("w")
    assert parse_definition(r"L = |w|^2", Context()).rhs == sp.Abs(w) ** 2
