"""Softmax: p_i = e^{a_i} / sum_k e^{a_k}; its Jacobian is p_i (delta_ij - p_j)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
i, k = index("i", N), index("k", N)
a, p = tensor("a", N), tensor("p", N)

ENTRIES = {
    "softmax": Entry(
        name="softmax",
        title="Softmax and its Jacobian",
        summary="p_i = e^{a_i} / sum_k e^{a_k}; dp_i/da_j = p_i (delta_ij - p_j)",
        graph=Graph(
            definitions=(Definition(p[i], sp.exp(a[i]) / sp.Sum(sp.exp(a[k]), (k, 1, N))),),
            inputs=(a,),
            target="p",
        ),
        wrt=("a",),
        index_names={"a": ("j",)},
    )
}
