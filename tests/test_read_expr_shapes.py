"""Shapes from use: an undeclared name that a declared matrix multiplies (``X w``) is the vector the product needs,
of the matrix's column size (noted); read as a scalar, ``y - X w`` could not add. A name used as a scalar earlier in
the same formula stays one, and the mixture is refused."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given

GIVEN = [r"X \in \mathbb{R}^{m \times n}", r"y \in \mathbb{R}^{m}"]


def _context() -> Context:
    ctx = Context()
    for fact in GIVEN:
        parse_given(fact, ctx)
    return ctx


def test_an_undeclared_name_after_a_matrix_is_a_vector_of_its_column_size():
    ctx = _context()
    d = parse_definition(r"L = (y - X w)^T (y - X w)", ctx)
    w = ctx.tensors["w"]
    assert isinstance(w, sp.IndexedBase) and [str(e) for e in w.shape] == ["n"]
    assert any(str(b.label) == "w" for b in d.rhs.atoms(sp.IndexedBase))


def test_the_least_squares_gradient_with_w_sized_by_its_use_agrees_and_half_of_it_is_wrong():
    rng = np.random.default_rng(0)
    X, y, w = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=3)
    assert np.allclose(grad(lambda w: anp.sum((y - X @ w) ** 2))(w), 2 * X.T @ (X @ w - y), rtol=1e-12)  # autograd
    define = [r"L = (y - X w)^T (y - X w)"]
    right = symgrad.verify(r"\nabla_w L = 2 X^T (X w - y)", define=define, given=GIVEN)
    assert right.verdict in ("proved", "agrees") and "w read as a vector of size n" in right.message
    assert symgrad.verify(r"\nabla_w L = X^T (X w - y)", define=define, given=GIVEN).verdict == "wrong"


def test_a_functions_parameter_after_a_matrix_is_a_vector_too():
    v = symgrad.verify(r"\nabla f(w) = 2 X^T (X w - y)", define=[r"f(w) = (y - X w)^T(y - X w)"], given=GIVEN)
    assert v.verdict in ("proved", "agrees")


def test_a_name_used_as_a_scalar_before_the_matrix_product_is_refused_not_split_in_two():
    with pytest.raises(symgrad.ParseError, match="cannot add shapes"):
        parse_definition(r"L = w^2 + (y - X w)^T (y - X w)", _context())


L2_LOGISTIC = [r"f(w) = \frac{1}{2}\|w\|^2 + C \sum_{i=1}^n\log(1 + \exp(-y_iw^Tx_i))"]


def test_an_undeclared_letter_written_transposed_is_a_vector_and_the_rows_it_meets_a_matrix():
    ctx = Context()
    parse_definition(L2_LOGISTIC[0], ctx)
    m, n = (sp.Symbol(s, integer=True, positive=True) for s in "mn")
    assert ctx.tensors["w"].shape == (m,) and ctx.tensors["x"].shape == (n, m)
    assert "w read as a vector of size m: nothing declares its shape" in ctx.notes


def test_the_regularised_logistic_partial_by_w_j_is_proved_and_a_dropped_label_is_wrong():
    rng = np.random.default_rng(4)
    X, y, w, C = rng.normal(size=(4, 3)), rng.choice([-1.0, 1.0], size=4), rng.normal(size=3), 0.8
    truth = grad(lambda w: 0.5 * w @ w + C * anp.sum(anp.log1p(anp.exp(-y * (X @ w)))))(w)
    s = np.exp(-y * (X @ w))
    assert np.allclose(truth, w + C * (-(X * y[:, None]) * (s / (1 + s))[:, None]).sum(axis=0), rtol=1e-12)
    right = (r"\frac{\partial f(w)}{\partial w_j} = w_j + C \sum_{i=1}^n -x_{ij}y_i "
             r"\frac{\exp(-y_iw^Tx_i)}{1 + \exp(-y_iw^Tx_i)}")
    assert symgrad.verify(right, define=L2_LOGISTIC).verdict == "proved"
    assert symgrad.verify(right.replace("-x_{ij}y_i", "-x_{ij}"), define=L2_LOGISTIC).verdict == "wrong"


@pytest.mark.parametrize("quadratic", [r"x^TAx", r"x^{T}Ax", r"x^\top A x"])
def test_a_capital_between_a_transposed_vector_and_a_vector_is_a_square_matrix(quadratic):
    # held out 2: d(x^T A x)/dx = 2Ax with no context was PROVED reading A as a number; as a matrix it holds only
    # for a symmetric A (autograd: the gradient of x^T A x is (A + A^T) x, 2Ax differs for A = [[0, 1], [0, 0]])
    A, x = np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([1.0, 2.0])
    truth = grad(lambda v: v @ A @ v)(x)
    assert np.allclose(truth, (A + A.T) @ x) and not np.allclose(truth, 2 * A @ x)
    of = rf"\frac{{d({quadratic})}}{{dx}}"
    slip = symgrad.verify(f"{of} = 2Ax")
    assert (slip.verdict, slip.diagnosis) == ("wrong", "case")
    assert symgrad.verify(f"{of} = (A + A^T)x").verdict == "proved"
    assert "A read as an n x n matrix" in symgrad.verify(f"{of} = (A + A^T)x").message


def test_a_greek_parameter_written_transposed_is_a_vector():
    # l_i(beta) = -log sigma(y_i z_i), z_i = beta^T x_i: beta was a number, so beta x_i had a free index
    rng = np.random.default_rng(7)
    X, y, beta = rng.normal(size=(3, 4)), np.array([1.0, -1.0, 1.0]), rng.normal(size=4)
    truth = grad(lambda b: -anp.log(1 / (1 + anp.exp(-y[0] * (b @ X[0])))))(beta)
    assert np.allclose(truth, (1 / (1 + np.exp(-y[0] * (beta @ X[0]))) - 1) * y[0] * X[0])
    context = {"define": [r"\sigma (x) = \frac{1}{1 +e^{-x}}", r"l_i(\beta) = - \log \sigma(y_iz_i)", r"z_i = \beta^{T}x_i"],
               "given": [r"y_i \in \{-1, 1\}", r"x_i \in \mathbb{R}^p"]}
    of = r"\frac {\partial l_i(\beta)}{\partial \beta} = "
    assert symgrad.verify(of + r"( \sigma(y_i\beta^{T}x_i) -1 ) y_ix_i", **context).verdict == "proved"
    assert symgrad.verify(of + r"( \sigma(y_i\beta^{T}x_i) -1 ) x_i", **context).verdict == "wrong"


def test_two_undeclared_capitals_in_a_product_with_a_transpose_are_matrices_of_sizes_their_product_unifies():
    from autograd import jacobian

    Q, K = np.random.default_rng(5).normal(size=(2, 3, 4))
    truth = jacobian(lambda q: q @ K.T)(Q)  # autograd: dS_ij/dQ_ab = delta_ia K_jb, shape (3, 3, 3, 4)
    assert np.allclose(truth, np.einsum("ia,jb->ijab", np.eye(3), K), rtol=1e-12)
    ctx = Context()
    parse_definition(r"S = QK^T", ctx)
    assert ctx.tensors["Q"].shape[1] == ctx.tensors["K"].shape[1] and ctx.tensors["Q"].shape[0] != \
        ctx.tensors["K"].shape[0]
    right = symgrad.verify(r"\frac{\partial S_{ij}}{\partial Q_{ab}} = \delta_{ia} K_{jb}", define=["S = QK^T"])
    assert right.verdict == "proved" and "a product of capitals with a transpose" in right.message
    assert symgrad.verify(r"\frac{\partial S_{ij}}{\partial Q_{ab}} = K_{jb}", define=["S = QK^T"]).verdict == "wrong"


GAUSS_OF = r"\frac{\partial}{\partial \mu} (x-\mu)^T \Sigma^{-1} (x-\mu)"


def test_the_letters_of_a_transposed_difference_are_vectors_and_the_quadratic_forms_gradient_needs_both_inverses():
    # read as numbers, (x - mu)^T Sigma^{-1} (x - mu) was a matrix and -2 Sigma^{-1} (x - mu) was proved
    rng = np.random.default_rng(8)
    S, x, mu = rng.normal(size=(3, 3)) + 3 * np.eye(3), rng.normal(size=3), rng.normal(size=3)
    Si = np.linalg.inv(S)
    truth = grad(lambda m: (x - m) @ Si @ (x - m))(mu)  # autograd
    assert np.allclose(truth, -(Si + Si.T) @ (x - mu), rtol=1e-10)
    given = [r"\Sigma \in \mathbb{R}^{n \times n}"]
    right = symgrad.verify(r"-(\Sigma^{-1} + \Sigma^{-T}) (x-\mu)", of=GAUSS_OF, given=given)
    assert right.verdict == "proved" and "x read as a vector of size n: it stands in a transposed difference" in \
        right.message
    assert symgrad.verify(r"-2\Sigma^{-1} (x-\mu)", of=GAUSS_OF, given=given).verdict == "wrong"
