"""The order definitions are computed in: each after every definition its right side uses, whatever order a page
gives them in (``C = (y - a)^2`` first, then ``z = wx``, ``a = \\sigma(z)``)."""

from __future__ import annotations

import sympy as sp

from ..tensors import Definition, name_of
from .constants_defined_later import constant_defined_later
from .context import Context


def _insert(ctx: Context, defn: Definition) -> None:
    """Add ``defn`` and keep the definitions in the order they are computed: each after the definitions its right
    side uses (``C = (y - a)^2``, ``z = wx``, then ``a = \\sigma(z)``: z, a, C), else in the order written."""
    constant_defined_later(ctx, defn)  # L = e^2, then e = y - wx: e was Euler's number in L
    pending = [*ctx.definitions.items(), (defn.name, defn)]
    ordered: list[tuple[str, Definition]] = []
    while pending:  # a cycle (refused elsewhere) or none: the first whose uses are all placed goes next
        ready = next((k for k, (_, d) in enumerate(pending) if not _uses(d) & {n for n, _ in pending[:k] + pending[k + 1:]}), 0)
        ordered.append(pending.pop(ready))
    ctx.definitions.clear()
    ctx.definitions.update(ordered)


def _uses(d: Definition) -> set[str]:
    """The names ``d``'s right side uses."""
    return {name_of(s) for s in d.rhs.free_symbols} | {str(b.label) for b in d.rhs.atoms(sp.IndexedBase)}
