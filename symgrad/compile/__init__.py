"""Compile a Derivation to fast, numerically stable, whole-array NumPy code.

The flow (DESIGN.md, "compile"), one module per stage: the graph's definitions and the
derivation's results are index expressions. ``rewrites.REWRITES`` (one table) replaces unstable
spellings by the stable ``nodes`` (softmax with the max subtracted, log-softmax, log-sigmoid,
BCE with logits, ...), whatever the spelling. ``lowering`` turns index notation into array
expressions: a sum of products becomes ``@`` when it is a matrix product and one ``einsum``
otherwise, elementwise work broadcasts, ``KroneckerDelta`` of free indices becomes ``eye``.
``program`` shares work between the loss and its gradients (``sympy.cse``) and prints it with
the ``printer`` (a ``NumPyPrinter``); the code runs as plain NumPy behind the ``runtime``'s
argument checks: no SymPy work and no Python loop over data on the call path.

Entries whose inputs are all vectors or scalars (softmax, sigmoid, cce-logits, ...) accept
leading batch axes: every leading index is an independent problem and gets its own loss
and gradient. Entries with matrix inputs (the seed's x [B, D], w [D, C]) take exact ranks.
"""

from ..errors import CompileError
from .nodes import (
    XP_OPS,
    Difference,
    LogSoftmax,
    LogSumExp,
    Maximum,
    Norm,
    Sigmoid,
    Softmax,
    SoftmaxComplement,
    Softplus,
)
from .program import Compiled, compile_derivation, lower_derivation, python_names
from .rewrites import REWRITES, Rewrite, stabilise
from .runtime import _MISSING, RUNTIME, _names_check, _prepare, _shape_text

__all__ = [
    "REWRITES",
    "RUNTIME",
    "XP_OPS",
    "_MISSING",
    "CompileError",
    "Compiled",
    "Difference",
    "LogSoftmax",
    "LogSumExp",
    "Maximum",
    "Norm",
    "Rewrite",
    "Sigmoid",
    "Softmax",
    "SoftmaxComplement",
    "Softplus",
    "_names_check",
    "_prepare",
    "_shape_text",
    "compile_derivation",
    "lower_derivation",
    "python_names",
    "stabilise",
]
