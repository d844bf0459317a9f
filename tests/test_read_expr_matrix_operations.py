"""Matrix operations as pages write them: the adjugate ``\\mathrm{adj}(X)`` (det X times X^{-1}), ``\\det X^{-1}``
(1 / det X), the trace of a scalar (the scalar: the trace trick), and ``\\nabla_Wtr(...)`` with the trace glued to
the one-letter subscript. Verdicts against autograd."""

import autograd.numpy as anp
import numpy as np
from autograd import grad

import symgrad

SQUARE = [r"X \in \mathbb{R}^{n \times n}"]
RNG = np.random.default_rng(3)
X = RNG.normal(size=(3, 3)) + 3 * np.eye(3)


def test_the_derivative_of_det_x_by_x_ij_is_the_adjugate_at_ji_and_at_ij_is_wrong():
    truth = grad(lambda x: anp.linalg.det(x))(X)  # autograd
    adjugate = np.linalg.det(X) * np.linalg.inv(X)
    assert np.allclose(truth, adjugate.T, rtol=1e-10)
    right = symgrad.verify(r"\frac{\partial \det X}{\partial X_{ij}} = \mathrm{adj}(X)_{ji}", given=SQUARE)
    assert right.verdict == "proved" and "adjugate" in right.message
    assert symgrad.verify(r"\frac{\partial \det X}{\partial X} = \operatorname{adj}(X)^T", given=SQUARE).verdict == \
        "proved"
    assert symgrad.verify(r"\frac{\partial \det X}{\partial X_{ij}} = \mathrm{adj}(X)_{ij}", given=SQUARE).verdict == \
        "wrong"


def test_log_det_of_the_inverse_has_minus_the_inverse_transpose_for_gradient():
    truth = grad(lambda x: anp.log(anp.abs(anp.linalg.det(anp.linalg.inv(x)))))(X)  # autograd
    assert np.allclose(truth, -np.linalg.inv(X).T, rtol=1e-10)
    chain = (r"\frac{\partial}{\partial X_{ij}} \log \det X^{-1} = -\frac{\partial}{\partial X_{ij}} \log \det X = "
             r"- \frac{1}{\det X} \frac{\partial \det X}{\partial X_{ij}} = - \frac{1}{\det X} \mathrm{adj}(X)_{ji} = "
             r"- (X^{-1})_{ji}")
    assert symgrad.verify(chain, given=SQUARE).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial}{\partial X_{ij}} \log \det X^{-1} = (X^{-1})_{ji}",
                          given=SQUARE).verdict == "wrong"


HALF_RESIDUAL = [r"L(D, W) = \frac{1}{2}||DW-X||^2_F"]


def test_the_trace_of_a_scalar_loss_is_the_loss_and_tr_may_be_glued_to_the_nablas_subscript():
    D, W, Xm = RNG.normal(size=(4, 3)), RNG.normal(size=(3, 2)), RNG.normal(size=(4, 2))
    truth = grad(lambda w: 0.5 * anp.sum((D @ w - Xm) ** 2))(W)  # autograd
    assert np.allclose(truth, D.T @ D @ W - D.T @ Xm, rtol=1e-10)
    for head in (r"\nabla_Wtr\Big(L(D, W)\Big)", r"\nabla_W \mathrm{tr}(L(D, W))", r"\nabla_W \operatorname{Tr} L"):
        right = symgrad.verify(f"{head} = D^TDW - D^TX", define=HALF_RESIDUAL)
        assert right.verdict in ("proved", "agrees") and "of a scalar read as the scalar itself" in right.message
    wrong = symgrad.verify(r"\nabla_Wtr\Big(L(D, W)\Big) = 2(D^TDW - D^TX)", define=HALF_RESIDUAL)
    assert (wrong.verdict, wrong.diagnosis) == ("wrong", "factor")


RECT = [r"A \in \mathbb{R}^{n \times n}", r"X \in \mathbb{R}^{n \times k}"]


def test_the_inner_product_of_two_matrices_is_the_frobenius_one():
    Am, Xm = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 2))
    truth = grad(lambda x: anp.sum((Am @ x) * x))(Xm)  # autograd: <AX, X>_F = sum_ij (AX)_ij X_ij
    assert np.allclose(truth, (Am + Am.T) @ Xm, rtol=1e-10)
    of = r"\frac{\partial}{\partial X} \langle AX, X\rangle_{F}"
    assert symgrad.verify(f"{of} = AX + A^TX", given=RECT).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial}{\partial X} \langle AX, X\rangle = AX + A^TX", given=RECT).verdict == \
        "proved"
    assert symgrad.verify(f"{of} = 2AX", given=RECT).verdict == "wrong"
