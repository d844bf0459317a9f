"""Layers as people type them, each under a random linear read-out so that the loss is a number: batchnorm,
layernorm, RMSNorm, swish, GELU (erf and tanh forms), softmax attention, an MLP, leaky ReLU, mish."""

from __future__ import annotations

import math

import autograd.numpy as anp

from .case import UserLoss, erf, relu, shape, sigmoid, softmax, softplus

VEC = (shape("x", "m"), shape("c", "m"))
ATTN = (shape("Q", "T", "D"), shape("K", "T", "D"), shape("V", "T", "E"), shape("C", "T", "E"))


def _batchnorm(x, c, gamma, beta, epsilon):
    mu = anp.mean(x)
    var = anp.mean((x - mu) ** 2)
    return anp.sum(c * (gamma * (x - mu) / anp.sqrt(var + epsilon) + beta))


def _layernorm(a, g, b, c, epsilon):
    mu = anp.mean(a)
    return anp.sum(c * (g * (a - mu) / anp.sqrt(anp.mean((a - mu) ** 2) + epsilon) + b))


def _gelu_tanh(x):
    return 0.5 * x * (1 + anp.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def _attention(Q, K, V, C):
    return anp.sum(C * (softmax(Q @ K.T / math.sqrt(Q.shape[-1])) @ V))


CASES = [
    UserLoss("batchnorm-ioffe-szegedy", "layers", r"L = \sum_{i=1}^{m} c_i y_i", ("x", r"\gamma", r"\beta"),
             _batchnorm,
             define=(r"\mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i", r"\sigma_B^2 = \frac{1}{m}\sum_{i=1}^{m}(x_i - \mu_B)^2",
                     r"\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}", r"y_i = \gamma\hat{x}_i + \beta"),
             given=VEC, domain={"epsilon": "small"}, scale=("x",), offset=("x",)),
    UserLoss("batchnorm-named-variance", "layers", r"L = \sum_{i=1}^{m} c_i y_i", ("x", r"\gamma", r"\beta"),
             _batchnorm,
             define=(r"\mu = \frac{1}{m}\sum_{i=1}^{m} x_i", r"v = \frac{1}{m}\sum_{i=1}^{m}(x_i - \mu)^2",
                     r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{v + \epsilon}}", r"y_i = \gamma\hat{x}_i + \beta"),
             given=VEC, domain={"epsilon": "small"}, scale=("x",), offset=("x",)),
    UserLoss("layernorm-ba", "layers", r"L = \sum_{i=1}^{H} c_i h_i", ("a", "g", "b"), _layernorm,
             define=(r"\mu = \frac{1}{H}\sum_{i=1}^{H} a_i", r"\sigma = \sqrt{\frac{1}{H}\sum_{i=1}^{H}(a_i - \mu)^2 + \epsilon}",
                     r"h_i = g_i \frac{a_i - \mu}{\sigma} + b_i"),
             given=(shape("a", "H"), shape("g", "H"), shape("b", "H"), shape("c", "H")),
             domain={"epsilon": "small"}, scale=("a",), offset=("a",)),
    UserLoss("rmsnorm", "layers", r"L = \sum_{i=1}^{n} c_i \bar{a}_i", ("a", "g"),
             lambda a, g, c, epsilon: anp.sum(c * a / anp.sqrt(anp.mean(a**2) + epsilon) * g),
             define=(r"r = \sqrt{\frac{1}{n}\sum_{i=1}^{n} a_i^2 + \epsilon}", r"\bar{a}_i = \frac{a_i}{r} g_i"),
             given=(shape("a", "n"), shape("g", "n"), shape("c", "n")), domain={"epsilon": "small"},
             scale=("a",), zero=("a",)),
    UserLoss("swish", "layers", r"L = \sum_{n=1}^{N} c_n x_n \sigma(\beta x_n)", ("x", r"\beta"),
             lambda c, x, beta: anp.sum(c * x * sigmoid(beta * x)), scale=("x",), zero=("x",)),
    UserLoss("silu-fraction", "layers", r"L = \sum_{n=1}^{N} c_n \frac{x_n}{1 + e^{-x_n}}", ("x",),
             lambda c, x: anp.sum(c * x * sigmoid(x)), scale=("x",), zero=("x",)),
    UserLoss("gelu-tanh", "layers",
             r"L = \sum_{n=1}^{N} c_n \cdot 0.5 x_n\left(1 + \tanh\left[\sqrt{2/\pi}\left(x_n + 0.044715 x_n^3\right)\right]"
             r"\right)", ("x",), lambda c, x: anp.sum(c * _gelu_tanh(x)), scale=("x",), zero=("x",)),
    UserLoss("gelu-erf", "layers",
             r"L = \sum_{n=1}^{N} c_n \frac{x_n}{2}\left(1 + \mathrm{erf}\left(\frac{x_n}{\sqrt{2}}\right)\right)", ("x",),
             lambda c, x: anp.sum(c * 0.5 * x * (1 + erf(x / math.sqrt(2)))),
             scale=("x",), zero=("x",)),
    UserLoss("softmax-attention", "layers", r"L = \sum_{t=1}^{T}\sum_{k=1}^{E} C_{tk} O_{tk}", ("Q", "K", "V"),
             _attention,
             define=(r"S_{ts} = \frac{1}{\sqrt{D}}\sum_{d=1}^{D} Q_{td} K_{sd}",
                     r"A_{ts} = \frac{\exp(S_{ts})}{\sum_{r=1}^{T}\exp(S_{tr})}", r"O_{tk} = \sum_{s=1}^{T} A_{ts} V_{sk}"),
             given=ATTN, scale=("Q",), zero=("Q", "K")),
    UserLoss("mlp-tanh-one-sample", "layers", r"L = \frac{1}{2}(\hat{y} - y)^2", ("W", "b", "v", "c"),
             lambda x, W, b, v, c, y: 0.5 * (anp.sum(v * anp.tanh(W @ x + b)) + c - y) ** 2,
             define=(r"h_j = \tanh\left(\sum_{i=1}^{D} W_{ji} x_i + b_j\right)", r"\hat{y} = \sum_{j=1}^{H} v_j h_j + c"),
             given=(shape("x", "D"), shape("W", "H", "D"), shape("b", "H"), shape("v", "H")),
             scale=("W",), zero=("W", "b", "v")),
    UserLoss("mlp-relu-batch", "layers",
             r"L = \frac{1}{N}\sum_{n=1}^{N}\left(\sum_{j=1}^{J} H_{nj} v_j - y_n\right)^2", ("W", "b", "v"),
             lambda X, W, b, v, y: anp.mean((relu(X @ W + b) @ v - y) ** 2),
             define=(r"H_{nj} = \max\left(0, \sum_{d=1}^{D} X_{nd} W_{dj} + b_j\right)",),
             given=(shape("X", "N", "D"), shape("W", "D", "J"), shape("b", "J"), shape("v", "J"), shape("y", "N")),
             scale=("W",)),
    UserLoss("leaky-relu", "layers", r"L = \sum_{n=1}^{N} c_n \max(\alpha x_n, x_n)", ("x",),
             lambda c, x, alpha: anp.sum(c * anp.maximum(alpha * x, x)), domain={"alpha": "small"},
             scale=("x",), offset=("x",)),
    UserLoss("mish", "layers", r"L = \sum_{n=1}^{N} c_n x_n \tanh\left(\ln\left(1 + e^{x_n}\right)\right)", ("x",),
             lambda c, x: anp.sum(c * x * anp.tanh(softplus(x))), scale=("x",), zero=("x",)),
    UserLoss("elu-cases", "layers",
             r"L = \sum_{n=1}^{N} c_n \begin{cases} x_n & x_n > 0 \\ \alpha (e^{x_n} - 1) & \text{otherwise}\end{cases}",
             ("x",), lambda c, x, alpha: anp.sum(c * anp.where(x > 0, x, alpha * (anp.exp(anp.minimum(x, 0.0)) - 1))),
             domain={"alpha": "positive"}, scale=("x",)),
]
