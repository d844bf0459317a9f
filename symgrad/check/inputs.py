"""Inputs for ``check``: concrete sizes, and random arrays drawn inside each input's domain.

Where an input is drawn from, first rule that applies:

1. an input summed to 1 by a declared constraint (``Sum(y[n, k], (k, 1, C)) = 1``) is one-hot
   along the summed axis, with a random class per row; so is an input taken along that axis by a
   defined name the constraint sums (``t[i] = (1 - eps) y[i] + eps/N`` with ``Sum(t[k]) = 1``);
   unless a domain declared for it leaves out 0 or 1;
2. a declared domain (``--given '\\epsilon \\in (0, 1)'``, ``check(..., domains={"epsilon": Interval.open(0, 1)})``,
   the graph's ``domains``, a name declared positive): an interval is drawn inside, 5% away from
   each finite end (a half-line from its end plus (0.05, 2)), a finite set one element at a time;
3. an input inside the argument of a ``log`` or a root (other than inside something positive
   whatever its value: ``exp``, ``cosh``, an even power, ``|.|``) is uniform in (0.05, 0.95),
   away from 0 and 1 so that finite differences stay well conditioned;
4. any other input is standard normal.

A point outside a declared domain is never drawn (``cast_inside`` refuses a rounding that
would leave it). Sizes default to distinct small integers
(3, 4, 5, ... in the order of their names) so that a transposed axis shows up as a shape error.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from .. import linalg
from ..errors import SymgradError, UnknownNameError
from ..tensors import name_of, shape_of
from .evaluate import evaluate

if TYPE_CHECKING:
    from ..derivation import Graph

# how far inside a finite end of an interval the draws stay, as a fraction of its length
_MARGIN = 0.05
# a half-line [a, oo) is drawn in a + (0.05, 2)
_HALF_LINE = (0.05, 2.0)


@dataclass(frozen=True)
class Domain:
    """Where one input is drawn from: a description for the report, a one-hot axis, or a set.

    A one-hot input declared inside a set (``y \\in \\{0, 1\\}^K``) has both: its values must stay in the set."""

    description: str
    axis: int | None = None
    set: sp.Set | None = None

    def draw(self, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
        """Random float64 values of ``shape``, every one inside the domain."""
        if self.axis is not None:
            rows = shape[:self.axis] + shape[self.axis + 1:]
            labels = rng.integers(0, shape[self.axis], size=rows)
            return np.moveaxis(np.eye(shape[self.axis])[labels], -1, self.axis)
        if self.set is None and self.description.startswith("symmetric positive definite"):
            B = rng.standard_normal(size=shape)
            return B @ B.T / shape[0] + np.eye(shape[0])
        if self.set is None:
            return np.asarray(rng.standard_normal(size=shape))
        if isinstance(self.set, sp.FiniteSet):
            return rng.choice(np.array([float(v) for v in self.set.args]), size=shape)
        return _draw_interval(self.set, rng, shape)

    def holds(self, values: np.ndarray) -> bool:
        """Whether every element of ``values`` lies inside the domain's set (any value does where it has none)."""
        return self.set is None or _inside(self.set, values)


def _inside(domain: sp.Set, values: np.ndarray) -> bool:
    """Whether every element of ``values`` lies in ``domain`` (a finite set is compared in the values' dtype)."""
    values = np.asarray(values)
    if isinstance(domain, sp.FiniteSet):
        return bool(np.isin(values, np.array([float(v) for v in domain.args], dtype=values.dtype)).all())
    lo, hi, x = float(domain.start), float(domain.end), values.astype(np.float64)
    above = x > lo if domain.left_open else x >= lo
    below = x < hi if domain.right_open else x <= hi
    return bool(np.all(above & below))


