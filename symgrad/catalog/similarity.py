"""Cosine similarity of two vectors, differentiated with respect to the first."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
k = index("k", N)
x, y = tensor("x", N), tensor("y", N)
nx, ny, c = tensor("nx"), tensor("ny"), tensor("c")

ENTRIES = {
    "cosine-similarity": Entry(
        "cosine-similarity", "Cosine similarity", "c = sum_k x_k y_k / (|x| |y|); dc/dx_j = y_j/(|x||y|) - c x_j/|x|^2",
        Graph((Definition(nx, sp.sqrt(sp.Sum(x[k] ** 2, (k, 1, N)))), Definition(ny, sp.sqrt(sp.Sum(y[k] ** 2, (k, 1, N)))),
               Definition(c, sp.Sum(x[k] * y[k], (k, 1, N)) / (nx * ny))), (x, y), "c"),
        ("x",), {"x": ("j",)},
    ),
}
