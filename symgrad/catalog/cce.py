"""Categorical cross-entropy, on probabilities and on logits (softmax then CE: p_j - y_j)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Constraint, Definition, index, size, tensor
from . import Entry

N = size("N")
i, k = index("i", N), index("k", N)
z, y, p, L = tensor("z", N), tensor("y", N), tensor("p", N), tensor("L")
cross_entropy = Definition(L, -sp.Sum(y[k] * sp.log(p[k]), (k, 1, N)))
one_hot = Constraint(sp.Sum(y[k], (k, 1, N)), sp.Integer(1), "the labels y form a distribution")

ENTRIES = {
    "cce": Entry(
        name="cce",
        title="Categorical cross-entropy with respect to the probabilities",
        summary="L = -sum_k y_k log p_k; dL/dp_j = -y_j / p_j",
        graph=Graph(definitions=(cross_entropy,), inputs=(p, y), target="L"),
        wrt=("p",),
        index_names={"p": ("j",)},
    ),
    "cce-logits": Entry(
        name="cce-logits",
        title="Categorical cross-entropy on logits (softmax, then cross-entropy)",
        summary="p = softmax(z); L = -sum_k y_k log p_k; dL/dz_j = p_j - y_j (uses sum_k y_k = 1)",
        graph=Graph(
            definitions=(Definition(p[i], sp.exp(z[i]) / sp.Sum(sp.exp(z[k]), (k, 1, N))), cross_entropy),
            inputs=(z, y),
            target="L",
            constraints=(one_hot,),
        ),
        wrt=("z",),
        index_names={"z": ("j",)},
    ),
}
