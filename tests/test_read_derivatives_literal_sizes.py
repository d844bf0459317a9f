"""A literal 2 x 2 Jacobian claimed for z in R^n (issue 9): the literal fixes n = 2 (noted), so a right claim is not
judged wrong at n = 3 where its missing entries would be zeros; refused where --of fixed the derivative first.
Reference: autograd's Jacobian of the softmax at n = 2."""

import autograd.numpy as anp
import numpy as np
from autograd import jacobian

import symgrad

RIGHT = r"\begin{bmatrix} p_1(1-p_1) & -p_1 p_2 \\ -p_2 p_1 & p_2(1-p_2) \end{bmatrix}"
SLIPPED = r"\begin{bmatrix} p_1(1-p_1) & -p_1 p_2 \\ -p_2 p_1 & p_2(1+p_2) \end{bmatrix}"
SOFTMAX = [r"p = \mathrm{softmax}(z)"]


def test_the_softmax_jacobian_at_n_2_is_the_literal():
    z = np.array([0.3, -1.1])
    p = np.exp(z) / np.exp(z).sum()
    got = jacobian(lambda z: anp.exp(z) / anp.sum(anp.exp(z)))(z)
    np.testing.assert_allclose(got, [[p[0] * (1 - p[0]), -p[0] * p[1]], [-p[1] * p[0], p[1] * (1 - p[1])]], rtol=1e-12)


def test_a_literal_2_by_2_jacobian_fixes_n_to_2():
    got = symgrad.verify(rf"\frac{{\partial p}}{{\partial z}} = {RIGHT}", define=SOFTMAX, given=[r"z \in \mathbb{R}^n"])
    assert got.verdict in ("proved", "agrees"), got.message
    assert "n read as 2" in got.message
    slipped = symgrad.verify(rf"\frac{{\partial p}}{{\partial z}} = {SLIPPED}", define=SOFTMAX,
                             given=[r"z \in \mathbb{R}^n"])
    assert slipped.verdict == "wrong"


def test_a_literal_against_a_derivative_of_given_before_is_refused_naming_the_sizes():
    got = symgrad.verify(RIGHT, of=r"\frac{\partial p}{\partial z}", define=SOFTMAX, given=[r"z \in \mathbb{R}^n"])
    assert got.verdict == "unreadable"
    assert "literal of size 2 along an axis of size n" in got.message
