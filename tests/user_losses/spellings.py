"""Tricky spellings of familiar losses: the sigmoid as e^z/(1+e^z), log(1 + e^{-yz}), max(0, .), absolute values,
sqrt(. + eps), \\ln, \\tfrac, \\cdot, \\limits, \\left|...\\right|, \\mathcal{L}, \\frac12, \\mathrm{e}, tanh written out."""

from __future__ import annotations

import math

import autograd.numpy as anp

from .case import UserLoss, log_sigmoid, log_softmax, relu, shape, softmax, softplus

LOGITS = ("z",)


def _bce(z, y):
    return softplus(z) - y * z


CASES = [
    UserLoss("sigmoid-as-exp-fraction", "spellings",
             r"L = -\sum_{n=1}^{N}\left[y_n \log\frac{e^{z_n}}{1 + e^{z_n}} + (1 - y_n)\log\frac{1}{1 + e^{z_n}}\right]",
             LOGITS, lambda z, y: anp.sum(_bce(z, y)), domain={"y": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("sigmoid-one-over-defined", "spellings",
             r"L = -\sum_{n=1}^{N} y_n\log p_n + (1 - y_n)\log(1 - p_n)", LOGITS,
             lambda z, y: anp.sum(_bce(z, y)), define=(r"p_n = \frac{1}{1 + e^{-z_n}}",), domain={"y": "binary"},
             scale=LOGITS, zero=LOGITS),
    UserLoss("sigmoid-exp-command", "spellings",
             r"L = -\sum_{n=1}^{N} \left(y_n\log p_n + (1 - y_n)\log(1 - p_n)\right)", LOGITS,
             lambda z, y: anp.sum(_bce(z, y)), define=(r"p_n = \frac{1}{1 + \exp(-z_n)}",), domain={"y": "binary"},
             scale=LOGITS, zero=LOGITS),
    UserLoss("log1p-exp-neg-yz", "spellings", r"L = \sum_{i=1}^{N} \log(1 + e^{-y_i z_i})", LOGITS,
             lambda y, z: anp.sum(softplus(-y * z)), domain={"y": "sign"}, scale=LOGITS, zero=LOGITS),
    UserLoss("ln-logistic", "spellings", r"L = \sum_{i=1}^{N} \ln\left(1 + \exp(-y_i z_i)\right)", LOGITS,
             lambda y, z: anp.sum(softplus(-y * z)), domain={"y": "sign"}, scale=LOGITS, zero=LOGITS),
    UserLoss("mathrm-e-logistic", "spellings", r"L = \sum_{i=1}^{N} \log\left(1 + \mathrm{e}^{-y_i z_i}\right)", LOGITS,
             lambda y, z: anp.sum(softplus(-y * z)), domain={"y": "sign"}, scale=LOGITS, zero=LOGITS),
    UserLoss("log-sigmoid-margin", "spellings", r"L = -\sum_{i=1}^{N} \log \sigma(y_i z_i)", LOGITS,
             lambda y, z: -anp.sum(log_sigmoid(y * z)), domain={"y": "sign"}, scale=LOGITS, zero=LOGITS),
    UserLoss("relu-regression-max", "spellings",
             r"L = \frac{1}{2}\sum_{n=1}^{N} \left(\max(0, w x_n + b) - y_n\right)^2", ("w", "b"),
             lambda x, w, b, y: 0.5 * anp.sum((relu(w * x + b) - y) ** 2), scale=("w", "b")),
    UserLoss("abs-with-left-right", "spellings", r"\mathcal{L} = \sum_{n=1}^{N} \left| y_n - w \cdot x_n \right|", ("w",),
             lambda y, w, x: anp.sum(anp.abs(y - w * x)), scale=("w",), offset=("y",)),
    UserLoss("sqrt-plus-eps", "spellings", r"L = \sum_{n=1}^{N} \sqrt{(y_n - w x_n)^2 + \epsilon}", ("w",),
             lambda y, w, x, epsilon: anp.sum(anp.sqrt((y - w * x) ** 2 + epsilon)),
             domain={"epsilon": "small"}, scale=("w",), zero=("w", "y")),
    UserLoss("tfrac-half-sum-limits", "spellings",
             r"L = \tfrac{1}{2}\sum\limits_{i=1}^{N} (y_i - w x_i)^2", ("w",),
             lambda y, w, x: 0.5 * anp.sum((y - w * x) ** 2), scale=("w",), zero=("w",)),
    UserLoss("frac12-shorthand", "spellings", r"L = \frac12 \sum_{i=1}^{N} (w x_i - y_i)^2", ("w",),
             lambda x, w, y: 0.5 * anp.sum((w * x - y) ** 2), scale=("w",), zero=("w",)),
    UserLoss("dfrac-mean", "spellings", r"L = \dfrac{1}{N}\displaystyle\sum_{i=1}^{N} (y_i - w x_i)^2", ("w",),
             lambda y, w, x: anp.mean((y - w * x) ** 2), scale=("w",), zero=("w",)),
    UserLoss("tanh-written-out", "spellings",
             r"L = \sum_{n=1}^{N} \left(y_n - \frac{e^{z_n} - e^{-z_n}}{e^{z_n} + e^{-z_n}}\right)^2", LOGITS,
             lambda y, z: anp.sum((y - anp.tanh(z)) ** 2), scale=LOGITS, zero=LOGITS),
    UserLoss("softplus-beta", "spellings", r"L = \sum_{n=1}^{N} \frac{1}{\beta}\log\left(1 + e^{\beta x_n}\right)",
             ("x", r"\beta"), lambda x, beta: anp.sum(softplus(beta * x) / beta), domain={"beta": "positive"},
             scale=("x",), zero=("x",)),
    UserLoss("hinge-plus-subscript", "spellings", r"L = \sum_{i=1}^{N} [1 - y_i z_i]_+", LOGITS,
             lambda y, z: anp.sum(relu(1 - y * z)), domain={"y": "sign"}, scale=LOGITS),
    UserLoss("log-loss-with-cdot", "spellings",
             r"L = -\frac{1}{N}\sum_{i=1}^{N} \left(y_i \cdot \log(\hat{p}_i) + (1 - y_i) \cdot \log(1 - \hat{p}_i)\right)",
             LOGITS, lambda y, z: anp.mean(_bce(z, y)), define=(r"\hat{p}_i = \sigma(z_i)",),
             domain={"y": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("gaussian-with-pi", "spellings",
             r"L = \sum_{n=1}^{N} \left(\frac{1}{2}\log(2\pi s^2) + \frac{(y_n - m)^2}{2 s^2}\right)", ("m", "s"),
             lambda y, m, s: anp.sum(0.5 * anp.log(2 * math.pi * s**2) + (y - m) ** 2 / (2 * s**2)),
             domain={"s": "positive"}, offset=("y", "m")),
    UserLoss("attention-size-named-e", "spellings", r"L = \sum_{t=1}^{T}\sum_{k=1}^{e} C_{tk} O_{tk}", ("Q",),
             lambda Q, K, V, C: anp.sum(C * (softmax(Q @ K.T / math.sqrt(Q.shape[-1])) @ V)),
             define=(r"S_{ts} = \frac{1}{\sqrt{D}}\sum_{d=1}^{D} Q_{td} K_{sd}",
                     r"A_{ts} = \frac{e^{S_{ts}}}{\sum_{r=1}^{T} e^{S_{tr}}}", r"O_{tk} = \sum_{s=1}^{T} A_{ts} V_{sk}"),
             given=(shape("Q", "T", "D"), shape("K", "T", "D"), shape("V", "T", "e"), shape("C", "T", "e")),
             scale=("Q",)),
    UserLoss("policy-named-pi", "spellings", r"L = -A\sum_{k=1}^{K} y_k \log\pi_k", LOGITS,
             lambda z, y, A: -A * anp.sum(y * log_softmax(z)),
             define=(r"\pi_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}",), given=(shape("z", "K"), shape("y", "K")),
             domain={"y": "onehot"}, scale=LOGITS, zero=LOGITS, offset=LOGITS),
    UserLoss("softmax-written-sigma", "spellings", r"L = -\sum_{k=1}^{K} y_k \log\sigma(z)_k", LOGITS,
             lambda z, y: -anp.sum(y * log_softmax(z)), given=(shape("z", "K"), shape("y", "K")),
             domain={"y": "onehot"}, scale=LOGITS, zero=LOGITS, offset=LOGITS),
    UserLoss("logistic-w-transpose-x", "spellings", r"L = -y\log\hat{y} - (1 - y)\log(1 - \hat{y})", ("w", "b"),
             lambda w, x, b, y: softplus(w @ x + b) - y * (w @ x + b), define=(r"\hat{y} = \sigma(w^T x + b)",),
             given=(shape("w", "D"), shape("x", "D")), domain={"y": "binary"}, scale=("w", "b"), zero=("w", "b")),
    UserLoss("ng-sample-superscripts", "spellings",
             r"J = \frac{1}{2m}\sum_{i=1}^{m}\left(\theta_0 + \theta_1 x^{(i)} - y^{(i)}\right)^2",
             (r"\theta_0", r"\theta_1"),
             lambda x, y, theta_0, theta_1: anp.sum((theta_0 + theta_1 * x - y) ** 2) / (2 * x.shape[-1]),
             scale=("theta_0", "theta_1"), zero=("theta_0", "theta_1"), offset=("theta_0", "y")),
    UserLoss("ng-hypothesis-function", "spellings",
             r"J(\theta) = -\frac{1}{m}\sum_{i=1}^{m}\left[y^{(i)}\log h_\theta(x^{(i)}) + (1 - y^{(i)})"
             r"\log(1 - h_\theta(x^{(i)}))\right]", (r"\theta",),
             lambda x, y, theta: anp.mean(softplus(x @ theta) - y * (x @ theta)), domain={"y": "binary"}),
]
