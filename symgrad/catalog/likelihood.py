"""Negative log-likelihoods: Poisson (on the log rate) and Gaussian (mean and variance)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
n = index("n", N)
z, y, mu, v, L = tensor("z", N), tensor("y", N), tensor("mu", N), tensor("v", N), tensor("L")

ENTRIES = {
    "poisson-nll": Entry(
        "poisson-nll", "Poisson negative log-likelihood on the log rate",
        "L = 1/N sum_n (e^{z_n} - y_n z_n), constant log y! dropped; dL/dz_j = (e^{z_j} - y_j)/N",
        Graph((Definition(L, sp.Sum(sp.exp(z[n]) - y[n] * z[n], (n, 1, N)) / N),), (z, y), "L"), ("z",),
        {"z": ("j",)},
    ),
    "gaussian-nll": Entry(
        "gaussian-nll", "Gaussian negative log-likelihood with a predicted variance",
        "L = 1/N sum_n (log v_n + (y_n - mu_n)^2 / v_n) / 2, constant dropped",
        Graph((Definition(L, sp.Sum(sp.log(v[n]) + (y[n] - mu[n]) ** 2 / v[n], (n, 1, N)) / (2 * N)),),
              (mu, v, y), "L"),
        ("mu", "v"), {"mu": ("j",), "v": ("j",)},
    ),
}
