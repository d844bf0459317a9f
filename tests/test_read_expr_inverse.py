"""The inverse of a matrix expression (``(aI + B)^{-1}``, ``\\left(I + X^{-1}\\right)^{-1}``): read, differentiated by
``-A^{-1} dA A^{-1}`` and evaluated by inverting the expression's entries at each point. Each claim's truth is first
established by autograd (an independent autodiff) on random inputs; then verify's verdict must match it."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from symgrad.verify import verify

_RNG = np.random.default_rng(7)
_N = 3


def _scalar_claim_holds(sign: float) -> bool:
    """autograd: d/da y^T (aI + B)^{-1} y against sign * y^T (aI + B)^{-2} y at a random point."""
    y, B, a = _RNG.normal(size=_N), _RNG.normal(size=(_N, _N)), 1.5
    f = lambda s: y @ anp.linalg.inv(s * anp.eye(_N) + B) @ y
    A_inv = np.linalg.inv(a * np.eye(_N) + B)
    return bool(np.isclose(autograd.grad(f)(a), sign * y @ A_inv @ A_inv @ y, rtol=1e-9))


def _trace_claim_holds(sign: float) -> bool:
    """autograd: the gradient of tr((I + X^{-1})^{-1}) against sign * (X^{-1} (I + X^{-1})^{-2} X^{-1})^T."""
    X = _RNG.normal(size=(_N, _N)) + 3 * np.eye(_N)
    f = lambda Z: anp.trace(anp.linalg.inv(anp.eye(_N) + anp.linalg.inv(Z)))
    Xi = np.linalg.inv(X)
    Mi = np.linalg.inv(np.eye(_N) + Xi)
    return bool(np.allclose(autograd.grad(f)(X), sign * (Xi @ Mi @ Mi @ Xi).T, rtol=1e-9))


@pytest.mark.parametrize("sign", [-1.0, 1.0])
def test_derivative_of_y_t_inverse_of_a_i_plus_b_y_by_a_is_minus_y_t_inverse_squared_y(sign: float) -> None:
    """https://imathworks.com/math/math-how-to-get-a-derivative-with-respect-to-scalar-for-faytaib-1y (and the ridge
    form of https://math.techqa.club/derivative-of-a-matrix-product-with-respect-to-scalar-3569036)."""
    claim = rf"\frac{{df}}{{da}} = {'-' if sign < 0 else ''}y^T(aI+B)^{{-2}}y"
    v = verify(claim, define=[r"f(a)=y^T(aI+B)^{-1}y"], given=[r"y \in \mathbb{R}^{N}, B \in \mathbb{R}^{N \times N}"])
    assert (v.verdict in ("proved", "agrees")) == _scalar_claim_holds(sign), str(v)
    assert v.verdict in ("proved", "agrees", "wrong"), str(v)


def test_gradient_of_trace_of_inverse_of_identity_plus_inverse_is_x_inv_m_inv_squared_x_inv() -> None:
    """https://kiwix.lukehooper.xyz/content/math.stackexchange.com_en_all_2024-10/questions/3759075 as written:
    M := (I + X^{-1}), f := tr(M^{-1}), a sign-slipped claim judged wrong."""
    assert not _trace_claim_holds(-1.0)
    v = verify(r"\frac{\partial f}{\partial X} = -X^{-1} \left(I + X^{-1} \right)^{-2} X^{-1}",
               define=[r"f := \operatorname{tr}\left( M^{-1} \right)", r"M := \left(I + X^{-1} \right)"],
               given=["X invertible (and assuming symmetric)"])
    assert v.verdict == "wrong", str(v)


def _ridge_claim_holds(sign: float) -> bool:
    """autograd: d/dlambda b^T (A^T A + lambda I)^{-1} b against sign * b^T (A^T A + lambda I)^{-2} b."""
    A, b, lam = _RNG.normal(size=(4, _N)), _RNG.normal(size=_N), 0.7
    f = lambda s: b @ anp.linalg.inv(anp.dot(A.T, A) + s * anp.eye(_N)) @ b
    M_inv = np.linalg.inv(A.T @ A + lam * np.eye(_N))
    return bool(np.isclose(autograd.grad(f)(lam), sign * b @ M_inv @ M_inv @ b, rtol=1e-9))


@pytest.mark.parametrize("identity", ["I", "I_n"])
def test_undeclared_i_added_to_a_t_a_is_the_identity_of_the_size_its_use_gives(identity: str) -> None:
    """https://math.techqa.club/derivative-of-a-matrix-product-with-respect-to-scalar-3569036: (X^TX + \\lambda I)^{-1}
    with X not square, so no declared matrix gives I's size; a scalar I would add lambda to every entry."""
    assert not _ridge_claim_holds(1.0)
    v = verify(rf"\frac{{\partial f}}{{\partial \lambda}} = b^T(A^TA + \lambda {identity})^{{-2}}b",
               define=[rf"f = b^T(A^TA + \lambda {identity})^{{-1}}b"],
               given=[r"A \in \mathbb{R}^{m \times n}, b \in \mathbb{R}^{n}"])
    assert v.verdict == "wrong" and "sign" in str(v), str(v)
