"""A claim that cannot be formed with the sizes the user declared is wrong as written (diagnosis "shape"), not
unreadable; where a size was the reader's own choice, or the member writes a derivative whose layout the page may
not share, it stays unreadable. The transposed fix of each ill-shaped claim agrees with autograd."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad import verify

QUADRATIC = ([r"x \in \mathbb{R}^n", r"B \in \mathbb{R}^{n \times n}"], [r"f(x) = x^TBx"])
LAGRANGIAN = ([r"x \in \mathbb{R}^n", r"\lambda \in \mathbb{R}^m", r"A \in \mathbb{R}^{m \times n}",
               r"Q \in \mathbb{R}^{n \times n}", r"b \in \mathbb{R}^m"], [r"L = \frac 12 x^TQx-\lambda^T(Ax-b)"])
TRACE = ([r"X \in \mathbb{R}^{a \times b}", r"W \in \mathbb{R}^{b \times a}"], [r"f = \mathrm{tr}(XW)"])


@pytest.mark.parametrize(("claim", "context"), [
    # the product rule of https://kiwix.lukehooper.xyz/content/math.stackexchange.com_en_all_2024-10/a/3194760
    # ("the dimensions don't add up": g'(x)h(x) + g(x)h'(x) = Bx + x^TB)
    (r"\nabla f(x) = Bx + x^TB", QUADRATIC),
    # https://math.techqa.club/how-to-differentiate-formulas-that-have-matrices-as-variables-2334690
    (r"\frac{\partial L}{\partial x} = \frac 12 Qx-\lambda^TA", LAGRANGIAN),
    # a product whose inner sizes differ: X^T is b x a, W is b x a
    (r"\frac{\partial f}{\partial W} = X^TW", TRACE),
])
def test_claim_ill_shaped_with_declared_sizes_is_wrong_by_shape(claim, context):
    given, define = context
    verdict = verify(claim, define=define, given=given)
    assert (verdict.verdict, verdict.diagnosis) == ("wrong", "shape")
    assert verdict.exit_code == 1 and verdict.column is not None


def test_transposed_product_rule_agrees_with_autograd():
    """The fix of the ill-shaped Bx + x^TB: its row term transposed, Bx + B^Tx, is the gradient autograd computes."""
    rng = np.random.default_rng(3)
    b, x = rng.normal(size=(4, 4)), rng.normal(size=4)
    assert np.allclose(autograd.grad(lambda v: v @ anp.asarray(b) @ v)(x), b @ x + b.T @ x, rtol=1e-12)
    given, define = QUADRATIC
    assert verify(r"\nabla f(x) = Bx + B^Tx", define=define, given=given).verdict == "proved"


@pytest.mark.parametrize(("claim", "given", "define"), [
    # no size declared: n is the reader's own choice, so the mismatch may be its misreading
    (r"\nabla f(x) = Bx + x^TB", [], [r"f(x) = x^TBx"]),
    # the member writes derivatives whose layout (row or column) the page may not share
    (r"\frac{\partial f}{\partial x} = \frac{d(x^TB)}{dx} x + x^TB \frac{dx}{dx}", *QUADRATIC),
])
def test_mismatch_the_reader_may_have_made_stays_unreadable(claim, given, define):
    assert verify(claim, define=define, given=given).verdict == "unreadable"
