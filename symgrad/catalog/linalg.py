"""Matrix calculus: traces, quadratic forms, log-determinants and Gaussian likelihoods (Matrix Cookbook).

Traces are written as the contractions they are; det, log det and the inverse are the objects of
``symgrad.linalg``, whose derivative rules (Jacobi's formula, the derivative of the inverse) are named
in each entry's notes. A covariance or kernel matrix is declared symmetric positive definite.
"""

import sympy as sp

from .. import linalg
from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

n, m, N = size("n"), size("m"), size("N")
k, l, c, s = index("k", n), index("l", n), index("c", m), index("s", N)
L = tensor("L")

CYCLIC = ("tr(M) = Σ_c M_cc: the trace is written as the contraction it is, so the cyclic property "
          "tr(XᵀAX) = tr(AXXᵀ) needs no rule of its own: the sums commute.")
SYMMETRIC = (
    "{0} is declared symmetric positive definite ({0} = {0}ᵀ ≻ 0), so ({0}⁻¹)_kl = ({0}⁻¹)_lk: the derivation keeps "
    "one index order. Gradient convention: the result by {0} is the unconstrained gradient G (every entry of {0} an "
    "independent variable, what autodiff gives). Where {0}_ij and {0}_ji are one parameter, the gradient is the "
    "symmetric form G + Gᵀ − diag(G){1}."
)


def _notes(loss: sp.Expr, *more: str) -> tuple[str, ...]:
    return tuple(f"Rule used, {rule}" for rule in linalg.rules_used(loss)) + more


def _trace_quadratic() -> Entry:
    X, A = tensor("X", n, m), linalg.square("A", n)
    # tr(X^T A X): the (c, c') element of X^T A X is sum_{k,l} X_kc A_kl X_lc'
    c2 = index("d", m)
    loss = linalg.trace(sp.Sum(X[k, c] * A[k, l] * X[l, c2], (k, 1, n), (l, 1, n)), c, c2)
    return Entry("trace-quadratic", "Trace of a quadratic form in a matrix",
                 "L = tr(X^T A X); dL/dX = (A + A^T) X, dL/dA = X X^T (Matrix Cookbook 108)",
                 Graph((Definition(L, loss),), (X, A), "L"), ("X", "A"), {"X": ("i", "j"), "A": ("i", "j")},
                 (CYCLIC,))


def _quadratic_form() -> Entry:
    x, A = tensor("x", n), linalg.square("A", n)
    loss = sp.Sum(x[k] * A[k, l] * x[l], (k, 1, n), (l, 1, n))
    return Entry("quadratic-form", "Quadratic form with a non-symmetric matrix",
                 "L = x^T A x; dL/dx = (A + A^T) x, dL/dA = x x^T (Matrix Cookbook 81)",
                 Graph((Definition(L, loss),), (x, A), "L"), ("x", "A"), {"x": ("j",), "A": ("i", "j")},
                 ("A is not assumed symmetric: the gradient by x is (A + Aᵀ)x, which is 2Ax only when A = Aᵀ.",))


def _logdet() -> Entry:
    X = linalg.square("X", n)
    loss = linalg.logdet(X)
    return Entry("logdet", "Log-determinant of a square matrix",
                 "L = log|det X|; dL/dX = X^{-T} (Matrix Cookbook 57)",
                 Graph((Definition(L, loss),), (X,), "L"), ("X",), {"X": ("i", "j")},
                 _notes(loss, "log|det X| = log det X where det X > 0; the gradient X⁻ᵀ is the same for both."))


def _frobenius() -> Entry:
    X, W, Y, E = tensor("X", N, n), tensor("W", n, m), tensor("Y", N, m), tensor("E", N, m)
    residual = Definition(E[s, c], sp.Sum(X[s, k] * W[k, c], (k, 1, n)) - Y[s, c])
    loss = sp.Sum(E[s, c] ** 2, (s, 1, N), (c, 1, m))
    return Entry("frobenius", "Squared Frobenius norm of a linear model's residual",
                 "L = ||X W - Y||_F^2 = tr(E^T E), E = X W - Y; dL/dW = 2 X^T E (Matrix Cookbook 103)",
                 Graph((residual, Definition(L, loss)), (X, W, Y), "L"), ("W",), {"W": ("i", "j")},
                 ("‖E‖_F² = tr(EᵀE) = Σ_sc E_sc²: the trace of EᵀE is the sum of the squared entries.",))


def _gaussian_mvn_nll() -> Entry:
    x, mu, r = tensor("x", N, n), tensor("mu", n), tensor("r", N, n)
    Sigma = linalg.symmetric("Sigma", n)
    P = linalg.inverse(Sigma)
    centred = Definition(r[s, k], x[s, k] - mu[k])
    quad = sp.Sum(r[s, k] * P[k, l] * r[s, l], (s, 1, N), (k, 1, n), (l, 1, n))
    loss = (quad + N * linalg.logdet(Sigma)) / 2
    return Entry("gaussian-mvn-nll", "Multivariate normal negative log-likelihood, full covariance",
                 "L = 1/2 sum_s (x_s - mu)^T Sigma^{-1} (x_s - mu) + N/2 log det Sigma, constant dropped; "
                 "dL/dmu = -Sigma^{-1} sum_s (x_s - mu), dL/dSigma = 1/2 (N Sigma^{-1} - Sigma^{-1} S Sigma^{-1})",
                 Graph((centred, Definition(L, loss)), (x, mu, Sigma), "L"), ("mu", "Sigma"),
                 {"mu": ("j",), "Sigma": ("i", "j")},
                 _notes(loss, SYMMETRIC.format("Σ", " with G = ½(NΣ⁻¹ − Σ⁻¹SΣ⁻¹)"),
                        "S = Σ_s (x_s − μ)(x_s − μ)ᵀ is the scatter matrix of the samples around μ."))


def _gp_marginal_likelihood() -> Entry:
    y, K = tensor("y", n), linalg.symmetric("K", n)
    P = linalg.inverse(K)
    loss = (sp.Sum(y[k] * P[k, l] * y[l], (k, 1, n), (l, 1, n)) + linalg.logdet(K)) / 2
    return Entry("gp-marginal-likelihood", "Gaussian-process negative log marginal likelihood, by the kernel matrix",
                 "L = 1/2 y^T K^{-1} y + 1/2 log det K, constant dropped; "
                 "dL/dK = 1/2 (K^{-1} - K^{-1} y y^T K^{-1}) (Rasmussen & Williams 5.9)",
                 Graph((Definition(L, loss),), (y, K), "L"), ("K",), {"K": ("i", "j")},
                 _notes(loss, SYMMETRIC.format("K", " with G = ½(K⁻¹ − αα\u1d40), α = K⁻¹y"),
                        "By a kernel hyperparameter θ the chain rule gives ∂L/∂θ = tr(G ∂K/∂θ) with G the unconstrained "
                        "gradient above (the symmetric form would count the off-diagonal terms twice)."))


ENTRIES = {
    e.name: e
    for e in (_trace_quadratic(), _quadratic_form(), _logdet(), _frobenius(), _gaussian_mvn_nll(),
              _gp_marginal_likelihood())
}
