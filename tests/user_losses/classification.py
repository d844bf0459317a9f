"""Classification losses as people type them: BCE (on probabilities, on logits), softmax cross-entropy written out,
hinge variants, class weights, focal, Dice, label smoothing."""

from __future__ import annotations

import autograd.numpy as anp

from .case import UserLoss, log_sigmoid, log_softmax, logsumexp, relu, shape, sigmoid, softmax, softplus

LOGITS = ("z",)
CLASSES = (shape("z", "K"), shape("y", "K"))
BATCH = (shape("z", "N", "K"), shape("y", "N", "K"))
SHIFTABLE = {"scale": LOGITS, "zero": LOGITS, "offset": LOGITS}  # softmax logits: every input kind applies


def _bce_logits(z, y):
    return softplus(z) - y * z


def _focal_binary(z, y, alpha, gamma):
    p, log_p, log_q = sigmoid(z), log_sigmoid(z), log_sigmoid(-z)
    return -(alpha * y * (1 - p) ** gamma * log_p + (1 - alpha) * (1 - y) * p**gamma * log_q)


CASES = [
    UserLoss("bce-probabilities", "classification",
             r"L = -\frac{1}{N}\sum_{i=1}^{N}\left[y_i\log(p_i) + (1-y_i)\log(1-p_i)\right]", ("p",),
             lambda p, y: -anp.mean(y * anp.log(p) + (1 - y) * anp.log1p(-p)), domain={"p": "unit", "y": "binary"}),
    UserLoss("bce-sigmoid-inline", "classification",
             r"L = -\sum_{n=1}^{N}\left[y_n \log\sigma(z_n) + (1-y_n)\log(1-\sigma(z_n))\right]", LOGITS,
             lambda z, y: anp.sum(_bce_logits(z, y)), domain={"y": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("bce-pytorch-weighted", "classification",
             r"\ell = \frac{1}{N}\sum_{n=1}^{N} -w_n\left[y_n \log \sigma(x_n) + (1 - y_n)\log(1 - \sigma(x_n))\right]",
             ("x",), lambda x, y, w: anp.mean(w * _bce_logits(x, y)), domain={"y": "binary", "w": "positive"},
             scale=("x",), zero=("x",)),
    UserLoss("bce-tensorflow-stable", "classification",
             r"L = \sum_{n=1}^{N} \max(z_n, 0) - z_n y_n + \log(1 + e^{-|z_n|})", LOGITS,
             lambda z, y: anp.sum(_bce_logits(z, y)), domain={"y": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("bce-tensorflow-stable-bracketed", "classification",
             r"L = \sum_{n=1}^{N} \left(\max(z_n, 0) - z_n y_n + \log(1 + e^{-|z_n|})\right)", LOGITS,
             lambda z, y: anp.sum(_bce_logits(z, y)), domain={"y": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("logistic-pm1-labels", "classification", r"L = \sum_{i=1}^{N} \log\left(1 + e^{-y_i (w x_i + b)}\right)",
             ("w", "b"), lambda x, w, b, y: anp.sum(softplus(-y * (w * x + b))), domain={"y": "sign"},
             scale=("w", "b"), zero=("w", "b")),
    UserLoss("ce-softmax-inline", "classification",
             r"L = -\sum_{k=1}^{K} y_k \log\frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}", LOGITS,
             lambda z, y: -anp.sum(y * log_softmax(z)), given=CLASSES, domain={"y": "onehot"},
             **SHIFTABLE),
    UserLoss("ce-bishop-batch", "classification",
             r"E = -\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{K} t_{nk}\ln y_{nk}", ("a",),
             lambda a, t: -anp.sum(t * log_softmax(a)) / a.shape[0],
             define=(r"y_{nk} = \frac{\exp(a_{nk})}{\sum_{j=1}^{K}\exp(a_{nj})}",),
             given=(shape("a", "N", "K"), shape("t", "N", "K")), domain={"t": "onehot"},
             scale=("a",), zero=("a",), offset=("a",)),
    UserLoss("ce-logsumexp-form", "classification",
             r"L = \log\sum_{j=1}^{K} e^{z_j} - \sum_{k=1}^{K} y_k z_k", LOGITS,
             lambda z, y: logsumexp(z) - anp.sum(y * z), given=CLASSES, domain={"y": "onehot"},
             **SHIFTABLE),
    UserLoss("ce-softmax-operator", "classification",
             r"L = -\sum_{n=1}^{N}\sum_{k=1}^{K} y_{nk}\log\mathrm{softmax}(z_n)_k", LOGITS,
             lambda z, y: -anp.sum(y * log_softmax(z)), given=BATCH, domain={"y": "onehot"},
             **SHIFTABLE),
    UserLoss("ce-cs231n-label-index", "classification",
             r"L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)", ("f",),
             lambda f, y: -anp.sum(log_softmax(f) * y), given=(shape("f", "K"),), domain={"y": "onehot"},
             scale=("f",), offset=("f",)),
    UserLoss("class-weighted-ce", "classification",
             r"L = -\sum_{n=1}^{N}\sum_{c=1}^{C} w_c\, y_{nc}\log p_{nc}", ("z",),
             lambda z, y, w: -anp.sum(w * y * log_softmax(z)),
             define=(r"p_{nc} = \frac{e^{z_{nc}}}{\sum_{j=1}^{C} e^{z_{nj}}}",),
             given=(shape("z", "N", "C"), shape("y", "N", "C"), shape("w", "C")),
             domain={"y": "onehot", "w": "positive"}, scale=("z",), zero=("z",), offset=("z",)),
    UserLoss("multiclass-hinge-onehot", "classification",
             r"L = \sum_{j=1}^{K} (1 - y_j)\max\left(0, s_j - \sum_{k=1}^{K} y_k s_k + \Delta\right)", ("s",),
             lambda s, y, Delta: anp.sum((1 - y) * relu(s - anp.sum(y * s) + Delta)),
             given=(shape("s", "K"), shape("y", "K")), domain={"y": "onehot", "Delta": "positive"},
             scale=("s",), offset=("s",)),
    UserLoss("multiclass-hinge-cs231n", "classification",
             r"L_i = \sum_{j \neq y_i} \max(0, s_j - s_{y_i} + \Delta)", ("s",),
             lambda s, y, Delta: anp.sum((1 - y) * relu(s - anp.sum(y * s) + Delta)),
             given=(shape("s", "K"),), domain={"y": "onehot", "Delta": "positive"}, scale=("s",), offset=("s",)),
    UserLoss("hinge-svm-primal", "classification",
             r"L = \frac{\lambda}{2}\sum_{d=1}^{D} w_d^2 + \sum_{n=1}^{N}\max\left(0, 1 - y_n\left(\sum_{d=1}^{D} "
             r"X_{nd} w_d + b\right)\right)", ("w", "b"),
             lambda X, w, b, y, lambda_: 0.5 * lambda_ * anp.sum(w**2) + anp.sum(relu(1 - y * (X @ w + b))),
             given=(shape("X", "N", "D"), shape("w", "D"), shape("y", "N")),
             domain={"y": "sign", "lambda_": "positive"}, scale=("w", "b"), zero=("w", "b")),
    UserLoss("squared-hinge", "classification", r"L = \sum_{i=1}^{N} \max(0, 1 - y_i f_i)^2", ("f",),
             lambda y, f: anp.sum(relu(1 - y * f) ** 2), domain={"y": "sign"}, scale=("f",), zero=("f",)),
    UserLoss("focal-binary-alpha", "classification",
             r"FL = -\sum_{n=1}^{N}\left[\alpha y_n (1 - p_n)^\gamma \log p_n + (1 - \alpha)(1 - y_n) p_n^\gamma "
             r"\log(1 - p_n)\right]", LOGITS,
             lambda z, y, alpha, gamma: anp.sum(_focal_binary(z, y, alpha, gamma)),
             define=(r"p_n = \sigma(z_n)",), domain={"y": "binary", "alpha": "unit", "gamma": "positive"},
             scale=LOGITS, zero=LOGITS),
    UserLoss("focal-multiclass", "classification",
             r"FL(y, p) = -\sum_{c=1}^{C} y_c (1 - p_c)^\gamma \log(p_c)", LOGITS,
             lambda z, y, gamma: -anp.sum(y * (1 - softmax(z)) ** gamma * log_softmax(z)),
             define=(r"p = \mathrm{softmax}(z)",), given=(shape("z", "C"), shape("y", "C")),
             domain={"y": "onehot", "gamma": "positive"}, **SHIFTABLE),
    UserLoss("dice-soft-smooth", "classification",
             r"L = 1 - \frac{2\sum_{i=1}^{N} p_i g_i + \epsilon}{\sum_{i=1}^{N} p_i + \sum_{i=1}^{N} g_i + \epsilon}",
             ("p",), lambda p, g, epsilon: 1 - (2 * anp.sum(p * g) + epsilon) / (anp.sum(p) + anp.sum(g) + epsilon),
             domain={"p": "unit", "g": "binary", "epsilon": "positive"}, zero=("p",)),
    UserLoss("dice-vnet-squares", "classification",
             r"D = 1 - \frac{2\sum_{i}^{N} p_i g_i}{\sum_{i}^{N} p_i^2 + \sum_{i}^{N} g_i^2}", ("p",),
             lambda p, g: 1 - 2 * anp.sum(p * g) / (anp.sum(p**2) + anp.sum(g**2)),
             domain={"p": "unit", "g": "binary"}),
    UserLoss("dice-on-logits", "classification",
             r"L = 1 - \frac{2\sum_{i=1}^{N} \sigma(z_i) g_i + 1}{\sum_{i=1}^{N} \sigma(z_i) + \sum_{i=1}^{N} g_i + 1}",
             LOGITS, lambda z, g: 1 - (2 * anp.sum(sigmoid(z) * g) + 1) / (anp.sum(sigmoid(z)) + anp.sum(g) + 1),
             domain={"g": "binary"}, scale=LOGITS, zero=LOGITS),
    UserLoss("label-smoothing", "classification",
             r"L = -\sum_{k=1}^{K}\left((1 - \epsilon) y_k + \frac{\epsilon}{K}\right)\log p_k", LOGITS,
             lambda z, y, epsilon: -anp.sum(((1 - epsilon) * y + epsilon / z.shape[-1]) * log_softmax(z)),
             define=(r"p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}",), given=CLASSES,
             domain={"y": "onehot", "epsilon": "unit"}, **SHIFTABLE),
    UserLoss("bce-label-smoothing", "classification",
             r"L = -\sum_{n=1}^{N} \left[t_n \log \sigma(z_n) + (1 - t_n)\log(1 - \sigma(z_n))\right]", LOGITS,
             lambda z, y, epsilon: anp.sum(_bce_logits(z, y * (1 - epsilon) + 0.5 * epsilon)),
             define=(r"t_n = y_n (1 - \epsilon) + \frac{\epsilon}{2}",), domain={"y": "binary", "epsilon": "unit"},
             scale=LOGITS, zero=LOGITS),
    UserLoss("expected-cost-tempered", "classification",
             r"L = \frac{\sum_{k=1}^{K} c_k e^{z_k / \tau}}{\sum_{j=1}^{K} e^{z_j / \tau}}", ("z", r"\tau"),
             lambda z, c, tau: anp.sum(c * softmax(z / tau)), given=(shape("z", "K"), shape("c", "K")),
             domain={"tau": "positive"}, zero=LOGITS, offset=LOGITS),
]
