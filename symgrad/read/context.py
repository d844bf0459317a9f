"""What the reader knows so far (``Context``) and what it hands back (``Member``, ``DerivativeOf``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..derivation import Graph
from ..errors import ParseError
from ..linalg import PositiveDefinite, Symmetric
from ..tensors import Constraint, Definition, indices_of
from .given_function_rules import check_rules
from .given_rates import check_rates
from .identity_facts import stated_rule
from .letter_runs import joined_runs
from .words_one_hot import labels_named


@dataclass(frozen=True)
class Function:
    """A function defined as ``name(params) = body``, inlined with its arguments at each use."""

    name: str
    params: tuple[sp.Symbol, ...]
    body: sp.Expr


STRUCTURES = {Symmetric: "symmetric", PositiveDefinite: "symmetric positive definite"}  # what a fact declares


@dataclass(frozen=True)
class Upstream:
    """A fact ``\\frac{\\partial L}{\\partial y_i} = g_i``: the loss L is known only through its gradient g by y (how
    backprop is taught), so L is read as ``sum_i g_i y_i`` and its derivative by x is the vector-Jacobian product."""

    loss: str
    output: str
    gradient: str
    shape: tuple[sp.Expr, ...] | None  # y's shape as the fact reads it, for a y nothing else declares
    source: str


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
    applied: dict[str, sp.Basic] = field(default_factory=dict)  # f -> the name f(x) after a derivative by f(x_i)
    macros: dict[str, str] = field(default_factory=dict)  # \\newcommand{\\name}{body} from the facts
    upstream: list[Upstream] = field(default_factory=list)  # dL/dy = g facts not yet turned into L's definition
    one_hot: list[tuple[str | None, str]] = field(default_factory=list)  # (name, the fact as written) awaiting y's shape
    structured: list[tuple[str, type, str, str]] = field(default_factory=list)  # (name, kind, fact, note till used)
    stated: dict[str, tuple[sp.Expr, str]] = field(default_factory=dict)  # E = R: the name given R -> (E, E as written)
    stated_values: bool = True  # E = R with E an expression may define R (verify); a loss (derive) must name itself
    layer_letters: list[str] = field(default_factory=list)  # l, L read as layer labels (a^l a name of its own)
    layer_templates: list[str] = field(default_factory=list)  # definitions written for a generic layer l
    layer_names: set[str] = field(default_factory=set)  # the labelled names written (a^l, a^{L-1})
    vector_spaces: set[str] = field(default_factory=set)  # V of A \in L(V, V): u \in V declares a vector
    derivative_rules: dict[str, type] = field(default_factory=dict)  # g -> g with g'(z) = g(z)(1 - g(z)) (a fact)
    numbered_layers: set[str] = field(default_factory=set)  # W of W^1 \in ... (a fact): bare digits tag its layers
    head_labels: dict[str, tuple[sp.Idx, ...]] = field(default_factory=dict)  # L_i = ...y_i...: L -> (y_i,)
    written_heads: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # l(\mu,\sigma^2) -> l, text
    provisional_sizes: set[str] = field(default_factory=set)  # sizes the reader invented (N): the first bound settles
    parameter_scalars: set[str] = field(default_factory=set)  # x of s(x) = ..., a scalar only as s's parameter
    unnamed: str | None = None  # the name given a definition written without one: the loss a bare operator means
    primed_names: dict[str, str] = field(default_factory=dict)  # x -> u: x' of K(x, x') a name of its own, read as u
    index_notation: str | None = None  # dX_ij/dX_kl = d_ik d_jl as written: the page works in index notation
    element_inputs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # S(y)_w = ...: S -> (y,), its inputs
    orientation: str = "column"  # the page's vectors: columns, or rows where a sentence says so (words_orientation)
    rates: list[tuple] = field(default_factory=list)  # du/dx = an expression: (u, x, value, fact) till u is defined

    def known(self, name: str) -> bool:
        """Whether ``name`` was defined or declared (a claim may only use known names)."""
        return any(name in d for d in (self.definitions, self.functions, self.tensors, self.sizes, self.ranges))

    def declared_elsewhere(self, name: str) -> bool:
        """Whether ``name`` is already a name of this problem (a defined, declared or function name)."""
        return self.known(name) or name in self.families

    def settle(self) -> None:
        """The facts that wait for the definitions (the shapes they need): upstream gradients and one-hot labels."""
        self._close_upstream()
        self._close_one_hot()
        self._close_structured()
        check_rates(self)  # du/dx = ... beside u's definition: checked against it
        check_rules(self)  # g'(z) = ... stated for g, then g defined: refused
        joined_runs(self)  # lr = 0.1 with \mathrm{lr} in the definitions: the name lr, not l times r
        self.index_notation = self.index_notation or stated_rule(self.constraints)  # dX_ij/dX_kl = d_ik d_jl

    def _close_structured(self) -> None:
        """``\\Sigma = \\Sigma^T``, ``\\Sigma \\succ 0``: the matrix becomes a ``Symmetric`` / ``PositiveDefinite`` one,
        in the declarations and in every definition that uses it (verify then draws it so)."""
        facts, self.structured = self.structured, []
        for name, kind, source, pending in facts:
            old = self.tensors.get(name)
            shape = tuple(getattr(old, "shape", None) or ())
            if not isinstance(old, sp.IndexedBase) or len(shape) != 2 or shape[0] != shape[1]:
                continue  # not declared a square matrix: its note says "recorded, not used"
            if pending in self.notes:
                self.notes.remove(pending)
            if isinstance(old, kind):
                continue
            new = kind(name, shape=shape)
            self.tensors[name] = new
            for key, d in list(self.definitions.items()):
                self.definitions[key] = Definition(d.lhs, d.rhs.xreplace({old: new}))
            self.notes.append(f"{name} declared {STRUCTURES[kind]} ({source})")

    def _close_one_hot(self) -> None:
        """``y`` one-hot: the constraint that its entries sum to 1 along its last axis (per row of a matrix)."""
        facts, self.one_hot = self.one_hot, []
        for name, source in facts:
            if name is None:  # "the one-hot-vector": the labels of the definitions
                name = labels_named(self.definitions, self.tensors, source)
                self.notes.append(f"'{source}' read as {name} one-hot: the one array the definitions use that nothing "
                                  "defines and no function takes")
            defined = self.definitions.get(name)
            base = defined.lhs.base if defined is not None and isinstance(defined.lhs, sp.Indexed) else \
                self.tensors.get(name)
            shape = getattr(base, "shape", None) or ()
            if base is None:
                self.notes.append(f"{source}: recorded, not used ({name} is not in the problem)")
                continue
            if not shape:
                raise ParseError(f"{name} is one-hot, but nothing gives it a shape: declare it "
                                 rf"({name} \in \{{0, 1\}}^{{K}})", column=1, source=source)
            idxs = [sp.Idx(sp.Symbol(letter, integer=True), (1, n)) for letter, n in zip(self._unused(), shape)]
            total = sp.Sum(sp.IndexedBase(name, shape=shape)[tuple(idxs)], (idxs[-1], 1, shape[-1]))
            self.constraints.append(Constraint(total, sp.Integer(1), source))

    def _close_upstream(self) -> None:
        """Turn the upstream-gradient facts into definitions: ``L = sum_i g_i y_i`` for ``dL/dy_i = g_i`` (a term per
        output when L has several), once the definitions of the outputs are known (noted). Where L is defined, the
        fact names its derivative instead: ``g_i`` is defined as ``dL/dy_i`` (see ``verify``: substituted where used).
        The summed indices are letters nothing declared uses (verify renames them apart from the claim's own)."""
        facts, self.upstream = self.upstream, []
        terms: dict[str, list[sp.Expr]] = {}
        for fact in facts:
            if fact.loss in self.functions:
                raise ParseError(f"{fact.loss} is a function here: its gradient is not a fact", column=1,
                                 source=fact.source)
            y = self._output(fact)
            shape = y.shape if isinstance(y, sp.IndexedBase) else ()
            idxs = tuple(sp.Idx(sp.Symbol(name, integer=True), (1, n)) for name, n in zip(self._unused(), shape))
            g = self.tensors[fact.gradient] = sp.IndexedBase(fact.gradient, shape=shape) if shape else \
                sp.Symbol(fact.gradient)
            g_at, y_at = (g[idxs], y[idxs]) if shape else (g, y)
            if fact.loss in self.definitions:
                self.tensors.pop(fact.gradient)
                self.definitions[fact.gradient] = Definition(g_at, sp.Derivative(sp.Symbol(fact.loss), y_at))
                self.notes.append(f"{fact.gradient} names the derivative of {fact.loss} by {fact.output} "
                                  f"({fact.source})")
                continue
            terms.setdefault(fact.loss, []).append(sp.Sum(g_at * y_at, *((i, 1, i.upper) for i in idxs)) if shape
                                                   else g * y)
            self.notes.append(f"{fact.loss} is known only through its gradient by {fact.output} ({fact.source}): "
                              f"{fact.loss} read as the sum of {fact.gradient} times {fact.output}, so a derivative "
                              f"of {fact.loss} is the vector-Jacobian product with {fact.gradient}")
        for loss, parts in terms.items():
            self.tensors.pop(loss, None)
            self.definitions[loss] = Definition(sp.Symbol(loss), sp.Add(*parts))

    def _unused(self) -> list[str]:
        """Index letters no declaration, range, size or definition of this context uses, in the order to take them."""
        used = set(self.ranges) | set(self.sizes) | set(self.tensors) | set(self.definitions)
        used |= {str(i) for d in self.definitions.values() for i in (*d.rhs.atoms(sp.Idx), *d.indices)}
        return [c for c in "klmnpqrstuvabcdefgh" if c not in used] + [f"k{n}" for n in range(1, 100)]

    def _output(self, fact: Upstream) -> sp.IndexedBase | sp.Symbol:
        """The y of ``dL/dy = g``: as defined, declared, shaped as a declared g, or as the fact reads it."""
        defined = self.definitions.get(fact.output)
        declared = self.tensors.get(fact.output)
        if defined is not None and isinstance(defined.lhs, sp.Indexed):
            return sp.IndexedBase(defined.lhs.base.label, shape=tuple(i.upper for i in defined.indices))
        if defined is not None:
            return defined.lhs
        if isinstance(declared, sp.IndexedBase) and declared.shape:
            return declared
        gradient = self.tensors.get(fact.gradient)
        if isinstance(gradient, sp.IndexedBase) and gradient.shape:  # G \in R^{N x M}: y is as G
            y = self.tensors[fact.output] = sp.IndexedBase(fact.output, shape=gradient.shape)
            return y
        if fact.shape is None:
            raise ParseError(f"cannot tell the shape of {fact.output} in {fact.source}: define {fact.output} or declare "
                             rf"it ({fact.output} \in \mathbb{{R}}^{{n}})", column=1, source=fact.source)
        y = self.tensors[fact.output] = sp.IndexedBase(fact.output, shape=fact.shape) if fact.shape else \
            sp.Symbol(fact.output)
        return y

    def graph(self, target: str | None = None) -> Graph:
        """The definitions as a ``Graph``; ``target`` defaults to the last definition."""
        if not self.definitions:
            raise ParseError("nothing is defined yet: give a definition such as L = ...")
        outputs = {f.output: f.loss for f in self.upstream}
        self.settle()
        target = outputs.get(target, target) if target else list(self.definitions)[-1]
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

