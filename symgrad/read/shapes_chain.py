"""A chain rule written with a matrix by matrix Jacobian: ``\\frac{\\partial L}{\\partial Y} \\frac{\\partial Y}{\\partial
W}`` with Y an m x p matrix and W p x n is the gradient (m, p) contracted with the Jacobian (m, p, p, n) over Y's two
axes, a p x n gradient. Read so where the sizes allow only that; where the Jacobian's first axis also matches the
gradient's columns (square matrices), a matrix product slice by slice (``\\mathrm{Tr}(\\Sigma^{-1}
\\frac{\\partial \\Sigma}{\\partial \\Sigma})``) fits too, and the product is refused naming both readings."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from .vocabulary import _extent, _Val


def chain_contracted(a: _Val, b: _Val, refused: Callable[[str], Exception]) -> tuple[_Val, str] | None:
    """``a b`` with ``a`` a matrix and ``b`` an array of four axes whose first two are ``a``'s: the contraction over
    them and a note; None where the shapes are not these. Raises ``refused(why)`` where the slice by slice matrix
    product fits as well."""
    if len(a.axes) != 2 or len(b.axes) != 4 or None in a.axes or None in b.axes:
        return None
    (a0, a1), (b0, b1, b2, b3) = a.axes, b.axes
    if _extent(a0) != _extent(b0) or _extent(a1) != _extent(b1):
        return None
    if _extent(a1) == _extent(b0):
        raise refused("a matrix times a derivative of a matrix by a matrix has two readings here: the chain rule's "
                      "contraction over both axes, or a matrix product slice by slice; write the indices (a sum over "
                      "them) for either")
    expr = sp.Sum(a.expr.xreplace({a0: b0, a1: b1}) * b.expr, (b0, b0.lower, b0.upper), (b1, b1.lower, b1.upper))
    note = (f"a {_extent(a0)} x {_extent(a1)} matrix times a Jacobian of shape "
            f"({', '.join(str(_extent(x)) for x in b.axes)}) read as the chain rule: contracted over the matrix's two "
            "axes")
    return _Val(expr, (b2, b3)), note
