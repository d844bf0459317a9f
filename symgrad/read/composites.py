"""Functions the reader knows by a name that ``functions.FUNCTIONS`` does not give: compositions of that table's
functions (sigmoid, relu, softplus, ...), and activation functions code names that a page must define (gelu, swish)."""

from __future__ import annotations

import sympy as sp


def _sigmoid(x: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-x))


def _relu(x: sp.Expr) -> sp.Expr:
    return sp.Max(0, x)


def _softplus(x: sp.Expr) -> sp.Expr:
    return sp.log(1 + sp.exp(x))


def _logit(x: sp.Expr) -> sp.Expr:
    return sp.log(x / (1 - x))


def _expm1(x: sp.Expr) -> sp.Expr:
    return sp.exp(x) - 1


# functions written with the table's functions, known to the reader by name
# (logsigmoid as PyTorch, log2, log10 and expm1 as NumPy name them)
_COMPOSITES = {"sigmoid": _sigmoid, "sqrt": sp.sqrt, "relu": _relu, "softplus": _softplus, "logit": _logit,
               "logsigmoid": lambda x: sp.log(_sigmoid(x)),
               "log2": lambda x: sp.log(x, 2), "log10": lambda x: sp.log(x, 10), "expm1": _expm1}
# activation functions code names that are no composition above: the reader knows them only from a page's definition
# (gelu = ...); a code name built on one (gelu_d, d_gelu) names its derivative
CODE_ACTIVATIONS = frozenset({"logistic", "softmax", "elu", "selu", "gelu", "swish", "silu", "mish"})
