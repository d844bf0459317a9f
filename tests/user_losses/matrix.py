"""Matrix forms as people type them: \\|Xw - y\\|^2 and its X^T spellings, ridge, lasso, weighted least squares,
logistic regression with the ones vector, Frobenius norms, quadratic forms, Mahalanobis with an inverse."""

from __future__ import annotations

import autograd.numpy as anp

from .case import UserLoss, log_sigmoid, shape

LINEAR = (shape("X", "N", "D"), shape("w", "D"), shape("y", "N"))
BETA = (shape("X", "N", "D"), shape(r"\beta", "D"), shape("y", "N"))
W_ONLY = {"scale": ("w",), "zero": ("w",)}


def _sq(r):
    return anp.sum(r**2)


CASES = [
    UserLoss("ls-norm-beta", "matrix", r"L(\beta) = \|y - X\beta\|_2^2", (r"\beta",),
             lambda X, beta, y: _sq(y - X @ beta), given=BETA, scale=("beta",), zero=("beta",)),
    UserLoss("ls-transpose-product", "matrix", r"L = (y - Xw)^T (y - Xw)", ("w",),
             lambda X, w, y: _sq(y - X @ w), given=LINEAR, **W_ONLY),
    UserLoss("ls-top-transpose", "matrix", r"L = (Xw - y)^{\top}(Xw - y)", ("w",),
             lambda X, w, y: _sq(X @ w - y), given=LINEAR, **W_ONLY),
    UserLoss("ls-expanded", "matrix", r"L = y^T y - 2 w^T X^T y + w^T X^T X w", ("w",),
             lambda X, w, y: y @ y - 2 * w @ (X.T @ y) + w @ (X.T @ (X @ w)), given=LINEAR, **W_ONLY),
    UserLoss("ls-lvert", "matrix", r"J(w) = \frac{1}{2N}\lVert Xw - y \rVert_2^2", ("w",),
             lambda X, w, y: _sq(X @ w - y) / (2 * y.shape[-1]), given=LINEAR, **W_ONLY),
    UserLoss("ls-double-bars", "matrix", r"L = ||Xw - y||^2", ("w",), lambda X, w, y: _sq(X @ w - y), given=LINEAR,
             **W_ONLY),
    UserLoss("ridge-theta", "matrix",
             r"J(\theta) = \frac{1}{2}\|X\theta - y\|_2^2 + \frac{\lambda}{2}\theta^T\theta", (r"\theta",),
             lambda X, theta, y, lambda_: 0.5 * _sq(X @ theta - y) + 0.5 * lambda_ * theta @ theta,
             given=(shape("X", "N", "D"), shape(r"\theta", "D"), shape("y", "N")), domain={"lambda_": "positive"},
             scale=("theta",), zero=("theta",)),
    UserLoss("lasso", "matrix", r"L = \frac{1}{2n}\|y - X\beta\|_2^2 + \lambda\|\beta\|_1", (r"\beta",),
             lambda X, beta, y, lambda_: _sq(y - X @ beta) / (2 * y.shape[-1]) + lambda_ * anp.sum(anp.abs(beta)),
             given=(shape("X", "n", "D"), shape(r"\beta", "D"), shape("y", "n")), domain={"lambda_": "positive"},
             scale=("beta",)),
    UserLoss("weighted-least-squares", "matrix", r"L = (y - X\beta)^T W (y - X\beta)", (r"\beta",),
             lambda X, beta, y, W: (y - X @ beta) @ W @ (y - X @ beta), given=(*BETA, shape("W", "N", "N")),
             scale=("beta",), zero=("beta",)),
    UserLoss("logistic-ones-vector", "matrix",
             r"L = -y^T\log\sigma(Xw) - (\mathbf{1} - y)^T\log(\mathbf{1} - \sigma(Xw))", ("w",),
             lambda X, w, y: -(y @ log_sigmoid(X @ w) + (1 - y) @ log_sigmoid(-(X @ w))), given=LINEAR,
             domain={"y": "binary"}, **W_ONLY),
    UserLoss("frobenius", "matrix", r"L = \|XW - Y\|_F^2", ("W",), lambda X, W, Y: _sq(X @ W - Y),
             given=(shape("X", "N", "D"), shape("W", "D", "K"), shape("Y", "N", "K")), scale=("W",), zero=("W",)),
    UserLoss("trace-form", "matrix", r"L = \mathrm{tr}\left((XW - Y)^T(XW - Y)\right)", ("W",),
             lambda X, W, Y: _sq(X @ W - Y), given=(shape("X", "N", "D"), shape("W", "D", "K"), shape("Y", "N", "K"))),
    UserLoss("quadratic-form", "matrix", r"f(x) = \frac{1}{2}x^T A x - b^T x + c", ("x",),
             lambda A, x, b, c: 0.5 * x @ A @ x - b @ x + c,
             given=(shape("A", "D", "D"), shape("x", "D"), shape("b", "D")), scale=("x",), zero=("x",)),
    UserLoss("mahalanobis-inverse", "matrix", r"L = (x - \mu)^T \Sigma^{-1} (x - \mu)", (r"\mu",),
             lambda x, mu, Sigma: (x - mu) @ anp.linalg.solve(Sigma, x - mu),
             given=(shape("x", "D"), shape(r"\mu", "D"), shape(r"\Sigma", "D", "D"))),
    UserLoss("mahalanobis-precision", "matrix", r"L = \frac{1}{2}(x - \mu)^\top P (x - \mu)", (r"\mu",),
             lambda x, mu, P: 0.5 * (x - mu) @ P @ (x - mu),
             given=(shape("x", "D"), shape(r"\mu", "D"), shape("P", "D", "D")), scale=("x", "mu"), zero=("x", "mu"),
             offset=("x", "mu")),
    UserLoss("softmax-regression-matrix", "matrix",
             r"L = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{K} Y_{nk}\log \mathrm{softmax}(XW)_{nk}", ("W",),
             lambda X, W, Y: -anp.sum(Y * (X @ W - anp.log(anp.sum(anp.exp(X @ W - anp.max(X @ W, axis=1, keepdims=True)),
                                                                   axis=1, keepdims=True))
                                            - anp.max(X @ W, axis=1, keepdims=True))) / X.shape[0],
             given=(shape("X", "N", "D"), shape("W", "D", "K"), shape("Y", "N", "K")), domain={"Y": "onehot"},
             scale=("W",), zero=("W",)),
    UserLoss("linear-bias-ones", "matrix", r"L = \|Xw + b\mathbf{1} - y\|^2", ("w", "b"),
             lambda X, w, b, y: _sq(X @ w + b - y), given=LINEAR, scale=("w", "b"), zero=("w", "b"),
             offset=("b", "y")),
]
