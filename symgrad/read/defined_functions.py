"""Functions the problem defines (``s(x) = ...``), applied: the node at its own parameters, else the body at the
arguments, with the other defined functions it uses at a shared parameter applied there too."""

from __future__ import annotations

import sympy as sp

from .context import Function
from .differentials import source_text
from .tokens import _Tok
from .vocabulary import _Val


class _DefinedFunctions:
    """Applying a defined function (a part of the parser)."""

    def apply_defined(self, name: str, args: list[_Val], tok: _Tok) -> _Val:
        """A function the problem defines, applied: its node at its own parameters, else its body there."""
        fn = self.ctx.functions[name]
        if len(args) != len(fn.params):
            raise self.error(f"{name} takes {len(fn.params)} arguments, got {len(args)}", tok)
        node = self.ctx.definitions[name].lhs if name in self.ctx.definitions else None
        if node is not None and all(a.expr == p or (isinstance(a.expr, sp.Indexed) and a.expr.base == p)
                                    for a, p in zip(args, fn.params)):
            return _Val(node)
        if node is not None and len(args) == 1 and args[0].expr.has(node):
            written = source_text(self.src, self.toks[self.toks.index(tok):self.pos])
            self.note(f"{written} read as a product: the parenthesis holds {tok.text} itself, a value, not an argument")
            return self.mul(_Val(node), args[0], "implicit", tok)  # sigma(1 - sigma) is a product
        body, axes = self.inlined(fn), ()
        for a, p in zip(args, fn.params):
            if isinstance(p, sp.IndexedBase):
                if not (isinstance(a.expr, sp.Indexed) and len(a.free) == len(p.shape or ())):
                    raise self.error(f"{name} expects an array for {p}", tok)
                body = body.xreplace({p: a.expr.base})
            else:
                body, axes = body.xreplace({p: a.expr}), axes or a.axes
        return _Val(body, axes)

    def inlined(self, fn: Function) -> sp.Expr:
        """``fn``'s body with each other function's node that stands there at a shared parameter replaced by that
        function's body: with ``d(x) = s(x)(1 - s(x))`` (written s (1 - s), s at x), d(u) is s(u)(1 - s(u)), not s(x)(1 - s(x))."""
        nodes = {self.ctx.definitions[g].lhs: h.body for g, h in self.ctx.functions.items()
                 if g != fn.name and g in self.ctx.definitions and isinstance(self.ctx.definitions[g].lhs, sp.Symbol)
                 and set(h.params) & set(fn.params)}
        body = fn.body
        for _ in range(len(nodes)):
            if not set(nodes) & body.free_symbols:
                break
            body = body.xreplace(nodes)
        return body
