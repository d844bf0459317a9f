"""Squared error of a linear model f_n = x_n w + b, in the seed's four spellings.

The seed writes dloss/dtheta = 2 sum [y - f] df/dtheta: it drops the minus sign that the
inner derivative d(y - f)/dtheta = -df/dtheta brings. The engine derives the sign.
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N = size("N")
n = index("n", N)
x, y, f = tensor("x", N), tensor("y", N), tensor("f", N)
w, b, L = tensor("w"), tensor("b"), tensor("L")
model = Definition(f[n], x[n] * w + b)
squares = sp.Sum((y[n] - f[n]) ** 2, (n, 1, N))


SEED_SLIP = (
    "The seed tutorial writes d loss/d theta = 2 sum [y - f(x)] d f(x)/d theta. That drops the minus sign "
    "that the inner derivative d(y - f)/d theta = -d f/d theta brings: the gradient is -2 sum (y - f) d f/d theta."
)


def _entry(name: str, title: str, summary: str, loss: sp.Expr) -> Entry:
    return Entry(
        name=name,
        title=title,
        summary=summary,
        graph=Graph(definitions=(model, Definition(L, loss)), inputs=(x, y, w, b), target="L"),
        wrt=("w", "b"),
        notes=(SEED_SLIP,) if name != "mse-linear-norm" else (),
    )


ENTRIES = {
    e.name: e
    for e in (
        _entry("mse-linear", "Sum of squared errors of a linear model",
               "L = sum_n (y_n - (x_n w + b))^2", squares),
        _entry("mse-linear-mean", "Mean squared error of a linear model",
               "L = (1/N) sum_n (y_n - (x_n w + b))^2", squares / N),
        _entry("mse-linear-norm", "L2 norm of the residual of a linear model",
               "L = ||y - (x w + b)||_2", sp.sqrt(squares)),
        _entry("mse-linear-norm-squared", "Squared L2 norm of the residual of a linear model",
               "L = ||y - (x w + b)||_2^2 = sum_n (y_n - f_n)^2", sp.sqrt(squares) ** 2),
    )
}
