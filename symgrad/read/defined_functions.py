"""Functions the problem defines (``s(x) = ...``), applied: the node at its own parameters, else the body at the
arguments, with the other defined functions it uses at a shared parameter applied there too."""

from __future__ import annotations

import sympy as sp

from .context import Function
from .differentials import source_text
from .tokens import _Tok
from .vocabulary import _extent, _free_indices, _Val


class _DefinedFunctions:
    """Applying a defined function (a part of the parser)."""

    def apply_defined(self, name: str, args: list[_Val], tok: _Tok) -> _Val:
        """A function the problem defines, applied: its node at its own parameters, else its body there."""
        fn = self.ctx.functions[name]
        if len(args) != len(fn.params):
            raise self.error(f"{name} takes {len(fn.params)} arguments, got {len(args)}", tok)
        node = self.ctx.definitions[name].lhs if name in self.ctx.definitions else None
        if node is not None and all(a.expr == p or (isinstance(a.expr, sp.Indexed) and a.expr.base == p)
                                    for a, p in zip(args, fn.params)) and not _entry_elsewhere(node, args):
            return _Val(node)
        entry = _entry(fn, node, args)
        if entry is not None:  # h(x) = theta_0 + theta_1 x of a vector x, at the sample x^{(i)}: h's entry i
            at = ", ".join(map(str, entry.indices))
            self.note(f"{name} at the entry {at} of its array parameter read as the entry {at} of {name}: "
                      f"{name} acts entry by entry")
            return _Val(entry)
        if node is not None and len(args) == 1 and args[0].expr.has(node):
            written = source_text(self.src, self.toks[self.toks.index(tok):self.pos])
            self.note(f"{written} read as a product: the parenthesis holds {tok.text} itself, a value, not an argument")
            return self.mul(_Val(node), args[0], "implicit", tok)  # sigma(1 - sigma) is a product
        body, axes = self.inlined(fn), ()
        _refuse_number_read_array(self, fn, args, tok)
        clashing = {i for sm in body.atoms(sp.Sum) for i, *_ in sm.limits if isinstance(i, sp.Idx) and str(i) in self.used}
        body = body.xreplace({i: self.fresh(_extent(i)) for i in sorted(clashing, key=str)})  # its sums' own indices
        for a, p in zip(args, fn.params):
            if isinstance(p, sp.IndexedBase):
                if not (isinstance(a.expr, sp.Indexed) and len(a.free) == len(p.shape or ())):
                    raise self.error(f"{name} expects an array for {p}", tok)
                body = _at_array(body, p, a)
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


def _at_array(body: sp.Expr, p: sp.IndexedBase, a: _Val) -> sp.Expr:
    """``body`` with the array parameter ``p`` replaced by the argument array ``a``: each entry p[k] by a's entry at k
    along a's free axes (``h(x^{(i)})`` of ``h(v) = \\theta^T v``: v_k is x_{ik}, the row i's entry k), not by a's whole
    array, which would lose the indices a fixes (the sample i)."""
    if len(a.expr.indices) == len(a.free):  # the whole array: its name stands for p's
        return body.xreplace({p: a.expr.base})
    return body.replace(lambda e: isinstance(e, sp.Indexed) and e.base == p,
                        lambda e: a.expr.xreplace(dict(zip(a.free, e.indices))))


def _refuse_number_read_array(p: object, fn: Function, args: list[_Val], tok: _Tok) -> None:
    """Refuse a function whose parameter was read as a number (nothing declared its shape) and whose value is an array
    (``h(v) = \\theta^T v``, theta a vector: theta_j v, a row), applied to an array (``h(x^{(i)})``, a sample's row):
    substituted entry by entry it would be theta_j x_ij, where the page means the product theta^T x^{(i)} of two
    vectors. The parameter's shape decides, and nothing stated it."""
    body_axes = _free_indices(fn.body)
    for a, q in zip(args, fn.params):
        if isinstance(q, sp.Symbol) and a.axes and body_axes:
            raise p.error(f"{fn.name}({q}) was read with {q} a number (nothing declares its shape) and its value is an "
                          f"array; applied here to an array, {q} is one too: declare its shape ({q} \\in "
                          f"\\mathbb{{R}}^{{n}}) so that {fn.name} is read with it", tok)


def _entry_elsewhere(node: sp.Expr, args: list[_Val]) -> bool:
    """Whether the one argument is an entry of the parameter array at other indices than the node's (``h(x_2)`` of
    ``h_j = ... x_j``): the node at its own indices would be another entry."""
    return isinstance(node, sp.Indexed) and len(args) == 1 and isinstance(args[0].expr, sp.Indexed) and \
        args[0].expr.indices != node.indices


def _entry(fn: Function, node: sp.Expr | None, args: list[_Val]) -> sp.Expr | None:
    """The node's entry where a function of one array acts entry by entry (its body writes the array only at the node's
    own indices: ``h_j = \\theta_0 + \\theta_1 x_j``) and is applied to one entry of that array (``h(x^{(i)})`` is
    ``h_i``); None for anything else."""
    if not isinstance(node, sp.Indexed) or len(args) != 1 or len(fn.params) != 1:
        return None
    (p,), a = fn.params, args[0].expr
    if not (isinstance(p, sp.IndexedBase) and isinstance(a, sp.Indexed) and str(a.base.label) == str(p.label)
            and not args[0].free and len(a.indices) == len(node.indices)):
        return None
    written = [x for x in fn.body.atoms(sp.Indexed) if str(x.base.label) == str(p.label)]
    if not written or any(x.indices != node.indices for x in written) or fn.body.atoms(sp.Sum):
        return None
    return node.xreplace(dict(zip(node.indices, a.indices)))
