"""Margin losses on scores z with labels y in {-1, +1}: hinge and squared hinge (subgradients)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
n = index("n", N)
z, y, L = tensor("z", N), tensor("y", N), tensor("L")
margin = sp.Max(0, 1 - y[n] * z[n])

ENTRIES = {
    "hinge": Entry("hinge", "Hinge loss", "L = 1/N sum_n max(0, 1 - y_n z_n); a subgradient",
                   Graph((Definition(L, sp.Sum(margin, (n, 1, N)) / N),), (z, y), "L"), ("z",), {"z": ("j",)}),
    "squared-hinge": Entry("squared-hinge", "Squared hinge loss", "L = 1/N sum_n max(0, 1 - y_n z_n)^2",
                           Graph((Definition(L, sp.Sum(margin**2, (n, 1, N)) / N),), (z, y), "L"), ("z",),
                           {"z": ("j",)}),
}
