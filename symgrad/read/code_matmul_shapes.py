"""Code's matrix product ``C = A @ B`` (NumPy, PyTorch) between capitals nothing declares: both are matrices, A of
m x n and B of n x p (a transposed operand, ``W.T``, the other way round), noted; read as scalars, ``@`` would be a
plain product and the page's backprop (``dA = dC @ B.T``) would have no matrix to name. A lowercase operand (a vector
or a matrix), a name already declared, or an operand that is not one name is left to the reader."""

from __future__ import annotations

import re

import sympy as sp

from ..tensors import size
from .context import Context

_OPERAND = r"([A-Za-z]\w*)(\.T)?"
_PRODUCT = re.compile(rf"(?<![\w.]){_OPERAND}\s*@\s*{_OPERAND}(?![\w.(\[])")
_SIZES = ("m", "n", "p", "q", "r", "s")


def matmul_matrices(latex: str, ctx: Context) -> None:
    """Declare the undeclared names on both sides of each ``@`` between two names as matrices (noted)."""
    for m in _PRODUCT.finditer(latex):
        (a, a_t), (b, b_t) = (m[1], m[2]), (m[3], m[4])
        if a == b or not (a[0].isupper() and b[0].isupper()) or any(ctx.known(x) for x in (a, b)):
            continue
        used = {str(s) for s in ctx.sizes} | set(ctx.tensors) | set(re.findall(r"[A-Za-z]", latex))
        free = [s for s in _SIZES if s not in used]
        if len(free) < 3:
            return
        rows, inner, cols = (size(s) for s in free[:3])
        for name, shape, transposed in ((a, (rows, inner), a_t), (b, (inner, cols), b_t)):
            ctx.tensors[name] = sp.IndexedBase(name, shape=shape[::-1] if transposed else shape)
            ctx.sizes.update({str(e): e for e in shape})
        shapes = {x: " x ".join(map(str, ctx.tensors[x].shape)) for x in (a, b)}
        ctx.notes.append(f"{m[0]}: @ is the matrix product, so {a} and {b} read as matrices ({a}: {shapes[a]}, "
                         f"{b}: {shapes[b]}; nothing declares their shapes)")
