"""A bold letter (``\\mathbf{v}``, ``\\boldsymbol{x}``) with no declared shape is a vector by convention: read as one
(its size settled by its use), its bars ``|\\mathbf{v}|`` its length; a bold capital is a matrix of two sizes
its products settle (m x n, square only where a product needs it). Read as a scalar, ``v w / (|v| |w|)`` was
``sign(v) sign(w)`` and a derivative 0 was 'proved'."""

import itertools

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition

COSINE = r"c(\mathbf{v},\mathbf{w}) = \frac{\mathbf{v} \cdot \mathbf{w}}{|\mathbf{v}| |\mathbf{w}|}"


def test_a_bold_vector_dot_over_its_lengths_is_the_cosine_similarity():
    d = parse_definition(COSINE, Context())
    v, w = np.array([0.3, -1.2, 2.0]), np.array([1.1, 0.4, -0.7])
    arrays = {"v": v, "w": w}
    expanded = d.rhs.replace(lambda e: isinstance(e, sp.Sum),
                             lambda e: sum(e.function.xreplace({e.variables[0]: k}) for k in (1, 2, 3)))
    got = float(expanded.replace(lambda e: isinstance(e, sp.Indexed),
                                 lambda e: sp.Float(arrays[str(e.base)][int(e.indices[0]) - 1])))
    assert got == pytest.approx(v @ w / (np.linalg.norm(v) * np.linalg.norm(w)), rel=1e-12)


def _cosine_gradient(v: np.ndarray, w: np.ndarray) -> np.ndarray:
    return grad(lambda v: anp.dot(v, w) / (anp.sqrt(anp.dot(v, v)) * anp.sqrt(anp.dot(w, w))))(v)


def test_the_cosine_gradient_claim_is_proved_and_its_sign_slip_is_wrong():
    right = r"\frac{\partial c}{\partial \mathbf{v}} = \frac{\mathbf{w}}{|\mathbf{v}||\mathbf{w}|} - c\frac{\mathbf{v}}{|\mathbf{v}|^2}"
    v, w = np.array([0.3, -1.2, 2.0]), np.array([1.1, 0.4, -0.7])  # the claim's form agrees with autograd here
    c = v @ w / (np.linalg.norm(v) * np.linalg.norm(w))
    assert np.allclose(w / (np.linalg.norm(v) * np.linalg.norm(w)) - c * v / (v @ v), _cosine_gradient(v, w),
                       rtol=1e-12)
    assert symgrad.verify(right, define=[COSINE]).verdict == "proved"
    assert symgrad.verify(right.replace("} - c", "} + c"), define=[COSINE]).verdict == "wrong"


def test_a_zero_gradient_of_the_cosine_is_wrong_not_proved_through_a_scalar_reading():
    v, w = np.array([0.3, -1.2, 2.0]), np.array([1.1, 0.4, -0.7])
    assert np.abs(_cosine_gradient(v, w)).max() > 0.1  # autograd: the true gradient is not 0
    verdict = symgrad.verify(r"\frac{\partial c}{\partial \mathbf{v}} = 0", define=[COSINE])
    assert verdict.verdict == "wrong"
    assert r"\mathbf{v} read as a vector" in verdict.message


def test_a_bold_capital_with_no_shape_is_a_matrix_of_two_sizes_its_products_settle():
    ctx = Context()
    d = parse_definition(r"\mathbf{r} = \mathbf{A} \mathbf{x} - \mathbf{b}", ctx)
    m, n = (sp.Symbol(s, integer=True, positive=True) for s in "mn")
    A, x, b = (ctx.tensors[name] for name in "Axb")
    assert (A.shape, x.shape, b.shape) == ((m, n), (n,), (m,))
    (i,) = d.lhs.indices
    k = next(iter(d.rhs.atoms(sp.Sum))).variables[0]
    assert d.rhs.dummy_eq(sp.Sum(A[i, k] * x[k], (k, 1, n)) - b[i])
    assert "A read as an m x n matrix: nothing declares its shape" in ctx.notes


LEAST_SQUARES = [r"f(\mathbf{x}) = \dfrac{1}{2}\|\mathbf{A} \mathbf{x} - \mathbf{b}\|_2^2"]


