"""``|x|_2``, ``|Ax - b|_2^2``, ``|x|^2_2``: single bars with a norm's subscript around a vector are that norm (an
absolute value takes no subscript), noted. Each claim's truth comes from autograd on random inputs first; verify's
verdict must match it."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad.verify import verify

_GIVEN = r"A \in \mathbb{R}^{n \times d}, x \in \mathbb{R}^{d}, b \in \mathbb{R}^{n}"


def _half_gradient_holds(scale: float) -> bool:
    """autograd: is the gradient of scale * ||Ax - b||^2 equal to A^T(Ax - b)?"""
    rng = np.random.default_rng(3)
    A, x, b = rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=4)
    grad = autograd.grad(lambda z: scale * anp.sum((anp.dot(A, z) - b) ** 2))(x)
    return bool(np.allclose(grad, A.T @ (A @ x - b), rtol=1e-12))


@pytest.mark.parametrize(("loss", "scale"), [
    # https://math.techqa.club/how-is-multiplying-a-by-a-transpose-related-to-the-gradient-in-the-least-squares-problem-3004097
    (r"F = \frac{1}{2}|Ax-b|_{2}^{2}", 0.5),
    # https://math.techqa.club/what-is-the-gradient-nabla-f-of-f-vec-x-lvert-a-vec-x-b-rvert-2-2-with-a-in-mathbb-r-n-times-d-4670578
    (r"F = |A x - b|_2^2", 1.0),
    (r"F = \frac12 |A x - b|^2_2", 0.5),
])
def test_single_bars_with_subscript_2_are_the_euclidean_norm_of_a_vector(loss: str, scale: float) -> None:
    v = verify(r"\nabla_x F = A^T(Ax - b)", define=[loss], given=[_GIVEN])
    assert (v.verdict in ("proved", "agrees")) == _half_gradient_holds(scale), str(v)
    assert v.verdict in ("proved", "agrees", "wrong") and "2-norm" in str(v), str(v)


def test_single_bars_with_subscript_1_are_the_sum_of_absolute_values() -> None:
    """d|x|_1/dx = sign(x), as autograd gives away from 0."""
    x = np.array([0.7, -1.3, 2.1])
    assert np.allclose(autograd.grad(lambda z: anp.sum(anp.abs(z)))(x), np.sign(x))
    v = verify(r"\frac{\partial L}{\partial x_i} = \mathrm{sign}(x_i)", define=[r"L = |x|_1"],
               given=[r"x \in \mathbb{R}^{n}"])
    assert v.verdict in ("proved", "agrees"), str(v)


@pytest.mark.parametrize("loss", [
    # https://math.techqa.club/what-is-the-gradient-nabla-f-of-f-vec-x-lvert-a-vec-x-b-rvert-2-2-with-a-in-mathbb-r-n-times-d-4670578
    r"F(\vec{x}) = {\lVert A \vec{x} - b \rVert}_2^2",
    r"F(x) = {\|Ax - b\|}_2^2",
])
def test_a_norm_in_braces_takes_the_subscript_after_the_closing_brace(loss: str) -> None:
    """The gradient of ||Ax - b||^2 is 2A^T(Ax - b) (autograd), so A^T(Ax - b) is wrong by a factor."""
    assert _half_gradient_holds(0.5) and not _half_gradient_holds(1.0)
    v = verify(r"\nabla F = A^T(Ax - b)", define=[loss], given=[_GIVEN])
    assert v.verdict == "wrong" and "factor" in str(v), str(v)
