"""Dense layers and activations, backpropagated: linear, two-layer MLPs, GELU (tanh and erf forms), swish.

A layer on its own takes an upstream gradient g = dL/dy and has L = sum g ⊙ y (the
vector-Jacobian product, as backprop is taught); the MLPs end in a loss of their own.
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

N, D, M = size("N"), size("D"), size("M")
n, d, h = index("n", N), index("d", D), index("m", M)
x, g, y, L = tensor("x", N, D), tensor("g", N, D), tensor("y", N, D), tensor("L")
X, W, b = tensor("X", N, D), tensor("W", D, M), tensor("b", M)
Z, Hid = tensor("Z", N, M), tensor("H", N, M)
upstream = Definition(L, sp.Sum(g[n, d] * y[n, d], (n, 1, N), (d, 1, D)))
hidden = Definition(Z[n, h], sp.Sum(X[n, d] * W[d, h], (d, 1, D)) + b[h])


def _linear() -> Entry:
    Y, G = tensor("Y", N, M), tensor("G", N, M)
    return Entry(
        "linear", "Linear layer with an upstream gradient",
        "Y = X W + b; L = sum G ⊙ Y; dL/dX = G Wᵀ, dL/dW = Xᵀ G, dL/db = Gᵀ 1",
        Graph((Definition(Y[n, h], sp.Sum(X[n, d] * W[d, h], (d, 1, D)) + b[h]),
               Definition(L, sp.Sum(G[n, h] * Y[n, h], (n, 1, N), (h, 1, M)))), (X, W, b, G), "L"),
        ("X", "W", "b"), {"X": ("i", "j"), "W": ("i", "j"), "b": ("j",)})


def _mlp_tanh() -> Entry:
    """Regression: tanh hidden layer, linear read-out, mean squared error."""
    v, c0, u, t = tensor("v", M), tensor("c"), tensor("u", N), tensor("t", N)
    return Entry(
        "mlp-tanh", "Two-layer tanh network with squared error",
        "H = tanh(X W + b); u = H v + c; L = 1/(2N) sum_n (u_n - t_n)^2; "
        "dL/dv = Hᵀ(u - t)/N, dL/dW = Xᵀ((u - t) vᵀ ⊙ (1 - H²))/N",
        Graph((hidden, Definition(Hid[n, h], sp.tanh(Z[n, h])),
               Definition(u[n], sp.Sum(Hid[n, h] * v[h], (h, 1, M)) + c0),
               Definition(L, sp.Sum((u[n] - t[n]) ** 2, (n, 1, N)) / (2 * N))), (X, W, b, v, c0, t), "L"),
        ("W", "b", "v", "c"), {"W": ("i", "j"), "b": ("j",), "v": ("j",)})


def _mlp_relu() -> Entry:
    """Binary classification: ReLU hidden layer, sigmoid read-out, cross-entropy."""
    v, c0, u, p, t = tensor("v", M), tensor("c"), tensor("u", N), tensor("p", N), tensor("t", N)
    return Entry(
        "mlp-relu", "Two-layer ReLU network with binary cross-entropy",
        "H = max(0, X W + b); u = H v + c; p = σ(u); L = -1/N sum_n (t_n log p_n + (1 - t_n) log(1 - p_n)); "
        "dL/du = (p - t)/N, dL/dv = Hᵀ(p - t)/N, dL/dW = Xᵀ((p - t) vᵀ ⊙ step(Z))/N",
        Graph((hidden, Definition(Hid[n, h], sp.Max(0, Z[n, h])),
               Definition(u[n], sp.Sum(Hid[n, h] * v[h], (h, 1, M)) + c0),
               Definition(p[n], 1 / (1 + sp.exp(-u[n]))),
               Definition(L, -sp.Sum(t[n] * sp.log(p[n]) + (1 - t[n]) * sp.log(1 - p[n]), (n, 1, N)) / N)),
              (X, W, b, v, c0, t), "L"),
        ("W", "b", "v", "c"), {"W": ("i", "j"), "b": ("j",), "v": ("j",)})


def _activation(name: str, title: str, summary: str, *definitions: Definition, wrt: tuple[str, ...] = ("x",),
                inputs: tuple = ()) -> Entry:
    return Entry(name, title, summary, Graph((*definitions, upstream), (x, g, *inputs), "L"), wrt,
                 {"x": ("i", "j")})


GELU_C = sp.Float("0.044715", 40)  # the constant of the tanh approximation (Hendrycks and Gimpel)
u, t, Phi = tensor("u", N, D), tensor("t", N, D), tensor("Phi", N, D)
ENTRIES = {e.name: e for e in (
    _linear(), _mlp_tanh(), _mlp_relu(),
    _activation("gelu", "GELU (tanh approximation) with an upstream gradient",
                "u = sqrt(2/π)(x + 0.044715 x³); t = tanh u; y = x (1 + t)/2; L = sum g ⊙ y; "
                "dL/dx = g ((1 + t)/2 + x (1 - t²) sqrt(2/π)(1 + 3 · 0.044715 x²)/2)",
                Definition(u[n, d], sp.sqrt(2 / sp.pi) * (x[n, d] + GELU_C * x[n, d] ** 3)),
                Definition(t[n, d], sp.tanh(u[n, d])),
                Definition(y[n, d], x[n, d] * (1 + t[n, d]) / 2)),
    _activation("gelu-erf", "GELU (exact, erf form) with an upstream gradient",
                "Φ = (1 + erf(x/√2))/2 (the normal CDF); y = x Φ; L = sum g ⊙ y; dL/dx = g (Φ + x e^{-x²/2}/√(2π))",
                Definition(Phi[n, d], (1 + sp.erf(x[n, d] / sp.sqrt(2))) / 2),
                Definition(y[n, d], x[n, d] * Phi[n, d])),
    _activation("swish", "Swish (SiLU when β = 1) with an upstream gradient",
                "s = σ(β x); y = x s; L = sum g ⊙ y; dL/dx = g (s + β x s (1 - s))",
                Definition(tensor("s", N, D)[n, d], 1 / (1 + sp.exp(-tensor("beta") * x[n, d]))),
                Definition(y[n, d], x[n, d] * tensor("s", N, D)[n, d]),
                wrt=("x", "beta"), inputs=(tensor("beta"),)),
)}
