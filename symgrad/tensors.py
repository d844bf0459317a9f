"""The vocabulary: sizes, indices with ranges, tensors with shapes, definitions, constraints.

Tensors are SymPy ``IndexedBase`` objects with a declared shape; indices are ``Idx``
objects running from 1 to a size symbol (LaTeX convention; code shifts to 0-based);
scalars are plain ``Symbol``s. Every front end (catalog, LaTeX, Python) builds these.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

Tensor = sp.IndexedBase
Node = sp.Indexed | sp.Symbol


def size(name: str) -> sp.Symbol:
    """A dimension size such as N, B, D or C: a positive integer symbol."""
    return sp.Symbol(name, integer=True, positive=True)


def index(name: str, extent: sp.Expr) -> sp.Idx:
    """An index running over 1..extent."""
    return sp.Idx(sp.Symbol(name, integer=True), (1, extent))


def tensor(name: str, *shape: sp.Expr) -> sp.IndexedBase | sp.Symbol:
    """A tensor with a declared shape; with no shape, a scalar symbol."""
    if not shape:
        return sp.Symbol(name)
    return sp.IndexedBase(name, shape=tuple(shape))


def name_of(obj: sp.Basic) -> str:
    """The name of a tensor, an indexed element of it, or a scalar."""
    if isinstance(obj, sp.Indexed):
        return str(obj.base.label)
    if isinstance(obj, sp.IndexedBase):
        return str(obj.label)
    return str(obj)


def shape_of(obj: sp.Basic) -> tuple[sp.Expr, ...]:
    """Declared shape of a tensor (or of the tensor an element belongs to); () for scalars."""
    if isinstance(obj, sp.Indexed):
        obj = obj.base
    if isinstance(obj, sp.IndexedBase):
        return tuple(obj.shape or ())
    return ()


def indices_of(obj: sp.Basic) -> tuple[sp.Idx, ...]:
    """The indices of an element (``p[i, j]`` gives ``(i, j)``); () for a scalar."""
    return tuple(obj.indices) if isinstance(obj, sp.Indexed) else ()


def extent(idx: sp.Idx) -> sp.Expr:
    """The size an index runs up to."""
    return idx.upper


@dataclass(frozen=True)
class Definition:
    """``lhs = rhs``: a named node of a loss graph, e.g. ``p[i] = exp(a[i]) / Sum(...)``."""

    lhs: sp.Indexed | sp.Symbol
    rhs: sp.Expr

    @property
    def name(self) -> str:
        return name_of(self.lhs)

    @property
    def indices(self) -> tuple[sp.Idx, ...]:
        return indices_of(self.lhs)

    def at(self, *idx: sp.Idx) -> sp.Expr:
        """The right-hand side with the definition's indices renamed to ``idx``."""
        own = self.indices
        if len(idx) != len(own):
            raise ValueError(f"{self.name} takes {len(own)} indices, got {len(idx)}")
        return self.rhs.xreplace(dict(zip(own, idx))) if own else self.rhs


@dataclass(frozen=True)
class Constraint:
    """A declared fact ``lhs = rhs`` such as ``Sum(y[k], (k, 1, N)) = 1`` (one-hot labels)."""

    lhs: sp.Expr
    rhs: sp.Expr
    reason: str = ""
