"""Single-head scaled dot-product attention, backpropagated from an upstream gradient G = dL/dO.

S = Q Kᵀ/sqrt(D), A = softmax(S) row by row, O = A V, L = sum G ⊙ O. The rows of A sum to 1
by construction; the derivation folds exponentials back into A and uses that.
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, index, size, tensor
from . import Entry

T, D, E = size("T"), size("D"), size("E")
t, s, r = index("t", T), index("s", T), index("r", T)
d, e = index("d", D), index("e", E)
Q, K, V = tensor("Q", T, D), tensor("K", T, D), tensor("V", T, E)
S, A, O, G, L = tensor("S", T, T), tensor("A", T, T), tensor("O", T, E), tensor("G", T, E), tensor("L")

ENTRIES = {
    "attention": Entry(
        "attention", "Scaled dot-product attention (one head) with an upstream gradient",
        "S = Q Kᵀ/sqrt(D); A = softmax(S) by rows; O = A V; L = sum G ⊙ O; dL/dV = Aᵀ G, "
        "dL/dS = A ⊙ (G Vᵀ - rowsum(A ⊙ G Vᵀ)), dL/dQ = dL/dS K/sqrt(D), dL/dK = (dL/dS)ᵀ Q/sqrt(D)",
        Graph((Definition(S[t, s], sp.Sum(Q[t, d] * K[s, d], (d, 1, D)) / sp.sqrt(D)),
               Definition(A[t, s], sp.exp(S[t, s]) / sp.Sum(sp.exp(S[t, r]), (r, 1, T))),
               Definition(O[t, e], sp.Sum(A[t, s] * V[s, e], (s, 1, T))),
               Definition(L, sp.Sum(G[t, e] * O[t, e], (t, 1, T), (e, 1, E)))),
              (Q, K, V, G), "L"),
        ("Q", "K", "V"), {"Q": ("i", "j"), "K": ("i", "j"), "V": ("i", "j")}),
}
