"""The seed tutorial's two TensorFlow programs, exactly.

x [B, D], w [D, C], b [C], one-hot y [B, C]; z = x w + b; p = softmax(z) per row.
seed-mse-softmax: tf.reduce_mean(tf.losses.MSE(y, p)): MSE averages over the last axis,
then reduce_mean over the batch, so L = 1/(B C) sum_n sum_c (y_nc - p_nc)^2.
seed-ce-logits: tf.reduce_mean(categorical_crossentropy(y, z, from_logits=True)):
L = -1/B sum_n sum_c y_nc log p_nc.
"""

import sympy as sp

from ..derivation import Graph
from ..tensors import Constraint, Definition, index, size, tensor
from . import Entry

B, D, C = size("B"), size("D"), size("C")
n, d, c, k = index("n", B), index("d", D), index("c", C), index("k", C)
x, w, b, y = tensor("x", B, D), tensor("w", D, C), tensor("b", C), tensor("y", B, C)
z, p, L = tensor("z", B, C), tensor("p", B, C), tensor("L")

logits = Definition(z[n, c], sp.Sum(x[n, d] * w[d, c], (d, 1, D)) + b[c])
probabilities = Definition(p[n, c], sp.exp(z[n, c]) / sp.Sum(sp.exp(z[n, k]), (k, 1, C)))
one_hot = Constraint(sp.Sum(y[n, k], (k, 1, C)), sp.Integer(1), "each row of y is one-hot")
inputs = (x, w, b, y)

ENTRIES = {
    "seed-mse-softmax": Entry(
        name="seed-mse-softmax",
        title="The seed's first program: mean squared error on softmax outputs",
        summary="L = 1/(BC) sum_n sum_c (y_nc - softmax(x w + b)_nc)^2, as reduce_mean(tf.losses.MSE(y, p))",
        graph=Graph(
            definitions=(
                logits,
                probabilities,
                Definition(L, sp.Sum((y[n, c] - p[n, c]) ** 2, (n, 1, B), (c, 1, C)) / (B * C)),
            ),
            inputs=inputs,
            target="L",
            constraints=(one_hot,),
        ),
        wrt=("w", "b"),
        index_names={"w": ("i", "j"), "b": ("j",)},
    ),
    "seed-ce-logits": Entry(
        name="seed-ce-logits",
        title="The seed's second program: cross-entropy on logits",
        summary="L = -1/B sum_n sum_c y_nc log softmax(x w + b)_nc, as reduce_mean(categorical_crossentropy(y, z, from_logits=True))",
        graph=Graph(
            definitions=(
                logits,
                probabilities,
                Definition(L, -sp.Sum(y[n, c] * sp.log(p[n, c]), (n, 1, B), (c, 1, C)) / B),
            ),
            inputs=inputs,
            target="L",
            constraints=(one_hot,),
        ),
        wrt=("w", "b"),
        index_names={"w": ("i", "j"), "b": ("j",)},
    ),
}
