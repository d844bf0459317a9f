"""Normalisation layers with an upstream gradient g = dL/dy: batchnorm, layernorm, RMSNorm.

Each layer's loss is L = sum g ⊙ y (the vector-Jacobian product, as backprop is taught), so
dL/dx is the layer's backward pass. The statistics mu, v and the normalised x̂ are named
nodes: the derivation folds back into them and uses what holds by construction
(sum x̂ = 0, sum x̂² = N v/(v + ε)).
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N, D = size("N"), size("D")
n, k, d = index("n", N), index("k", N), index("d", D)
eps, L = tensor("epsilon"), tensor("L")
x, g, xhat, y = tensor("x", N, D), tensor("g", N, D), tensor("xhat", N, D), tensor("y", N, D)


def _batchnorm() -> Entry:
    """Training mode: each feature d is normalised over the batch n = 1..N."""
    gamma, beta, mu, v = tensor("gamma", D), tensor("beta", D), tensor("mu", D), tensor("v", D)
    definitions = (
        Definition(mu[d], sp.Sum(x[k, d], (k, 1, N)) / N),
        Definition(v[d], sp.Sum((x[k, d] - mu[d]) ** 2, (k, 1, N)) / N),
        Definition(xhat[n, d], (x[n, d] - mu[d]) / sp.sqrt(v[d] + eps)),
        Definition(y[n, d], gamma[d] * xhat[n, d] + beta[d]),
        Definition(L, sp.Sum(g[n, d] * y[n, d], (n, 1, N), (d, 1, D))),
    )
    return Entry(
        "batchnorm", "Batch normalisation (training mode) with an upstream gradient",
        "mu, v: mean and variance of each feature over the batch; x̂ = (x - mu)/sqrt(v + ε); y = γ x̂ + β; "
        "L = sum g ⊙ y; dL/dx_ij = γ_j/(N sqrt(v_j + ε)) (N g_ij - sum_n g_nj - x̂_ij sum_n g_nj x̂_nj)",
        Graph(definitions, (x, g, gamma, beta, eps), "L"), ("x", "gamma", "beta"),
        {"x": ("i", "j"), "gamma": ("j",), "beta": ("j",)})


def _layernorm() -> Entry:
    """Each sample n is normalised over its features d = 1..D."""
    f = index("f", D)
    gamma, beta, mu, v = tensor("gamma", D), tensor("beta", D), tensor("mu", N), tensor("v", N)
    definitions = (
        Definition(mu[n], sp.Sum(x[n, f], (f, 1, D)) / D),
        Definition(v[n], sp.Sum((x[n, f] - mu[n]) ** 2, (f, 1, D)) / D),
        Definition(xhat[n, d], (x[n, d] - mu[n]) / sp.sqrt(v[n] + eps)),
        Definition(y[n, d], gamma[d] * xhat[n, d] + beta[d]),
        Definition(L, sp.Sum(g[n, d] * y[n, d], (n, 1, N), (d, 1, D))),
    )
    return Entry(
        "layernorm", "Layer normalisation with an upstream gradient",
        "mu, v: mean and variance of each sample over its features; x̂ = (x - mu)/sqrt(v + ε); y = γ ⊙ x̂ + β; "
        "L = sum g ⊙ y; with ĝ = γ ⊙ g: dL/dx_ij = 1/(D sqrt(v_i + ε)) (D ĝ_ij - sum_f ĝ_if - x̂_ij sum_f ĝ_if x̂_if)",
        Graph(definitions, (x, g, gamma, beta, eps), "L"), ("x", "gamma", "beta"),
        {"x": ("i", "j"), "gamma": ("j",), "beta": ("j",)})


def _rmsnorm() -> Entry:
    """Each sample is divided by the root mean square of its features (no centring, no shift)."""
    f = index("f", D)
    gamma, r = tensor("gamma", D), tensor("r", N)
    definitions = (
        Definition(r[n], sp.sqrt(sp.Sum(x[n, f] ** 2, (f, 1, D)) / D + eps)),
        Definition(y[n, d], gamma[d] * x[n, d] / r[n]),
        Definition(L, sp.Sum(g[n, d] * y[n, d], (n, 1, N), (d, 1, D))),
    )
    return Entry(
        "rmsnorm", "RMS normalisation with an upstream gradient",
        "r = sqrt(mean of x² over the features + ε); y = γ ⊙ x / r; L = sum g ⊙ y; "
        "dL/dx_ij = γ_j g_ij / r_i - x_ij sum_f γ_f g_if x_if / (D r_i³)",
        Graph(definitions, (x, g, gamma, eps), "L"), ("x", "gamma"), {"x": ("i", "j"), "gamma": ("j",)})


ENTRIES = {e.name: e for e in (_batchnorm(), _layernorm(), _rmsnorm())}
