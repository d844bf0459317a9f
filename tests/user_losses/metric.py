"""Metric-learning losses as people type them: margin ranking, triplet, contrastive, InfoNCE, cosine similarity."""

from __future__ import annotations

import autograd.numpy as anp

from .case import UserLoss, log_softmax, logsumexp, relu, shape

EMBED = (shape("a", "D"), shape("p", "D"), shape("n", "D"))
PAIR = (shape("u", "K"), shape("v", "K"))


def _cosine(u, v):
    return anp.sum(u * v) / (anp.sqrt(anp.sum(u**2)) * anp.sqrt(anp.sum(v**2)))


def _contrastive(u, v, Y, m):
    d = anp.sqrt(anp.sum((u - v) ** 2))
    return (1 - Y) * 0.5 * d**2 + Y * 0.5 * relu(m - d) ** 2


CASES = [
    UserLoss("margin-ranking", "metric",
             r"L = \sum_{n=1}^{N} \max\left(0, -y_n (a_n - b_n) + m\right)", ("a", "b"),
             lambda y, a, b, m: anp.sum(relu(-y * (a - b) + m)), domain={"y": "sign", "m": "positive"},
             scale=("a", "b"), offset=("a", "b")),
    UserLoss("triplet-squared", "metric",
             r"L = \max\left(\|a - p\|_2^2 - \|a - n\|_2^2 + \alpha, 0\right)", ("a", "p", "n"),
             lambda a, p, n, alpha: relu(anp.sum((a - p) ** 2) - anp.sum((a - n) ** 2) + alpha), given=EMBED,
             domain={"alpha": "positive"}, scale=("a", "p", "n"), offset=("a", "p", "n")),
    UserLoss("triplet-norms", "metric", r"L = \max\left(\|a - p\| - \|a - n\| + m, 0\right)", ("a", "p", "n"),
             lambda a, p, n, m: relu(anp.sqrt(anp.sum((a - p) ** 2)) - anp.sqrt(anp.sum((a - n) ** 2)) + m),
             given=EMBED, domain={"m": "positive"}, scale=("a", "p", "n"), offset=("a", "p", "n")),
    UserLoss("triplet-sums", "metric",
             r"L = \sum_{i=1}^{N}\left[\sum_{d=1}^{D}(A_{id} - P_{id})^2 - \sum_{d=1}^{D}(A_{id} - Q_{id})^2 + \alpha\right]_+",
             ("A",), lambda A, P, Q, alpha: anp.sum(relu(anp.sum((A - P) ** 2, axis=1) - anp.sum((A - Q) ** 2, axis=1)
                                                         + alpha)),
             given=(shape("A", "N", "D"), shape("P", "N", "D"), shape("Q", "N", "D")), domain={"alpha": "positive"},
             scale=("A", "P", "Q"), offset=("A", "P", "Q")),
    UserLoss("contrastive-hadsell", "metric",
             r"L = (1 - Y)\frac{1}{2} D^2 + Y \frac{1}{2}\max(0, m - D)^2", ("u", "v"), _contrastive,
             define=(r"D = \|u - v\|_2",), given=PAIR, domain={"Y": "binary", "m": "positive"},
             offset=("u", "v")),
    UserLoss("contrastive-squared-distance", "metric",
             r"L = \frac{1}{2}\sum_{n=1}^{N}\left(y_n d_n^2 + (1 - y_n)\max(0, m - d_n)^2\right)", ("X",),
             lambda X, Z, y, m: 0.5 * anp.sum(y * anp.sum((X - Z) ** 2, axis=1)
                                               + (1 - y) * relu(m - anp.sqrt(anp.sum((X - Z) ** 2, axis=1))) ** 2),
             define=(r"d_n = \sqrt{\sum_{k=1}^{K}(X_{nk} - Z_{nk})^2}",),
             given=(shape("X", "N", "K"), shape("Z", "N", "K"), shape("y", "N")),
             domain={"y": "binary", "m": "positive"}, offset=("X", "Z")),
    UserLoss("cosine-embedding", "metric", r"L = 1 - \frac{u^\top v}{\|u\| \|v\|}", ("u", "v"),
             lambda u, v: 1 - _cosine(u, v), given=PAIR, scale=("u", "v")),
    UserLoss("cosine-similarity-sums", "metric",
             r"\cos\theta = \frac{\sum_{i=1}^{n} A_i B_i}{\sqrt{\sum_{i=1}^{n} A_i^2}\sqrt{\sum_{i=1}^{n} B_i^2}}",
             ("A", "B"), lambda A, B: _cosine(A, B), scale=("A", "B")),
    UserLoss("infonce-batch", "metric",
             r"L = -\frac{1}{N}\sum_{i=1}^{N}\log\frac{\exp(S_{ii}/\tau)}{\sum_{j=1}^{N}\exp(S_{ij}/\tau)}", ("a", "b"),
             lambda a, b, tau: -anp.mean(anp.diag(log_softmax(a @ b.T / tau))),
             define=(r"S_{ij} = \sum_{d=1}^{D} a_{id} b_{jd}",), given=(shape("a", "N", "D"), shape("b", "N", "D")),
             domain={"tau": "positive"}, scale=("a",)),
    UserLoss("infonce-query-keys", "metric",
             r"L = -\log\frac{e^{q^\top k_0/\tau}}{\sum_{j=0}^{K} e^{q^\top k_j/\tau}}", ("q",),
             lambda q, k, tau: -log_softmax(k @ q / tau)[0], given=(shape("q", "D"), shape("k", "K", "D")),
             domain={"tau": "positive"}, scale=("q",)),
    UserLoss("infonce-positive-in-sum", "metric",
             r"L = -\log\frac{\exp(s_p/\tau)}{\exp(s_p/\tau) + \sum_{j=1}^{K}\exp(s_j/\tau)}", ("s", "s_p"),
             lambda s, s_p, tau: -(s_p / tau - logsumexp(anp.concatenate([anp.reshape(s_p / tau, (1,)), s / tau]))),
             given=(shape("s", "K"),), domain={"tau": "positive"}, scale=("s", "s_p"), offset=("s", "s_p")),
    UserLoss("center-loss", "metric", r"L_C = \frac{1}{2}\sum_{i=1}^{m}\|x_i - c\|_2^2", ("x", "c"),
             lambda x, c: 0.5 * anp.sum((x - c) ** 2), given=(shape("x", "m", "D"), shape("c", "D")),
             scale=("x", "c"), zero=("x", "c"), offset=("x", "c")),
    UserLoss("center-loss-sums", "metric",
             r"L = \frac{1}{2}\sum_{i=1}^{M}\sum_{d=1}^{D}(x_{id} - c_d)^2", ("x", "c"),
             lambda x, c: 0.5 * anp.sum((x - c) ** 2), given=(shape("x", "M", "D"), shape("c", "D")),
             scale=("x", "c"), zero=("x", "c"), offset=("x", "c")),
    UserLoss("pairwise-squared-distances", "metric",
             r"L = \frac{1}{N K}\sum_{n=1}^{N}\sum_{k=1}^{K}(x_n - y_k)^2", ("x", "y"),
             lambda x, y: anp.sum((x[:, None] - y[None, :]) ** 2) / (x.shape[0] * y.shape[0]),
             given=(shape("x", "N"), shape("y", "K")), scale=("x", "y"), zero=("x", "y"), offset=("x", "y")),
    UserLoss("pairwise-distances-embeddings", "metric",
             r"L = \sum_{i=1}^{N}\sum_{j=1}^{M}\sum_{d=1}^{D}(X_{id} - Y_{jd})^2", ("X", "Y"),
             lambda X, Y: anp.sum((X[:, None, :] - Y[None, :, :]) ** 2),
             given=(shape("X", "N", "D"), shape("Y", "M", "D")), scale=("X", "Y"), zero=("X", "Y"),
             offset=("X", "Y")),
]
