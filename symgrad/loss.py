"""Any loss, not just the catalog: a user's loss in LaTeX or SymPy becomes a graph and a Derivation.

The same vocabulary as ``symgrad verify``: ``define`` equations name intermediates
(``\\hat y_n = x_n w + b``), ``given`` facts declare shapes, ranges and constraints
(``X \\in \\mathbb{R}^{n \\times d}``, ``\\sum_k y_k = 1``), read by ``symgrad.read``. A loss written without
``L =`` (``-\\sum_{k=1}^{K} p_k \\log p_k``) is the loss ``L``, whatever ``=`` its sums hold.
SymPy input (``Eq``/``Definition`` objects and expressions over ``IndexedBase``/``Idx``)
goes straight into the graph. Either way the result is the kind of ``Derivation`` the
catalog produces, so printing, compiling, exporting and checking work unchanged.
"""

from __future__ import annotations

import argparse
import keyword
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sympy as sp

from . import graph as engine
from .derivation import Derivation, Graph
from .errors import SymgradError, UnknownNameError
from .tensors import Constraint, Definition, name_of

LossInput = str | sp.Expr | sp.Eq | Definition


def add_loss_arguments(parser: argparse.ArgumentParser, example: str) -> None:
    """The options that describe a user loss, shared by ``symgrad derive`` and ``symgrad export``."""
    parser.add_argument("--loss", metavar="LATEX", help=f"your loss, e.g. '{example}'")
    parser.add_argument("--define", metavar="LATEX", action="append", default=[], help="a named intermediate")
    parser.add_argument("--given", metavar="LATEX", action="append", default=[], help="a shape, range or constraint")
    parser.add_argument("--wrt", metavar="NAME", action="append", default=[], help="differentiate by NAME (w, \\mu or mu)")


def python_name(name: str) -> str:
    """The Python spelling of a LaTeX name: ``\\mu`` is ``mu``, ``\\lambda`` is ``lambda_``."""
    plain = name.lstrip("\\").replace("{", "").replace("}", "")
    return plain + "_" if keyword.iskeyword(plain) else plain


def _sympy_definition(item: sp.Eq | Definition | sp.Expr, default: str) -> Definition:
    if isinstance(item, Definition):
        return item
    if isinstance(item, sp.Eq):
        if not isinstance(item.lhs, (sp.Indexed, sp.Symbol)):
            raise SymgradError(f"the left side of {item} must be a name such as L or p[i]")
        return Definition(item.lhs, item.rhs)
    if isinstance(item, sp.Expr):
        return Definition(sp.Symbol(default), item)
    raise SymgradError(f"cannot read {item!r}: give LaTeX, a SymPy Eq or a SymPy expression")


def _shape_from_use(base: sp.IndexedBase, exprs: Sequence[sp.Expr]) -> sp.IndexedBase:
    """A shapeless ``IndexedBase`` gets its shape from the ranges of the indices it is used with."""
    if base.shape:
        return base
    shapes = {tuple(i.upper if isinstance(i, sp.Idx) else None for i in ix.indices)
              for e in exprs for ix in e.atoms(sp.Indexed) if ix.base == base}
    if len(shapes) != 1 or None in next(iter(shapes)):
        raise SymgradError(f"{base} is used with indices of different or unknown ranges; declare its shape")
    return sp.IndexedBase(base.label, shape=next(iter(shapes)))


def _sympy_graph(loss: sp.Expr | sp.Eq | Definition, define: Sequence, constraints: Sequence[Constraint]) -> Graph:
    defs = [_sympy_definition(d, f"q{k}") for k, d in enumerate(define)] + [_sympy_definition(loss, "L")]
    exprs = [d.rhs for d in defs] + [d.lhs for d in defs]
    bases = sorted({b for e in exprs for b in e.atoms(sp.IndexedBase)}, key=str)  # a stable input order
    shaped = {b: _shape_from_use(b, exprs) for b in bases}
    defs = [Definition(d.lhs.xreplace(shaped), d.rhs.xreplace(shaped)) for d in defs]
    defined = {d.name for d in defs}
    sizes = {s for b in shaped.values() for s in b.shape} | {
        s for e in exprs for i in e.atoms(sp.Idx) for s in (i.lower, i.upper) if isinstance(s, sp.Symbol)}
    inputs = [b for b in shaped.values() if str(b.label) not in defined]
    labels = {b.label for b in bases}  # x in x[n] is among the free symbols too: not a scalar input
    inputs += sorted((s for e in exprs for s in e.free_symbols
                      if isinstance(s, sp.Symbol) and not isinstance(s, sp.Idx) and s not in sizes | labels
                      and str(s) not in defined and not s.is_integer), key=str)
    return Graph(tuple(defs), tuple(dict.fromkeys(inputs)), defs[-1].name, tuple(constraints))


