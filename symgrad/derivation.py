"""Derivation and Step: what the engine produces and every back end consumes.

A back end (printer, compiler, verifier, checker) reads a ``Derivation``; none of them
re-derives anything on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sympy as sp

from .errors import UnknownNameError
from .suggest import did_you_mean
from .tensors import Constraint, Definition, Node, name_of

if TYPE_CHECKING:
    from .compile import Compiled
    from .matrix import Form


@dataclass(frozen=True)
class Graph:
    """A loss as named definitions in dependency order; ``target`` is the node differentiated.

    ``domains`` holds the declared sets of names, as pairs (``("epsilon", Interval.open(0, 1))``,
    ``("y", FiniteSet(0, 1))``): where an input lives, or where a defined value is claimed to lie.
    """

    definitions: tuple[Definition, ...]
    inputs: tuple[sp.Basic, ...]
    target: str
    constraints: tuple[Constraint, ...] = ()
    domains: tuple[tuple[str, sp.Set], ...] = ()

    def definition(self, name: str) -> Definition | None:
        for d in self.definitions:
            if d.name == name:
                return d
        return None

    def input(self, name: str) -> sp.Basic | None:
        for t in self.inputs:
            if name_of(t) == name:
                return t
        return None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.definitions)

    def domain(self, name: str) -> sp.Set | None:
        """The set declared for ``name``, or None when none was declared."""
        return dict(self.domains).get(name)


@dataclass(frozen=True)
class Section:
    """The steps that differentiate by one name (``wrt``, a Symbol); the printers title it "with respect to σ"."""

    wrt: sp.Symbol


@dataclass(frozen=True)
class Note:
    """A remark in words with formulas in it: ``parts`` are words (str) and SymPy formulas, in reading order,
    so each printer sets the formulas in its own notation."""

    parts: tuple[str | sp.Basic, ...]


@dataclass(frozen=True)
class Step:
    """One line of a derivation: ``lhs = rhs`` justified by ``rule`` (a short phrase).

    ``section`` groups the steps under a heading: a ``Section`` (or a title in words, "" for none).
    ``detail`` is an optional formula printed after the rule's words, e.g. the constraint
    ``Eq(Sum(y[k], (k, 1, N)), 1)`` for "use the constraint".
    """

    lhs: sp.Expr
    rhs: sp.Expr
    rule: str
    section: Section | str = ""
    detail: sp.Expr | None = None

    def _repr_latex_(self) -> str:
        from .display import latex_of

        return f"$${latex_of(self)}$$"


@dataclass(frozen=True)
class Result:
    """A final derivative ``∂of/∂var = expr`` in index notation, in the graph's names.

    ``of`` is the target (``L`` or ``p[i]``), ``var`` an element of the tensor ``wrt``
    with free indices (``w[d, e]``); ``cases`` splits a Kronecker delta into (condition, value) pairs
    (``Eq(i, j)``, ``Ne(i, j)``); ``matrix_form`` is the result in matrix notation (``symgrad.matrix``)
    when the engine found one.
    """

    wrt: str
    of: Node
    var: Node
    expr: sp.Expr
    cases: tuple[tuple[sp.Basic, sp.Expr], ...] = ()
    matrix_form: Form | None = None

    @property
    def matrix(self) -> str | None:
        """The matrix form as LaTeX, or None (a printing convenience, as ``Derivation.latex()`` is)."""
        if self.matrix_form is None:
            return None
        from .latex import matrix_latex

        return matrix_latex(self.matrix_form)

    def _repr_latex_(self) -> str:
        from .display import result_latex

        return result_latex(self)

    @property
    def free_indices(self) -> tuple[sp.Idx, ...]:
        """Indices of the result array: those of ``of`` then those of ``var``."""
        own = tuple(self.of.indices) if isinstance(self.of, sp.Indexed) else ()
        var = tuple(self.var.indices) if isinstance(self.var, sp.Indexed) else ()
        return own + var


@dataclass
class Derivation:
    """A complete derivation: the graph, the steps with their rules, the final results, notes in words
    (a ``Note`` where a formula is in them)."""

    name: str
    title: str
    graph: Graph
    steps: list[Step] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    notes: list[str | Note] = field(default_factory=list)

    def result(self, wrt: str) -> Result:
        """The derivative with respect to the input ``wrt``; an UnknownNameError naming the others."""
        for r in self.results:
            if r.wrt == wrt:
                return r
        known = [r.wrt for r in self.results]
        raise UnknownNameError(f"{self.name} has no derivative with respect to {wrt!r}"
                               f"{did_you_mean(wrt, known)}; it has: {', '.join(known) or 'none'}")

    def latex(self) -> str:
        """A LaTeX fragment (``align*`` blocks) for pasting into a document."""
        from .latex import derivation_fragment

        return derivation_fragment(self)

    def document(self) -> str:
        """A standalone LaTeX document that compiles with pdflatex."""
        from .latex import derivation_document

        return derivation_document(self)

    def markdown(self) -> str:
        """Markdown with ``$$`` math that GitHub and Jupyter render."""
        from .latex import derivation_markdown

        return derivation_markdown(self)

    def text(self) -> str:
        """Plain Unicode text for a terminal."""
        from .latex import derivation_text

        return derivation_text(self)

    def _repr_latex_(self) -> str:
        return self.latex()

    def _repr_markdown_(self) -> str:
        from .display import derivation_markdown

        return derivation_markdown(self)

    def _repr_html_(self) -> str:
        from .display import derivation_html

        return derivation_html(self)

    def compile(self) -> Compiled:
        """NumPy functions for the target and its derivatives (see ``symgrad.compile``)."""
        from .compile import compile_derivation

        return compile_derivation(self)

    def __repr__(self) -> str:
        return f"<Derivation {self.name}: {len(self.steps)} steps, d/d{{{', '.join(r.wrt for r in self.results)}}}>"
