"""Logistic sigmoid: sigma(z) = 1 / (1 + e^{-z}); its derivative is sigma (1 - sigma)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, tensor
from . import Entry

z, s = tensor("z"), tensor("sigma")

ENTRIES = {
    "sigmoid": Entry(
        name="sigmoid",
        title="Logistic sigmoid and its derivative",
        summary="sigma(z) = 1/(1 + e^{-z}); dsigma/dz = sigma (1 - sigma)",
        graph=Graph(definitions=(Definition(s, 1 / (1 + sp.exp(-z))),), inputs=(z,), target="sigma"),
        wrt=("z",),
    )
}
