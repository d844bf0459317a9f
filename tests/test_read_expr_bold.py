"""A bold letter (``\\mathbf{v}``, ``\\boldsymbol{x}``) with no declared shape is a vector by convention: read as one
(its size settled by its use), its bars ``|\\mathbf{v}|`` its length; a bold capital (a matrix) whose shape nothing
gives is refused. Read as a scalar, ``v w / (|v| |w|)`` was ``sign(v) sign(w)`` and a derivative 0 was 'proved'."""

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


def test_a_bold_capital_with_no_shape_is_refused_as_a_matrix_nobody_sized():
    with pytest.raises(symgrad.ParseError, match=r"bold, a matrix by convention.*declare it"):
        parse_definition(r"L = \mathbf{X} \mathbf{w}", Context())


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
