"""Binary cross-entropy, on a probability and on a logit (sigmoid then BCE: sigma(z) - y)."""

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition, tensor
from . import Entry

z, y, s, L = tensor("z"), tensor("y"), tensor("sigma"), tensor("L")
bce = -(y * sp.log(s) + (1 - y) * sp.log(1 - s))

ENTRIES = {
    "bce": Entry(
        name="bce",
        title="Binary cross-entropy with respect to the probability",
        summary="L = -(y log p + (1 - y) log(1 - p)); dL/dp = (p - y) / (p (1 - p))",
        graph=Graph(definitions=(Definition(L, bce.subs(s, tensor("p"))),), inputs=(tensor("p"), y), target="L"),
        wrt=("p",),
    ),
    "bce-logits": Entry(
        name="bce-logits",
        title="Binary cross-entropy on a logit (sigmoid, then BCE)",
        summary="sigma = 1/(1 + e^{-z}); L = -(y log sigma + (1 - y) log(1 - sigma)); dL/dz = sigma - y",
        graph=Graph(
            definitions=(Definition(s, 1 / (1 + sp.exp(-z))), Definition(L, bce)),
            inputs=(z, y),
            target="L",
        ),
        wrt=("z",),
    ),
}
