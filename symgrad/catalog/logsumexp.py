"""Log-sum-exp, log-softmax and softmax with a temperature."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
i, k = index("i", N), index("k", N)
z, a, l, p, L = tensor("z", N), tensor("a", N), tensor("l", N), tensor("p", N), tensor("L")
T = tensor("T")

ENTRIES = {
    "logsumexp": Entry(
        "logsumexp", "Log-sum-exp", "L = log sum_k e^{z_k}; dL/dz_j = softmax(z)_j",
        Graph((Definition(L, sp.log(sp.Sum(sp.exp(z[k]), (k, 1, N)))),), (z,), "L"), ("z",), {"z": ("j",)},
    ),
    "log-softmax": Entry(
        "log-softmax", "Log-softmax and its Jacobian", "l_i = z_i - log sum_k e^{z_k}; dl_i/dz_j = delta_ij - softmax(z)_j",
        Graph((Definition(l[i], z[i] - sp.log(sp.Sum(sp.exp(z[k]), (k, 1, N)))),), (z,), "l"), ("z",),
        {"z": ("j",)},
    ),
    "softmax-temperature": Entry(
        "softmax-temperature", "Softmax with a temperature", "p_i = e^{a_i/T} / sum_k e^{a_k/T}; dp_i/da_j = p_i (delta_ij - p_j) / T",
        Graph((Definition(p[i], sp.exp(a[i] / T) / sp.Sum(sp.exp(a[k] / T), (k, 1, N))),), (a, T), "p"), ("a",),
        {"a": ("j",)},
    ),
}
