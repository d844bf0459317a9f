"""Regression losses as people type them: MSE, MAE, Huber, pinball, smooth-L1, Charbonnier, log-cosh, Tweedie, Poisson."""

from __future__ import annotations

import autograd.numpy as anp

from .case import UserLoss, logcosh, relu, shape

LINE = (r"\hat{y}_n = x_n w + b",)  # the prediction of a one-feature linear model, as most blog posts write it
TARGETS = ("y", "b")  # shifted together, the residual stays as it was


def _line(x, w, b):
    return x * w + b


def _huber(r, delta):
    return anp.where(anp.abs(r) <= delta, 0.5 * r**2, delta * anp.abs(r) - 0.5 * delta**2)


def _smooth_l1(d, beta):
    return anp.where(anp.abs(d) < beta, 0.5 * d**2 / beta, anp.abs(d) - 0.5 * beta)


CASES = [
    UserLoss("mse-mean-hat", "regression", r"L = \frac{1}{N}\sum_{n=1}^{N} (y_n - \hat{y}_n)^2", ("w", "b"),
             lambda x, w, b, y: anp.mean((y - _line(x, w, b)) ** 2), define=LINE,
             scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
    UserLoss("mse-half-sum-i", "regression", r"J(w) = \frac{1}{2}\sum_{i=1}^{m}\left(w x_i + b - y_i\right)^2",
             ("w", "b"), lambda x, w, b, y: 0.5 * anp.sum((w * x + b - y) ** 2),
             scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
    UserLoss("mae-abs", "regression", r"L = \frac{1}{N}\sum_{i=1}^{N} \left|y_i - \hat{y}_i\right|", ("w", "b"),
             lambda x, w, b, y: anp.mean(anp.abs(y - (w * x + b))), define=(r"\hat{y}_i = w x_i + b",),
             scale=("w", "b"), offset=TARGETS),
    UserLoss("huber-cases", "regression",
             r"L_\delta = \sum_{n=1}^{N} \begin{cases} \frac{1}{2}(y_n - \hat{y}_n)^2 & \text{if } "
             r"|y_n - \hat{y}_n| \le \delta \\ \delta |y_n - \hat{y}_n| - \frac{1}{2}\delta^2 & \text{otherwise} "
             r"\end{cases}",
             ("w", "b", r"\delta"), lambda x, w, b, y, delta: anp.sum(_huber(y - _line(x, w, b), delta)),
             define=LINE, domain={"delta": "positive"}, scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
    UserLoss("pinball-max", "regression",
             r"L_\tau = \frac{1}{N}\sum_{n=1}^{N} \max\left(\tau (y_n - \hat{y}_n), (\tau - 1)(y_n - \hat{y}_n)\right)",
             ("w", "b"), lambda x, w, b, y, tau: anp.mean(anp.maximum(tau * (y - _line(x, w, b)),
                                                                       (tau - 1) * (y - _line(x, w, b)))),
             define=LINE, domain={"tau": "unit"}, scale=("w", "b"), offset=TARGETS),
    UserLoss("pinball-two-maxes", "regression",
             r"L = \sum_{i=1}^{N} \tau \max(y_i - q_i, 0) + (1 - \tau)\max(q_i - y_i, 0)", ("q",),
             lambda y, q, tau: anp.sum(tau * relu(y - q) + (1 - tau) * relu(q - y)),
             domain={"tau": "unit"}, scale=("q", "y"), offset=("q", "y")),
    UserLoss("pinball-indicator", "regression",
             r"L = \sum_{i=1}^{N} (y_i - q_i)\left(\tau - \mathbb{1}\{y_i < q_i\}\right)", ("q",),
             lambda y, q, tau: anp.sum((y - q) * (tau - anp.where(y < q, 1.0, 0.0))),
             domain={"tau": "unit"}, scale=("q", "y"), offset=("q", "y")),
    UserLoss("smooth-l1-cases", "regression",
             r"L = \frac{1}{N}\sum_{n=1}^{N}\begin{cases} 0.5 (x_n - y_n)^2 / \beta & \text{if } |x_n - y_n| < \beta "
             r"\\ |x_n - y_n| - 0.5 \beta & \text{otherwise}\end{cases}",
             ("x",), lambda x, y, beta: anp.mean(_smooth_l1(x - y, beta)),
             domain={"beta": "positive"}, scale=("x",), zero=("x",), offset=("x", "y")),
    UserLoss("charbonnier", "regression", r"L = \sum_{n=1}^{N} \sqrt{(\hat{y}_n - y_n)^2 + \epsilon^2}", ("w", "b"),
             lambda x, w, b, y, epsilon: anp.sum(anp.sqrt((_line(x, w, b) - y) ** 2 + epsilon**2)), define=LINE,
             domain={"epsilon": "small"}, scale=("w", "b"), zero=("w", "b", "y"), offset=TARGETS),
    UserLoss("log-cosh", "regression", r"L = \sum_{i=1}^{n} \log(\cosh(\hat{y}_i - y_i))", ("w", "b"),
             lambda x, w, b, y: anp.sum(logcosh(w * x + b - y)), define=(r"\hat{y}_i = w x_i + b",),
             scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
    UserLoss("rmse", "regression", r"\mathrm{RMSE} = \sqrt{\frac{1}{N}\sum_{n=1}^{N}(y_n - \hat{y}_n)^2}", ("w", "b"),
             lambda x, w, b, y: anp.sqrt(anp.mean((y - _line(x, w, b)) ** 2)), define=LINE,
             scale=("w", "b"), zero=("w",), offset=TARGETS),
    UserLoss("msle", "regression",
             r"L = \frac{1}{N}\sum_{i=1}^{N}\left(\log(1 + p_i) - \log(1 + y_i)\right)^2", ("p",),
             lambda p, y: anp.mean((anp.log1p(p) - anp.log1p(y)) ** 2),
             domain={"p": "positive", "y": "positive"}, scale=("p", "y"), zero=("p", "y"), offset=("p", "y")),
    UserLoss("epsilon-insensitive", "regression",
             r"L = \sum_{i=1}^{N} \max(0, |y_i - w x_i - b| - \varepsilon)", ("w", "b"),
             lambda x, w, b, y, varepsilon: anp.sum(relu(anp.abs(y - w * x - b) - varepsilon)),
             domain={"varepsilon": "unit"}, scale=("w", "b"), offset=TARGETS),
    UserLoss("cauchy", "regression", r"L = \sum_{n=1}^{N} \log\left(1 + \frac{(y_n - \hat{y}_n)^2}{c^2}\right)",
             ("w", "b", "c"), lambda x, w, b, y, c: anp.sum(anp.log1p((y - _line(x, w, b)) ** 2 / c**2)),
             define=LINE, domain={"c": "positive"}, scale=("w", "b"), zero=("w", "b", "y"), offset=TARGETS),
    UserLoss("pseudo-huber", "regression",
             r"L = \delta^2 \sum_{n=1}^{N} \left(\sqrt{1 + \left(\frac{y_n - \hat{y}_n}{\delta}\right)^2} - 1\right)",
             ("w", "b"), lambda x, w, b, y, delta: delta**2 * anp.sum(anp.sqrt(1 + ((y - _line(x, w, b)) / delta) ** 2)
                                                                      - 1),
             define=LINE, domain={"delta": "positive"}, scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
    UserLoss("tweedie-log-link", "regression",
             r"L = \sum_{n=1}^{N} \left(-y_n \frac{e^{(1 - \rho)\eta_n}}{1 - \rho} + \frac{e^{(2 - \rho)\eta_n}}{2 - \rho}"
             r"\right)", ("w", "b"),
             lambda x, w, b, y, rho: anp.sum(-y * anp.exp((1 - rho) * (x * w + b)) / (1 - rho)
                                             + anp.exp((2 - rho) * (x * w + b)) / (2 - rho)),
             define=(r"\eta_n = x_n w + b",), domain={"y": "count", "rho": "power12"}, zero=("w", "b")),
    UserLoss("tweedie-mu", "regression",
             r"L = \sum_{i=1}^{N} \left(-\frac{y_i \mu_i^{1-p}}{1-p} + \frac{\mu_i^{2-p}}{2-p}\right)", (r"\mu",),
             lambda y, mu, p: anp.sum(-y * mu ** (1 - p) / (1 - p) + mu ** (2 - p) / (2 - p)),
             domain={"y": "count", "mu": "positive", "p": "power12"}, scale=("mu",)),
    UserLoss("poisson-rate", "regression",
             r"L = \frac{1}{N}\sum_{n=1}^{N} \left(\lambda_n - y_n \log \lambda_n\right)", ("w", "b"),
             lambda x, w, b, y: anp.mean(anp.exp(x * w + b) - y * (x * w + b)),
             define=(r"\lambda_n = e^{x_n w + b}",), domain={"y": "count"}, zero=("w", "b")),
    UserLoss("poisson-log-eps", "regression", r"L = \sum_{n=1}^{N} \left(\lambda_n - y_n \log(\lambda_n + \epsilon)\right)",
             (r"\lambda",), lambda y, lambda_, epsilon: anp.sum(lambda_ - y * anp.log(lambda_ + epsilon)),
             domain={"y": "count", "lambda_": "positive", "epsilon": "small"}, scale=("lambda_",),
             zero=("lambda_",)),
    UserLoss("poisson-glm-dot", "regression",
             r"L = \sum_{i=1}^{N} \left(\exp(w^\top x_i) - y_i w^\top x_i\right)", ("w",),
             lambda x, w, y: anp.sum(anp.exp(x @ w) - y * (x @ w)),
             given=(shape("x", "N", "D"), shape("w", "D"), shape("y", "N")), domain={"y": "count"}, zero=("w",)),
    UserLoss("ridge-sum", "regression",
             r"L = \frac{1}{2N}\sum_{n=1}^{N}(y_n - w x_n - b)^2 + \frac{\lambda}{2} w^2", ("w", "b", r"\lambda"),
             lambda x, w, b, y, lambda_: 0.5 * anp.mean((y - w * x - b) ** 2) + 0.5 * lambda_ * w**2,
             domain={"lambda_": "positive"}, scale=("w", "b"), zero=("w", "b"), offset=TARGETS),
]
