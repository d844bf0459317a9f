"""What the reader knows so far (``Context``) and what it hands back (``Member``, ``DerivativeOf``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..derivation import Graph
from ..errors import ParseError
from ..tensors import Constraint, Definition, indices_of


@dataclass(frozen=True)
class Function:
    """A function defined as ``name(params) = body``, inlined with its arguments at each use."""

    name: str
    params: tuple[sp.Symbol, ...]
    body: sp.Expr


@dataclass
class Context:
    """Everything declared so far; each ``parse_*`` call reads it and adds to it."""

    definitions: dict[str, Definition] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    tensors: dict[str, sp.IndexedBase | sp.Symbol] = field(default_factory=dict)
    sizes: dict[str, sp.Symbol] = field(default_factory=dict)
    ranges: dict[str, sp.Idx] = field(default_factory=dict)
    constraints: list[Constraint] = field(default_factory=list)
    domains: dict[str, sp.Set] = field(default_factory=dict)
    assumptions: list[sp.Rel] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    families: dict[str, tuple[sp.Idx, ...]] = field(default_factory=dict)  # E = ...k...: E is E_k, bare E too
    default_size: str = "N"  # the size of an index nothing sizes: N, or the one bound the claim's sums use
    gradient_variable: str | None = None  # the x of \\nabla x^T A x, where no variable stands under the nabla
    matrix_size: sp.Symbol | None = None  # n of the undeclared n x n matrices of a trace, determinant or inverse
    squares: dict[sp.Basic, tuple] = field(default_factory=dict)  # sigma -> (2, sigma^2) after a derivative by sigma^2
    macros: dict[str, str] = field(default_factory=dict)  # \\newcommand{\\name}{body} from the facts  # readings decided by context, facts recorded but not used

    def known(self, name: str) -> bool:
        """Whether ``name`` was defined or declared (a claim may only use known names)."""
        return any(name in d for d in (self.definitions, self.functions, self.tensors, self.sizes, self.ranges))

    def declared_elsewhere(self, name: str) -> bool:
        """Whether ``name`` is already a name of this problem (a defined, declared or function name)."""
        return self.known(name) or name in self.families

    def graph(self, target: str | None = None) -> Graph:
        """The definitions as a ``Graph``; ``target`` defaults to the last definition."""
        if not self.definitions:
            raise ParseError("nothing is defined yet: give a definition such as L = ...")
        target = target or list(self.definitions)[-1]
        inputs = tuple(t for n, t in self.tensors.items() if n not in self.definitions)
        return Graph(tuple(self.definitions.values()), inputs, target, tuple(self.constraints))


@dataclass(frozen=True)
class DerivativeOf:
    """The derivative d(of)/d(var) itself, as written (``of`` may be a node or an inline expression)."""

    of: sp.Expr
    var: sp.Expr

    @property
    def free_indices(self) -> tuple[sp.Idx, ...]:
        """Indices of the derivative array: those of ``of`` then those of ``var`` (as ``Result``)."""
        return indices_of(self.of) + indices_of(self.var)


@dataclass(frozen=True)
class Member:
    """One member of a claim chain: its LaTeX text and value; unpacks as ``(text, value)``."""

    text: str
    value: sp.Expr | DerivativeOf
    column: int = 1
    indices: tuple[sp.Idx, ...] = ()  # free array indices of a vector/matrix-notation member
    axes: tuple[sp.Idx | None, ...] = ()  # its array axes as written: (i, None) a column, (None, i) a row

    def __iter__(self):
        return iter((self.text, self.value))