def _definition(parse: Any, text: str, ctx: Any, unnamed: str | None = None) -> Definition:
    """A definition with its ``\\text{where}`` clauses, read as ``verify --define`` reads it; a case after where
    (``i \\neq j``) is refused: a loss holds for every index."""
    defn, cases = parse.parse_statement(text, ctx, unnamed)
    if cases:
        raise SymgradError(f"'{cases[0]}' after 'where' is a case: a loss holds for every index, give none")
    return defn


def _latex_graph(loss: str, define: Sequence[str], given: Sequence[str]) -> Graph:
    from . import read as parse

    ctx = parse.Context(stated_values=False)  # the loss and its definitions name what they define
    for source, items in (("--given", given), ("--define", define)):
        bounds = parse.sum_bounds(loss)
        if source == "--define" and len(bounds) == 1 and not ctx.sizes:
            ctx.default_size = bounds.pop()  # \\hat{y}_i = w x_i + b, then L = \\sum_{i=1}^{n}: i runs to n
        for text in items:
            try:
                parse.parse_given(text, ctx) if source == "--given" else _definition(parse, text, ctx)
            except SymgradError as e:
                raise type(e)(f"{e} (in {source} {text!r})") from None
    try:
        target = _definition(parse, loss, ctx, unnamed="L")
    except SymgradError as e:
        raise type(e)(f"{e} (in --loss)") from None
    return _with_domains(ctx.graph(target.name), ctx.domains)


def _with_domains(graph: Graph, declared: dict[str, sp.Set]) -> Graph:
    """``graph`` with the domains the facts declared for its names (``\\epsilon \\in (0, 1)``, ``\\sigma > 0``),
    unless the reader's ``Context.graph`` already put them there."""
    if graph.domains:
        return graph
    names = _names(graph)
    return replace(graph, domains=tuple((n, s) for n, s in declared.items() if n in names))


def _names(graph: Graph) -> set[str]:
    """The inputs and the defined names of ``graph``: what a domain may be declared for."""
    return {name_of(t) for t in graph.inputs} | set(graph.names)


def graph_of(loss: LossInput, define: Sequence = (), given: Sequence = ()) -> Graph:
    """The loss graph of a user loss given in LaTeX (strings) or SymPy (``given``: ``Constraint`` s and
    ``sympy.Contains(name, set)`` domains)."""
    if isinstance(loss, str):
        if any(not isinstance(x, str) for x in (*define, *given)):
            raise SymgradError("mix of LaTeX and SymPy: give loss, define and given all as LaTeX, or all as SymPy")
        return _latex_graph(loss, define, given)
    constraints = [g for g in given if isinstance(g, Constraint)]
    domains = {name_of(g.args[0]): g.args[1] for g in given if isinstance(g, sp.Contains)}
    if len(constraints) + len(domains) != len(given):
        raise SymgradError("with a SymPy loss, given must be Constraint objects (symgrad.tensors.Constraint) "
                           "or domains such as sympy.Contains(epsilon, sympy.Interval.open(0, 1))")
    graph = _sympy_graph(loss, define, constraints)
    names = _names(graph)
    for name in domains:
        if name not in names:
            raise UnknownNameError(f"a domain is given for {name}, which is not in the loss; "
                                   f"its names are {', '.join(sorted(names))}")
    return _with_domains(graph, domains)


def resolve_wrt(graph: Graph, wrt: Sequence[str]) -> list[str]:
    """The tensor names for ``wrt`` in either spelling (``\\mu``, ``mu``, ``lambda_``)."""
    inputs = {name_of(t): t for t in graph.inputs}
    spelled = {python_name(n): n for n in inputs} | {n: n for n in inputs}
    if not wrt:
        raise UnknownNameError(f"say what to differentiate by: --wrt NAME, one of {', '.join(inputs)}")
    out = []
    for w in wrt:
        key = python_name(w) if python_name(w) in spelled else w.lstrip("\\")
        if key not in spelled:
            raise UnknownNameError(f"cannot differentiate by {w!r}: it is not an input; inputs are {', '.join(inputs)}")
        out.append(spelled[key])
    return out


def derive_loss(loss: LossInput, define: Sequence = (), given: Sequence = (), wrt: Sequence[str] = (),
                name: str = "loss", title: str = "", timeout: float | None = None) -> Derivation:
    """The step-by-step derivation of a user loss with respect to each name in ``wrt``, within ``timeout`` s."""
    g = graph_of(loss, define, given)
    return engine.derive_graph(g, resolve_wrt(g, wrt), name, title or f"Derivative of {g.target}", timeout=timeout)
