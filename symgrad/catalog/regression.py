"""Robust regression losses on a prediction u against a target y: Huber, L1, log-cosh.

L1 and Huber have points where they are not differentiable or switch branch; the
derivation names them (the subgradient sign(0) = 0 for L1).
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
n = index("n", N)
u, y, r, L = tensor("u", N), tensor("y", N), tensor("r", N), tensor("L")
delta = tensor("delta")
residual = Definition(r[n], u[n] - y[n])


def _entry(name: str, title: str, summary: str, loss: sp.Expr, inputs: tuple = (u, y)) -> Entry:
    return Entry(name, title, summary, Graph((residual, Definition(L, loss)), inputs, "L"), ("u",),
                 {"u": ("j",)})


ENTRIES = {
    e.name: e
    for e in (
        _entry("huber", "Huber loss", "L = 1/N sum_n (r_n^2/2 if |r_n| <= delta else delta (|r_n| - delta/2)), r = u - y",
               sp.Sum(sp.Piecewise((r[n] ** 2 / 2, sp.Abs(r[n]) <= delta),
                                   (delta * (sp.Abs(r[n]) - delta / 2), True)), (n, 1, N)) / N,
               (u, y, delta)),
        _entry("l1", "Mean absolute error (L1)", "L = 1/N sum_n |u_n - y_n|; a subgradient sign(r)/N",
               sp.Sum(sp.Abs(r[n]), (n, 1, N)) / N),
        _entry("log-cosh", "Log-cosh loss", "L = 1/N sum_n log cosh(u_n - y_n); dL/du_j = tanh(r_j)/N",
               sp.Sum(sp.log(sp.cosh(r[n])), (n, 1, N)) / N),
    )
}
