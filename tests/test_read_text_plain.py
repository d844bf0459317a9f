"""Plain-text names and Unicode as pages paste them: ``A1`` and ``x0`` (a name with a label digit), ``y_hat`` (a
name with a word label), ``Wᵗx``, ``½``, ``•``, ``—``. Each test states the expression a person means; verdicts
are checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

x, y = sp.symbols("x y")
A_1, Z_1, w_0, w_1, x_0, x_1 = sp.symbols("A_1 Z_1 w_0 w_1 x_0 x_1")


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text, meant", [
    ("A1 + Z1", A_1 + Z_1),
    ("w0x0 + w1x1", w_0 * x_0 + w_1 * x_1),
    ("2x1", 2 * x_1),
    ("2x", 2 * x),
    ("y_hat - y", sp.Symbol("yhat") - y),
    ("½ x²", x**2 / 2),
    ("x • y — x⋅y", 0),
])
def test_a_letter_then_digits_in_plain_text_is_one_name_with_a_label_and_2x_a_product(text, meant):
    assert sp.simplify(read(text) - meant) == 0


def test_a_label_digit_in_latex_stays_as_written():
    assert parse_expression(r"\alpha x1", Context()) == sp.Symbol("alpha") * x


def test_a_transposed_weight_written_with_a_modifier_t_is_the_dot_product():
    v = verify("∂L/∂W = (y_hat − y) y_hat (1 − y_hat) x", define=["z = Wᵗx + b", "y_hat = σ(z)", "L = ½ (y_hat − y)²"],
               given=["W, x ∈ ℝⁿ"])
    W, xv, b, yv = np.array([0.3, -0.7]), np.array([1.1, 0.4]), 0.2, 0.6

    def loss(w):
        return 0.5 * (1 / (1 + anp.exp(-(anp.dot(w, xv) + b))) - yv) ** 2
    s = 1 / (1 + np.exp(-(W @ xv + b)))
    assert np.allclose(grad(loss)(W), (s - yv) * s * (1 - s) * xv) and v.verdict == "proved"


def test_a_dropped_factor_with_plain_names_is_wrong():
    v = verify("∂L/∂W = (y_hat − y) (1 − y_hat) x", define=["z = Wᵗx + b", "y_hat = σ(z)", "L = ½ (y_hat − y)²"],
               given=["W, x ∈ ℝⁿ"])
    W, xv, b, yv = np.array([0.3, -0.7]), np.array([1.1, 0.4]), 0.2, 0.6
    s = 1 / (1 + np.exp(-(W @ xv + b)))
    truth = grad(lambda w: 0.5 * (1 / (1 + anp.exp(-(anp.dot(w, xv) + b))) - yv) ** 2)(W)
    assert not np.allclose(truth, (s - yv) * (1 - s) * xv) and v.verdict == "wrong"


def test_layer_names_with_digits_chain_through_tanh():
    v = verify("g'(Z1) = (1 - A1^2) = (1 - tanh^2(Z1))", define=["g(z) = tanh(z)", "A1 = tanh(Z1)"])
    z = 0.37
    assert np.isclose(grad(anp.tanh)(z), 1 - np.tanh(z) ** 2) and v.verdict == "proved"


def test_sum_with_a_capital_and_an_index_in_plain_text_is_the_sum_over_that_index():
    ctx = Context()
    parse_given(r"o \in \mathbb{R}^{K}", ctx)
    got = parse_expression("exp(o_j) / Sum_k(exp(o_k))", ctx)
    o = np.array([0.3, -1.2, 2.0])
    e = got.xreplace({s: 3 for s in got.free_symbols if str(s) == "K"})
    e = e.xreplace({s: 2 for s in e.free_symbols if str(s) == "j"}).doit()
    assert float(e.replace(lambda t: isinstance(t, sp.Indexed), lambda t: sp.Float(o[int(t.indices[0]) - 1]))) == \
        pytest.approx(np.exp(o[1]) / np.exp(o).sum())


@pytest.mark.parametrize("claim, verdict", [
    ("d(x^2 y)/dx = 2 x y", "proved"),
    ("d(x^2 y)/dx = x y", "wrong"),
    ("d(X.Y)/dX = Y", "proved"),
])
def test_d_of_a_parenthesis_over_d_name_in_plain_text_is_the_derivative_of_the_parenthesis(claim, verdict):
    xv, yv = 0.7, -1.3
    right = np.isclose(grad(lambda u: u**2 * yv)(xv), 2 * xv * yv) and np.isclose(grad(lambda u: u * yv)(xv), yv)
    assert verify(claim).verdict == verdict and right
