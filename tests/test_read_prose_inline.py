"""A case's condition written as a formula inside words (``\\text{if $x > 0$}``, ``\\text{for $i = j$,}``) is the
case's condition, as ``\\text{if } x > 0`` is."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify
from symgrad.read.prose_inline import formulas_out_of_text

SOFTMAX = [r"p_i = \frac{e^{z_i}}{\sum_{k=1}^{n} e^{z_k}}"]


def test_relu_derivative_matches_autograd():  # the reference the ReLU verdicts rest on
    relu_grad = autograd.elementwise_grad(lambda x: anp.maximum(0.0, x))
    xs = np.array([-1.3, -0.2, 0.4, 2.1])
    assert np.allclose(relu_grad(xs), (xs > 0).astype(float))


@pytest.mark.parametrize("claim, verdict", [
    # github: ReLU docs `x & \text{if $x > 0$} \\ 0 & \text{otherwise}`; Heaviside `1, & \text{if $x > 0$} \\ 0, & ...`
    (r"\begin{cases} 1 & \text{if $x > 0$} \\ 0 & \text{otherwise} \end{cases}", "agrees"),
    (r"\begin{cases} 1, & \text{if $x > 0$,} \\ 0, & \text{if $x < 0$.} \end{cases}", "agrees"),
    (r"\begin{cases} 0 & \text{if $x \leq 0$}\\ 1 & \text{if $x > 0$}\\ \end{cases}", "agrees"),
    (r"\begin{cases} 0 & \text{if $x \leq 0$}\\ x & \text{if $x > 0$}\\ \end{cases}", "wrong"),  # ReLU, not its slope
])
def test_a_formula_inside_a_cases_words_is_the_cases_condition(claim, verdict):
    assert verify(claim, of=r"\frac{d}{dx}\max(0,x)").verdict == verdict


def test_a_definition_by_cases_with_conditions_in_words():
    relu = r"f(x) = \begin{cases} 0 & \text{if $x \leq 0$}\\ x & \text{if $x > 0$} \end{cases}"
    assert verify(r"f'(x) = \begin{cases} 0 & \text{if $x \leq 0$}\\ 1 & \text{if $x > 0$} \end{cases}",
                  define=[relu]).verdict in ("proved", "agrees")
    assert verify(r"f'(x) = \begin{cases} 1 & \text{if $x \leq 0$}\\ 0 & \text{if $x > 0$} \end{cases}",
                  define=[relu]).verdict == "wrong"


def test_softmax_jacobian_by_cases_for_i_equal_j_in_words():
    rng = np.random.default_rng(5)
    z = rng.normal(size=3)
    p = anp.exp(z) / anp.sum(anp.exp(z))
    truth = autograd.jacobian(lambda v: anp.exp(v) / anp.sum(anp.exp(v)))(z)
    assert np.allclose(truth, np.diag(p) - np.outer(p, p), rtol=1e-12)
    right = (r"\frac{\partial p_i}{\partial z_j} = \begin{cases} p_i(1-p_i) & \text{for $i = j$,} \\ -p_ip_j & "
             r"\text{for $i \neq j$.} \end{cases}")
    assert verify(right, define=SOFTMAX).verdict in ("proved", "agrees")
    assert verify(right.replace("-p_ip_j", "p_ip_j"), define=SOFTMAX).verdict == "wrong"


def test_the_lifted_formula_keeps_every_column():
    written = r"0 & \text{for $j = j_1$,} \\ 1 & \text{otherwise}"
    lifted = formulas_out_of_text(written)
    assert len(lifted) == len(written) and lifted.index(r"\\") == written.index(r"\\")