def _draw_interval(interval: sp.Interval, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    lo, hi = interval.start, interval.end
    if lo.is_finite and hi.is_finite:
        width = float(hi - lo)
        return rng.uniform(float(lo) + _MARGIN * width, float(hi) - _MARGIN * width, size=shape)
    if lo.is_finite:
        return float(lo) + rng.uniform(*_HALF_LINE, size=shape)
    if hi.is_finite:
        return float(hi) - rng.uniform(*_HALF_LINE, size=shape)
    return np.asarray(rng.standard_normal(size=shape))


def _with_sizes(domain: sp.Set, sizes: Mapping[str, Any]) -> sp.Set:
    """``domain`` with the chosen sizes put in: ``(0, N)`` is ``(0, 3)`` at ``N = 3``."""
    return domain.xreplace({s: sp.Integer(sizes[s.name]) for s in domain.free_symbols
                            if isinstance(sizes.get(s.name), int)})


def _drawable(name: str, domain: Any) -> sp.Set:
    """A declared domain as a set ``Domain.draw`` can draw from, or a SymgradError naming the input."""
    if domain.free_symbols:
        raise SymgradError(f"check: cannot draw {name} from {_set_text(domain)}: it depends on "
                           f"{', '.join(sorted(map(str, domain.free_symbols)))}, which is not a size of the loss; "
                           "declare numbers, such as (0, 1)")
    if domain == sp.S.Reals:
        return sp.Interval(-sp.oo, sp.oo)
    if isinstance(domain, sp.Interval) and domain.measure > 0:
        return domain
    if isinstance(domain, sp.FiniteSet) and domain.args and all(v.is_real for v in domain.args):
        return domain
    raise SymgradError(f"check: cannot draw {name} from {domain}; declare an interval such as (0, 1) "
                       r"or a finite set such as \{0, 1\}")


def _set_text(domain: sp.Set) -> str:
    """``(0, 1]``, ``{0, 1}``: a set as a person writes it."""
    if isinstance(domain, sp.Interval):
        ends = ["−∞" if domain.start == -sp.oo else str(domain.start), "∞" if domain.end == sp.oo else str(domain.end)]
        return f"{'(' if domain.left_open else '['}{ends[0]}, {ends[1]}{')' if domain.right_open else ']'}"
    if isinstance(domain, sp.FiniteSet):
        return "{" + ", ".join(str(v) for v in domain.args) + "}"
    return str(domain)


def declared_domains(graph: Graph, declared: Mapping[str, sp.Set] | None = None) -> dict[str, sp.Set]:
    """The domains declared for the graph's inputs: ``declared``, the graph's own, names declared positive.

    A domain the graph declares for a defined name is not drawn from: ``defined_outside`` checks it.
    """
    inputs = {name_of(t) for t in graph.inputs}
    out: dict[str, sp.Set] = {}
    for t in graph.inputs:
        symbol = t if isinstance(t, sp.Symbol) else getattr(t, "label", None)
        if getattr(symbol, "is_positive", None):
            out[name_of(t)] = sp.Interval.open(0, sp.oo)
        elif getattr(symbol, "is_nonnegative", None):
            out[name_of(t)] = sp.Interval(0, sp.oo)
    out.update((name, domain) for name, domain in graph.domains if name in inputs)
    for name in declared or {}:
        if name not in inputs:
            raise UnknownNameError(f"check: a domain is given for {name}, which is not an input; "
                                   f"the inputs are {', '.join(sorted(inputs))}")
    out.update(declared or {})
    return out


def _one_hot(graph: Graph) -> dict[str, tuple[int, str]]:
    """Inputs to draw one-hot: (axis, why), by rule 1 of the module docstring."""
    names = [name_of(t) for t in graph.inputs]
    one_hot: dict[str, tuple[int, str]] = {}
    for c in graph.constraints:
        lhs = c.lhs
        if c.rhs != 1 or not isinstance(lhs, sp.Sum) or not isinstance(lhs.function, sp.Indexed):
            continue
        summed = {v for v, *_ in lhs.limits}
        axes = [a for a, i in enumerate(lhs.function.indices) if i in summed]
        base, defined = name_of(lhs.function), graph.definition(name_of(lhs.function))
        if len(axes) != 1:
            continue
        if base in names:
            one_hot[base] = (axes[0], "declared constraint: sums to 1")
        elif defined is not None and len(defined.indices) > axes[0]:
            # a constrained name (t = (1 - eps) y + eps/N): the inputs it takes along that axis sum to 1
            own = defined.indices[axes[0]]
            for e in defined.rhs.atoms(sp.Indexed):
                if name_of(e) in names and own in e.indices:
                    one_hot[name_of(e)] = (e.indices.index(own), f"so that {base} sums to 1, a declared constraint")
    return one_hot


def _always_positive(e: sp.Basic) -> bool:
    """Positive (or nonnegative) whatever the inputs inside it: exp, cosh, an even power, an absolute value."""
    return isinstance(e, sp.exp | sp.cosh | sp.Abs) or (
        isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp.is_even)


def _under_log_or_root(graph: Graph) -> dict[str, str]:
    """Inputs inside the argument of a log or a root, by rule 3 of the module docstring: name -> which."""
    out: dict[str, str] = {}
    for d in graph.definitions:
        logs = [(lg.args[0], "log") for lg in d.rhs.atoms(sp.log)]
        roots = [(p.base, "a root") for p in d.rhs.atoms(sp.Pow) if p.exp.is_Rational and not p.exp.is_Integer]
        for arg, where in logs + roots:
            arg = arg.replace(_always_positive, lambda e: sp.Integer(1))
            names = {name_of(e) for e in arg.atoms(sp.Indexed)} | {str(s) for s in arg.free_symbols}
            for n in names:
                out.setdefault(n, where)
    return out


def domains_of(graph: Graph, declared: Mapping[str, sp.Set] | None = None,
               sizes: Mapping[str, int] | None = None) -> dict[str, Domain]:
    """Each input's ``Domain``, by the rules of the module docstring, at ``sizes`` (default: ``resolve_sizes``)."""
    written = declared_domains(graph, declared)
    sizes = resolve_sizes(graph) if sizes is None else sizes
    given = {n: _with_sizes(d, sizes) for n, d in written.items()}
    one_hot = _one_hot(graph)
    under = _under_log_or_root(graph)
    domains: dict[str, Domain] = {}
    for t in graph.inputs:
        n = name_of(t)
        if n in one_hot and (n not in given or _holds_labels(given[n])):
            also = f"; inside {_set_text(given[n])}, declared" if n in given else ""
            domains[n] = Domain(f"one-hot along axis {one_hot[n][0]} ({one_hot[n][1]}{also})", axis=one_hot[n][0],
                                set=given.get(n))
        elif n in given:
            shown = _set_text(written[n]) + ("" if given[n] == written[n] else f" = {_set_text(given[n])}")
            domains[n] = Domain(f"in {shown} (declared)", set=_drawable(n, given[n]))
        elif n in under:
            domains[n] = Domain(f"uniform in (0.05, 0.95) (appears under {under[n]})", set=sp.Interval(0, 1))
        elif isinstance(t, linalg.Symmetric):
            domains[n] = Domain("symmetric positive definite, B Bᵀ/n + I with B standard normal")
        else:
            domains[n] = Domain("standard normal")
    return domains


def _holds_labels(domain: sp.Set) -> bool:
    """Whether one-hot labels (0 and 1) lie inside a declared ``domain`` (``\\{0, 1\\}``, ``[0, 1]``)."""
    return domain.contains(0) is sp.true and domain.contains(1) is sp.true


def input_domains(graph: Graph, declared: Mapping[str, sp.Set] | None = None) -> dict[str, tuple[str, int | None]]:
    """Where each input is drawn from: (description, one-hot axis or None)."""
    return {n: (d.description, d.axis) for n, d in domains_of(graph, declared).items()}


def draw_inputs(graph: Graph, sizes: Mapping[str, int], seed: int = 0,
                declared: Mapping[str, sp.Set] | None = None) -> dict[str, np.ndarray]:
    """Random float64 inputs, each inside its domain (see the module docstring), reproducible by ``seed``."""
    rng = np.random.default_rng(seed)
    domains = domains_of(graph, declared, sizes)
    return {name_of(t): domains[name_of(t)].draw(rng, tuple(_concrete(e, sizes) for e in shape_of(t)))
            for t in graph.inputs}


def cast_inside(domains: Mapping[str, Domain], arrays: Mapping[str, np.ndarray], dtype: str) -> dict[str, np.ndarray]:
    """The drawn ``arrays`` in ``dtype``; a SymgradError if rounding put an element outside its domain."""
    out = {k: v.astype(dtype) for k, v in arrays.items()}
    for name, values in out.items():
        if not domains[name].holds(values):
            raise SymgradError(f"check: {name} drawn {domains[name].description} leaves that domain when rounded "
                               f"to {dtype}; declare a wider interval or check in float64")
    return out


def defined_outside(graph: Graph, values: Mapping[str, Any]) -> list[str]:
    """Notes for the defined names whose evaluated ``values`` leave the domain the graph declares for them."""
    out = []
    for name, written in graph.domains:
        domain = _with_sizes(written, values)
        if name in graph.names and isinstance(domain, sp.Interval | sp.FiniteSet) and not domain.free_symbols \
                and not _inside(domain, values[name]):
            out.append(f"{name} is declared in {_set_text(written)} but its values at the drawn inputs leave it: "
                       "results that rely on that may disagree")
    return out


def resolve_sizes(graph: Graph, sizes: Mapping[str, int] | None = None) -> dict[str, int]:
    """Concrete values for every size symbol of the graph: distinct defaults 3, 4, 5, ... or ``sizes``."""
    found: set[sp.Symbol] = set()
    for t in graph.inputs:
        for extent in shape_of(t):
            found |= sp.sympify(extent).free_symbols
    for d in graph.definitions:
        for idx in d.lhs.atoms(sp.Idx) | d.rhs.atoms(sp.Idx):
            found |= sp.sympify(idx.upper).free_symbols
        for s in d.rhs.atoms(sp.Sum):
            for _, lo, hi in s.limits:
                found |= (sp.sympify(lo).free_symbols | sp.sympify(hi).free_symbols) - {v for v, *_ in s.limits}
    names = sorted({str(s) for s in found if s.is_integer and s.is_positive})
    chosen = {n: 3 + k for k, n in enumerate(names)}
    for n, v in (sizes or {}).items():
        if n not in chosen:
            raise UnknownNameError(f"sizes: {n!r} is not a size of {graph.target}; its sizes are: {', '.join(names)}")
        if not isinstance(v, int | np.integer) or v < 1:
            raise SymgradError(f"sizes: {n} must be a positive integer, got {v!r}")
        chosen[n] = int(v)
    return chosen


def unmet_constraints(graph: Graph, values: Mapping[str, Any]) -> list[str]:
    """The declared constraints that do not hold (to 1e-9) at the evaluated definitions ``values``."""
    out = []
    for c in graph.constraints:
        bound = {str(v.label if isinstance(v, sp.Idx) else v) for s in c.lhs.atoms(sp.Sum) for v, *_ in s.limits}
        free = sorted((i for i in c.lhs.atoms(sp.Idx) if str(i.label) not in bound), key=str)
        ranges = [range(int(evaluate(i.lower, {}, values)), int(evaluate(i.upper, {}, values)) + 1) for i in free]
        worst = 0.0
        with np.errstate(all="ignore"):
            for point in itertools.product(*ranges):
                env = {str(i.label): v for i, v in zip(free, point)}
                worst = max(worst, abs(float(evaluate(c.lhs, env, values)) - float(evaluate(c.rhs, env, values))))
        if not worst <= 1e-9:
            out.append(f"the declared constraint {c.lhs} = {c.rhs} does not hold at the drawn inputs "
                       f"(off by {worst:.3g}): results that use it may disagree")
    return out


def _concrete(extent: sp.Expr, sizes: Mapping[str, int]) -> int:
    """An extent such as ``N`` or ``N + 1`` with the chosen sizes put in (matched by name)."""
    extent = sp.sympify(extent)
    return int(extent.xreplace({s: sp.Integer(sizes[s.name]) for s in extent.free_symbols}))
