"""Cross-entropy variants: label smoothing, focal loss, BCE with a positive-class weight."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Constraint, Definition, index, size, tensor
from . import Entry

N = size("N")
i, k = index("i", N), index("k", N)
z, y, t, p, L = tensor("z", N), tensor("y", N), tensor("t", N), tensor("p", N), tensor("L")
eps = tensor("epsilon")
softmax = Definition(p[i], sp.exp(z[i]) / sp.Sum(sp.exp(z[k]), (k, 1, N)))
# binary variants on one logit
s, zb, yb, alpha, gamma, wpos = (tensor(name) for name in ("sigma", "z", "y", "alpha", "gamma", "w"))
sigmoid = Definition(s, 1 / (1 + sp.exp(-zb)))

ENTRIES = {
    "label-smoothing-ce": Entry(
        "label-smoothing-ce", "Cross-entropy with label smoothing",
        "t = (1 - eps) y + eps/N; L = -sum_k t_k log softmax(z)_k; dL/dz_j = p_j - t_j",
        Graph((Definition(t[i], (1 - eps) * y[i] + eps / N), softmax,
               Definition(L, -sp.Sum(t[k] * sp.log(p[k]), (k, 1, N)))), (z, y, eps), "L",
              (Constraint(sp.Sum(y[k], (k, 1, N)), sp.Integer(1), "y is one-hot"),
               Constraint(sp.Sum(t[k], (k, 1, N)), sp.Integer(1),
                          "t is a distribution: sum_k t_k = (1 - eps) sum_k y_k + eps = 1"))),
        ("z",), {"z": ("j",)},
    ),
    "focal": Entry(
        "focal", "Binary focal loss", "L = -alpha (1 - sigma)^gamma y log sigma - (1 - alpha) sigma^gamma (1 - y) log(1 - sigma)",
        Graph((sigmoid, Definition(tensor("L"), -alpha * (1 - s) ** gamma * yb * sp.log(s)
                                   - (1 - alpha) * s**gamma * (1 - yb) * sp.log(1 - s))),
              (zb, yb, alpha, gamma), "L"),
        ("z",),
    ),
    "bce-pos-weight": Entry(
        "bce-pos-weight", "Binary cross-entropy on a logit with a positive-class weight",
        "L = -(w y log sigma(z) + (1 - y) log(1 - sigma(z))); dL/dz = sigma (w y + 1 - y) - w y",
        Graph((sigmoid, Definition(tensor("L"), -(wpos * yb * sp.log(s) + (1 - yb) * sp.log(1 - s)))),
              (zb, yb, wpos), "L"),
        ("z",),
    ),
}
