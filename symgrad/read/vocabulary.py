"""The values the reader builds (``_Val``) and the functions it knows by name (those of ``functions.FUNCTIONS``)."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..functions import FUNCTIONS
from .composites import _COMPOSITES
from .tokens import _FUNCS


@dataclass(frozen=True)
class _Val:
    """A parsed value: a scalar expression, or an array element with its free axes.

    ``axes`` is () for a scalar, ``(i, None)`` for a column vector, ``(None, i)`` for a row vector,
    ``(i, j)`` for a matrix, and longer for derivatives of arrays by arrays.
    """

    expr: sp.Expr
    axes: tuple = ()

    @property
    def free(self) -> tuple[sp.Idx, ...]:
        return tuple(a for a in self.axes if a is not None)


def _extent(idx: sp.Expr) -> sp.Expr | None:
    if not isinstance(idx, sp.Idx):
        return None
    return idx.upper if idx.lower == 1 else idx.upper - idx.lower + 1


def _free_indices(e: sp.Expr) -> set[sp.Idx]:
    return {s for s in e.free_symbols if isinstance(s, sp.Idx)}


# every name the reader knows a function by: the commands and words of functions.FUNCTIONS (\exp, \operatorname{erf}
# or plain letters right before a parenthesis, any case), then the compositions of read/composites
_ELEMENTWISE = {**{name: f.sympy for f in FUNCTIONS for name in (*f.commands, *f.words)}, **_COMPOSITES}
_NAMED_FUNCS = frozenset(k for k in _ELEMENTWISE if not k.startswith("\\")) - _FUNCS
# operators people write upright that symgrad does not support: an error even without parentheses (\mathrm{tr} X)
_OPERATORS = frozenset({"argmax", "argmin", "tr", "trace", "det", "rank", "kl", "vec"})
# f^{-1} of these is the inverse function (the convention for trigonometric and hyperbolic functions)
_INVERSES = {f.name: f.inverse for f in FUNCTIONS if f.inverse is not None}
_REL_CLASSES = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}
_SAMPLE_NAMES = ("x", "y", "yhat")
_MODELS = ("f", "g", "h")  # names that, subscripted by a parameter, are models f_theta(x)

