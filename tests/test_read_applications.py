"""A name applied to a parenthesised argument and then indexed, ``[S(y)]_w`` or ``S(y)_w``: where a definition's head
writes it so, the name is that vector function everywhere, its element where indexed (never S times y)."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import jacobian

import symgrad

SOFTMAX = r"\frac{e^{y_w}}{\sum_j e^{y_j}}"


def _log_softmax_jacobian_diagonal_minus_softmax() -> bool:
    """Autograd's d log S_w / d y_i equals delta_iw - S_i (the right claim) at a random point."""
    y = np.random.default_rng(0).normal(size=4)
    s = np.exp(y) / np.exp(y).sum()
    jac = jacobian(lambda v: anp.log(anp.exp(v) / anp.sum(anp.exp(v))))(y)
    return np.allclose(jac, np.eye(4) - s[None, :], atol=1e-12)


@pytest.mark.parametrize("head, element", [
    (r"[S(y)]_w", r"[S(y)]_{%s}"),  # the bracketed head, as lecture notes on the softmax write it
    (r"S(y)_w", r"S(y)_{%s}"),
    (r"\left[S(y)\right]_w", r"\left[S(y)\right]_{%s}"),
])
def test_log_softmax_derivative_is_delta_minus_softmax_with_an_applied_indexed_head(head, element):
    """``[S(y)]_w = e^{y_w} / \\sum_j e^{y_j}`` defines the softmax S; ``\\log([S(y)]_w)`` in the claim is log S_w, not
    log(S y_w). The mnn docs write the same head, ``y_i(x) = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}``
    (https://github.com/w32zhong/mnn/blob/master/docs/mnn.layer.SoftmaxLayer.md)."""
    assert _log_softmax_jacobian_diagonal_minus_softmax()
    lhs = rf"\frac{{\partial \log({element % 'w'})}}{{\partial y_i}}"
    right = symgrad.verify(rf"{lhs} = \delta_{{iw}} - {element % 'i'}", define=[f"{head} = {SOFTMAX}"])
    wrong = symgrad.verify(rf"{lhs} = \delta_{{iw}} + {element % 'i'}", define=[f"{head} = {SOFTMAX}"])
    assert right.verdict in ("proved", "agrees"), right
    assert wrong.verdict == "wrong", wrong


@pytest.mark.parametrize("claim", [
    r"\frac{d}{dx} \max(0, x) = H(x)",  # the ReLU's derivative as the Heaviside step
    r"\frac{d}{dx} x \max(0, x) = 2xH(x)",  # ReLU(x) = xH(x), https://davinci-net.com/wiki/relu.html
    r"\frac{d}{dx} \max(0, x)^2 = 2 \max(0, x) H(x)",
])
def test_an_undefined_capital_applied_in_a_claim_is_refused_naming_both_readings(claim):
    """Nothing defines H: H(x) is the Heaviside function of x or H times x, and symgrad does not pick one."""
    v = symgrad.verify(claim)
    assert v.verdict == "unreadable" and "function H" in v.message and "H times" in v.message, v


def test_a_greek_constant_before_a_parenthesis_is_still_a_product():
    """ELU's negative branch, ``\\alpha(e^x - 1)`` (rohit's notes in the corpus): alpha times e^x - 1, whose
    derivative autograd gives as alpha e^x; the claim alpha e^x is right, alpha e^{2x} wrong."""
    alpha, x = 0.7, -0.3
    assert np.isclose(grad_elu := jacobian(lambda t: alpha * (anp.exp(t) - 1))(x), alpha * np.exp(x)), grad_elu
    define = [r"f(x) = \alpha(e^x - 1)"]
    assert symgrad.verify(r"f'(x) = \alpha e^x", define=define).verdict in ("proved", "agrees")
    assert symgrad.verify(r"f'(x) = \alpha e^{2x}", define=define).verdict == "wrong"


def _rayleigh_gradient(v: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Autograd's gradient of v^T A v / v^T v."""
    return jacobian(lambda u: anp.dot(u, anp.dot(a, u)) / anp.dot(u, u))(v)


@pytest.mark.parametrize("numerator", [
    r"v^{T}(A+A^{T})v^{T}v - v^{T}Av(2v^{T})",  # https://math.techqa.club/gradient-of-the-rayleigh-quotient-2847017
    r"v^T (A + A^T) v^T v - 2 v^T A v v^T",
])
def test_rayleigh_quotient_rule_reads_v_transpose_v_as_the_scalar_it_must_be(numerator):
    """``v^T(A+A^T) v^T v``: a row, a row, a column; only ``(v^T(A+A^T)) (v^T v)`` is typed. Read so, the page's
    quotient rule (row layout) agrees with autograd's gradient; without the 2 it is wrong."""
    rng = np.random.default_rng(1)
    v, a = rng.normal(size=3), rng.normal(size=(3, 3))
    page = ((v @ (a + a.T)) * (v @ v) - (v @ a @ v) * 2 * v) / (v @ v) ** 2
    assert np.allclose(page, _rayleigh_gradient(v, a), atol=1e-10)
    given = [r"v \in \mathbb{R}^n", r"A \in \mathbb{R}^{n \times n}"]
    lhs = r"\frac{\partial}{\partial v} \frac{v^T A v}{v^T v}"
    right = symgrad.verify(rf"{lhs} = \frac{{{numerator}}}{{(v^T v)^2}}", given=given)
    assert right.verdict in ("proved", "agrees") and "read as a scalar" in str(right), right
    wrong = numerator.replace("(2v^{T})", "v^{T}").replace("2 v^T A", "v^T A")
    assert symgrad.verify(rf"{lhs} = \frac{{{wrong}}}{{(v^T v)^2}}", given=given).verdict == "wrong"


@pytest.mark.parametrize("claim, right", [
    (r"\sigma(1 - \sigma)", True),  # the issue's own spelling, symgrad's printed answer
    (r"\sigma (1-\sigma)", True),
    (r"\sigma(1 + \sigma)", False),
])
def test_a_defined_function_beside_a_parenthesis_holding_itself_is_a_product_noted(claim, right):
    """With ``\\sigma(x) = 1/(1+e^{-x})``, ``\\sigma(1 - \\sigma)`` is sigma times (1 - sigma): the parenthesis holds
    sigma's value, so it is no argument; the verdict says so. Autograd's derivative of the sigmoid is s(1 - s)."""
    x = 0.4
    s = 1 / (1 + np.exp(-x))
    assert np.isclose(jacobian(lambda t: 1 / (1 + anp.exp(-t)))(x), s * (1 - s))
    v = symgrad.verify(rf"\frac{{d\sigma}}{{dx}} = {claim}", define=[r"\sigma(x) = \frac{1}{1+e^{-x}}"])
    assert v.verdict in (("proved", "agrees") if right else ("wrong",)), v
    assert "read as a product" in str(v)
