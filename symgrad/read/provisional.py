"""Sizes the reader invents (N, for an index nothing sizes) are provisional: the first bound written settles them.

``y_i = \\gamma \\hat{x}_i + \\beta`` gives i the range 1..N; a later ``\\sum_{i=1}^{m} ... y_i`` says that N is m, so
N becomes m everywhere the problem has it (definitions, shapes, ranges), noted in the verdict. Two sizes the user
wrote (m and n) that must agree still do not: that stays an error.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import sympy as sp

from .scope import _Scope
from .tokens import _Tok


def provisional(ctx: Any) -> set[str]:
    """The names of the sizes of ``ctx`` that the reader invented and no one wrote (N of ``y_i = ...``)."""
    return ctx.provisional_sizes


def renamed(obj: Any, mapping: dict[sp.Expr, sp.Expr]) -> Any:
    """``obj`` with every size of ``mapping`` replaced, through dicts, lists, tuples and frozen dataclasses."""
    if isinstance(obj, sp.Basic):
        return obj.xreplace(mapping)
    if isinstance(obj, dict):
        return {renamed(k, mapping): renamed(v, mapping) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)) and type(obj) in (list, tuple):
        return type(obj)(renamed(v, mapping) for v in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: renamed(getattr(obj, f.name), mapping)
                                          for f in dataclasses.fields(obj) if f.init})
    return obj


class _Provisional(_Scope):
    """Unification of sizes where an invented size gives way to the first size written."""

    def unify(self, a: sp.Expr | None, b: sp.Expr | None, tok: _Tok, what: str) -> None:
        if a is not None and b is not None:
            ra, rb = self.find(a), self.find(b)
            if ra != rb and self.invented(ra) and _written(rb) and not self.invented(rb):
                return self.settle_size(ra, rb)
            if ra != rb and self.invented(rb) and _written(ra) and not self.invented(ra):
                return self.settle_size(rb, ra)
            fresh = next((x for x in (ra, rb) if self.bound_only_here(x)), None)
            known = rb if fresh is ra else ra
            if ra != rb and fresh is not None and isinstance(known, sp.Symbol) and known.name in self.ctx.sizes:
                return self.settle_size(fresh, known, f"{fresh} read as {known}: the page bounds this index by "
                                                      f"{known} before and writes {fresh} here only as a sum's bound")
        return super().unify(a, b, tok, what)

    def bound_only_here(self, size: sp.Expr) -> bool:
        """Whether ``size`` is a letter new to the page that this source writes only as the upper bound of sums
        (``\\sum_{k=1}^{n}``): another name for the size the page already gives the index it bounds."""
        if not isinstance(size, sp.Symbol) or isinstance(size, sp.Dummy) or self.ctx.declared_elsewhere(size.name):
            return False
        texts = [t.text for t in self.toks]
        places = [k for k, t in enumerate(self.toks) if t.kind == "letter" and t.text == size.name]
        return bool(places) and r"\sum" in texts and all(
            texts[k - 1] == "^" or (texts[k - 2:k] == ["^", "{"] and texts[k + 1] == "}") for k in places if k >= 2)

    def invented(self, size: sp.Expr) -> bool:
        """Whether ``size`` is one the reader gave an index nothing sized (no one wrote it, no fact declares it)."""
        if not isinstance(size, sp.Symbol) or isinstance(size, sp.Dummy):
            return False
        unsaid = size.name == self.ctx.default_size and size.name not in self.ctx.sizes and size.name not in self.sizes
        return size.name in provisional(self.ctx) or unsaid

    def settle_size(self, old: sp.Symbol, new: sp.Expr, why: str | None = None) -> None:
        """The invented size ``old`` is ``new`` from now on, in the context and in this reading."""
        provisional(self.ctx).discard(old.name)
        mapping = {old: new}
        ctx = self.ctx
        for f in dataclasses.fields(ctx):
            if f.name not in ("sizes", "notes"):
                setattr(ctx, f.name, renamed(getattr(ctx, f.name), mapping))
        ctx.sizes.pop(old.name, None)
        self.sizes.pop(old.name, None)
        if ctx.default_size == old.name and isinstance(new, sp.Symbol):
            ctx.default_size = new.name
        self.new_tensors = renamed(self.new_tensors, mapping)
        self.pending = renamed(self.pending, mapping)
        self.binders = renamed(self.binders, mapping)
        self.bounded = renamed(self.bounded, mapping)
        self.parent = {k: self.find(v).xreplace(mapping) for k, v in self.parent.items() if k != old}
        self.parent[old] = new
        self.note(why or f"the size {old} that the reader gave an index nothing sized is {new}, the first bound written")

    def resolve(self) -> dict[sp.Expr, sp.Expr]:
        mapping = super().resolve()  # type: ignore[misc]
        settled = {k: v for k, v in self.parent.items() if isinstance(k, sp.Symbol) and not isinstance(k, sp.Dummy)}
        return {**{k: v.xreplace(settled) for k, v in mapping.items()}, **settled}

    def commit(self, mapping: dict[sp.Expr, sp.Expr]) -> None:
        written = {t.text for t in self.toks if t.kind == "letter"}
        before = set(self.ctx.sizes)
        super().commit(mapping)  # type: ignore[misc]
        invented = provisional(self.ctx)
        invented -= written & set(self.sizes)
        by_use = getattr(self, "by_use_sizes", set())  # the m x n of a matrix read by its use are no guess to undo
        invented |= {name for name in self.sizes if name not in before and name not in written and name not in by_use}


def _written(size: sp.Expr) -> bool:
    """Whether ``size`` is a size someone wrote: a letter or a number, not one being unified."""
    return isinstance(size, (sp.Symbol, sp.Integer)) and not isinstance(size, sp.Dummy)