def test_the_least_squares_gradient_of_an_undeclared_bold_matrix_agrees_and_a_square_only_claim_is_not_read():
    rng = np.random.default_rng(2)
    A, x, b = rng.normal(size=(5, 3)), rng.normal(size=3), rng.normal(size=5)
    truth = grad(lambda x: 0.5 * anp.sum((A @ x - b) ** 2))(x)
    assert np.allclose(truth, A.T @ (A @ x - b), rtol=1e-12)  # autograd
    right = symgrad.verify(r"\nabla_{\mathbf{x}} f(\mathbf{x}) = \mathbf{A}^T (\mathbf{A}\mathbf{x} - \mathbf{b})",
                           define=LEAST_SQUARES)
    assert right.verdict in ("proved", "agrees") and "A read as an m x n matrix" in right.message
    doubled = r"\nabla_{\mathbf{x}} f(\mathbf{x}) = 2\mathbf{A}^T (\mathbf{A}\mathbf{x} - \mathbf{b})"
    assert symgrad.verify(doubled, define=LEAST_SQUARES).verdict == "wrong"
    square_only = r"\nabla_{\mathbf{x}} f(\mathbf{x}) = \mathbf{A} (\mathbf{A}\mathbf{x} - \mathbf{b})"
    assert symgrad.verify(square_only, define=LEAST_SQUARES).verdict == "unreadable"


def test_a_quadratic_form_makes_its_bold_matrix_square_and_2ax_is_only_the_symmetric_case():
    rng = np.random.default_rng(3)
    A, x = rng.normal(size=(3, 3)), rng.normal(size=3)
    truth = grad(lambda x: x @ A @ x)(x)
    assert np.allclose(truth, (A + A.T) @ x, rtol=1e-12) and not np.allclose(truth, 2 * A @ x)  # autograd
    define = [r"f(\mathbf{x}) = \mathbf{x}^T \mathbf{A} \mathbf{x}"]
    right = symgrad.verify(r"\nabla_{\mathbf{x}} f = (\mathbf{A} + \mathbf{A}^T)\mathbf{x}", define=define)
    assert right.verdict == "proved" and "A read as an m x m matrix" in right.message
    assert symgrad.verify(r"\nabla_{\mathbf{x}} f = 2\mathbf{A}\mathbf{x}", define=define).verdict == "wrong"


def test_a_declared_bold_capital_reads_as_its_declared_matrix():
    given = [r"\mathbf{X} \in \mathbb{R}^{m \times n}", r"\mathbf{w} \in \mathbb{R}^{n}", r"\mathbf{y} \in \mathbb{R}^{m}"]
    define = [r"L = \mathbf{y}^T \mathbf{X} \mathbf{w}"]
    assert symgrad.verify(r"\frac{\partial L}{\partial \mathbf{w}} = \mathbf{X}^T \mathbf{y}", define=define,
                          given=given).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial L}{\partial \mathbf{w}} = 2\mathbf{X}^T \mathbf{y}", define=define,
                          given=given).verdict == "wrong"


def test_hinge_cases_with_a_bold_vector_piece_and_a_zero_piece_are_one_piecewise_vector():
    hinge = r"l = \max(0, 1 - y\ \boldsymbol{x}\cdot\boldsymbol{w})"
    x, w, y = np.array([0.5, -0.2, 0.1]), np.array([0.3, 0.9, -1.0]), 1.0
    g = grad(lambda w: anp.maximum(0.0, 1 - y * anp.dot(x, w)))(w)
    assert np.allclose(g, -y * x)  # autograd: inside the margin the gradient is -y x
    claim = (r"\frac{\partial l}{\partial \boldsymbol{w}} = \begin{cases} -y\ \boldsymbol{x} & \text{if } "
             r"y\ \boldsymbol{x}\cdot\boldsymbol{w} < 1 \\ 0 & \text{if } y\ \boldsymbol{x}\cdot\boldsymbol{w} \geq 1"
             r"\end{cases}")
    assert symgrad.verify(claim, define=[hinge]).verdict in ("proved", "agrees")
    assert symgrad.verify(claim.replace("-y\\ ", ""), define=[hinge]).verdict == "wrong"


def test_a_long_product_of_undeclared_bold_matrices_never_runs_out_of_size_names():
    # fresh3-trace-mse-2170842: the six size letters ran out and the reader crashed (StopIteration)
    ctx = Context()
    parse_definition(r"L = \mathbf{1}^T \mathbf{A}\mathbf{B}\mathbf{C}\mathbf{D}\mathbf{E}\mathbf{F}\mathbf{G} \mathbf{1}", ctx)
    shapes = [ctx.tensors[name].shape for name in "ABCDEFG"]
    assert all(left[1] == right[0] for left, right in itertools.pairwise(shapes))
    assert len({s for shape in shapes for s in shape}) == 8
