"""Matrix and vector literals (bmatrix, pmatrix, matrix, an array of entries, a bracket list) in claims: read as the
array of their entries, judged against autograd."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read import Context, parse_expression, parse_given
from symgrad.verify import verify

SOFTMAX = [r"p = \mathrm{softmax}(z)"]
TWO = [r"z \in \mathbb{R}^2"]
JACOBIAN = (r"\frac{\partial p}{\partial z} = \begin{bmatrix} p_1(1-p_1) & -p_1 p_2 \\ -p_2 p_1 & p_2(1-p_2) "
            r"\end{bmatrix}")


def _softmax(z):
    e = anp.exp(z - anp.max(z))
    return e / anp.sum(e)


def test_softmax_jacobian_literal_entries_agree_with_autograd():
    z = np.array([0.3, -1.1])
    p = _softmax(z)
    truth = autograd.jacobian(_softmax)(z)
    literal = np.array([[p[0] * (1 - p[0]), -p[0] * p[1]], [-p[1] * p[0], p[1] * (1 - p[1])]])
    assert np.allclose(truth, literal, rtol=1e-12)  # the claim is right: the verdict must not say wrong
    for claim in (JACOBIAN, JACOBIAN.replace("bmatrix", "pmatrix"),
                  JACOBIAN.replace(r"\begin{bmatrix}", r"\left(\begin{array}{cc}")
                  .replace(r"\end{bmatrix}", r"\end{array}\right)")):
        assert verify(claim, define=SOFTMAX, given=TWO).verdict in ("proved", "agrees")


def test_softmax_jacobian_literal_with_a_sign_slip_in_one_entry_is_wrong():
    assert verify(JACOBIAN.replace("-p_2 p_1", "p_2 p_1"), define=SOFTMAX, given=TWO).verdict == "wrong"


@pytest.mark.parametrize("vector", [r"[2x_1-2y_1, 2x_2-2y_2]", r"\begin{bmatrix} 2x_1-2y_1 \\ 2x_2-2y_2 \end{bmatrix}",
                                    r"\begin{pmatrix} 2(x_1-y_1) \\ 2(x_2-y_2) \\ \end{pmatrix}"])
def test_gradient_of_squared_distance_as_a_literal_vector_is_2x_minus_2y(vector):
    x, y = np.array([0.4, -2.0]), np.array([1.5, 0.25])
    assert np.allclose(autograd.grad(lambda v: anp.sum((v - y) ** 2))(x), 2 * x - 2 * y, rtol=1e-12)
    given = [r"x, y \in \mathbb{R}^2"]
    assert verify(rf"\frac{{\partial L}}{{\partial x}} = {vector}", define=[r"L = \|x-y\|^2"],
                  given=given).verdict in ("proved", "agrees")
    slipped = vector.replace("2x_2-2y_2", "2x_2+2y_2").replace("2(x_2-y_2)", "2(x_2+y_2)")
    assert verify(rf"\frac{{\partial L}}{{\partial x}} = {slipped}", define=[r"L = \|x-y\|^2"],
                  given=given).verdict == "wrong"


def test_a_literal_inside_a_sum_is_added_entry_by_entry():
    v = verify(r"\frac{\partial L}{\partial x} = x + \begin{bmatrix} 1 \\ 1 \end{bmatrix}",
               define=[r"L = \|x\|^2/2 + \sum_i x_i"], given=[r"x \in \mathbb{R}^2"])
    assert v.verdict in ("proved", "agrees")
    v = verify(r"\frac{\partial L}{\partial x} = x + \begin{bmatrix} 1 \\ 2 \end{bmatrix}",
               define=[r"L = \|x\|^2/2 + \sum_i x_i"], given=[r"x \in \mathbb{R}^2"])
    assert v.verdict == "wrong"


def test_a_2_by_2_literal_has_its_entries_at_their_positions():
    ctx = Context()
    parse_given(r"a \in \mathbb{R}^2", ctx)
    value = parse_expression(r"\begin{bmatrix} a_1 & 0 \\ 3 & a_2^2 \end{bmatrix}", ctx)
    expr = getattr(value, "expr", value)
    free = sorted((s for s in expr.free_symbols if isinstance(s, sp.Idx)), key=str)
    assert len(free) == 2
    i, j = free
    a = next(iter(expr.atoms(sp.IndexedBase)))
    entries = [[expr.subs({i: r, j: c}) for c in (1, 2)] for r in (1, 2)]
    assert entries == [[a[1], 0], [3, a[2] ** 2]]


# a literal the reader cannot read, and what its refusal names
REFUSED = {
    r"\begin{bmatrix} 2x_1 \\ \vdots \\ 2x_n \end{bmatrix}": "dots in this matrix literal",
    r"\begin{bmatrix} x_2 \\ \vdots \\ x_n \end{bmatrix}": "dots in this matrix literal",
    r"\begin{bmatrix} x_1 & 1 \\ x_2 \end{bmatrix}": "same number",
    r"\begin{vmatrix} x_1 & 1 \\ x_2 & 1 \end{vmatrix}": "vmatrix",
}


@pytest.mark.parametrize("claim", sorted(REFUSED))
def test_unreadable_literals_are_refused_naming_what(claim):
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^n", ctx)
    with pytest.raises(ParseError, match=REFUSED[claim]):
        parse_expression(claim, ctx)


@pytest.mark.parametrize("vector", [r"\begin{bmatrix} x_1 \\ \vdots \\ x_n \end{bmatrix}", r"[x_1, \dots, x_n]",
                                    r"\begin{pmatrix} x_1 \\ x_2 \\ \vdots \\ x_n \end{pmatrix}"])
def test_a_literal_x_1_dots_x_n_is_the_vector_x_noted(vector):
    x = np.array([0.7, -1.3, 2.0])
    assert np.allclose(autograd.grad(lambda v: anp.sum(v ** 2) / 2)(x), x, rtol=1e-12)
    v = verify(rf"\frac{{\partial L}}{{\partial x}} = {vector}", define=[r"L = \|x\|^2/2"], given=[r"x \in \mathbb{R}^n"])
    assert v.verdict == "proved" and "read as the vector x" in v.message
    doubled = verify(rf"\frac{{\partial L}}{{\partial x}} = 2{vector}", define=[r"L = \|x\|^2/2"],
                     given=[r"x \in \mathbb{R}^n"])
    assert doubled.verdict == "wrong"


def test_a_literal_matrix_in_a_definition_gives_the_gradient_of_x_t_a_x_as_a_plus_a_t_times_x():
    a, x = np.array([[1.0, 1.0], [2.0, 2.0]]), np.array([0.5, -1.5])
    assert np.allclose(autograd.grad(lambda v: v @ a @ v)(x), [2 * x[0] + 3 * x[1], 3 * x[0] + 4 * x[1]], rtol=1e-12)
    right = r"\frac{\partial L}{\partial x} = \begin{bmatrix} 2x_1 + 3x_2 \\ 3x_1 + 4x_2 \end{bmatrix}"
    given = [r"x \in \mathbb{R}^2"]
    for define in ([r"A = \begin{bmatrix} 1 & 1 \\ 2 & 2 \end{bmatrix}", r"L = x^T A x"],
                   [r"L = x^T \begin{bmatrix} 1 & 1 \\ 2 & 2 \end{bmatrix} x"]):
        assert verify(right, define=define, given=given).verdict in ("proved", "agrees")
        assert verify(right.replace("4x_2", "5x_2"), define=define, given=given).verdict == "wrong"
