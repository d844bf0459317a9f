"""Kullback-Leibler divergence KL(y || q) of a predicted distribution q from a target y."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
k = index("k", N)
y, q, L = tensor("y", N), tensor("q", N), tensor("L")

ENTRIES = {
    "kl-divergence": Entry(
        "kl-divergence", "Kullback-Leibler divergence", "L = sum_k y_k log(y_k / q_k); dL/dq_j = -y_j/q_j",
        Graph((Definition(L, sp.Sum(y[k] * (sp.log(y[k]) - sp.log(q[k])), (k, 1, N))),), (y, q), "L"),
        ("q",), {"q": ("j",)},
    ),
}
