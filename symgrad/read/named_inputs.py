"""After a defined name, ``(w, b)`` or ``(\\mathbf{a})`` names its inputs (``L(w, b)``, ``p_i(\\mathbf{a})``): it is
skipped, the name read as defined. An element whose definition named its inputs in its head (``S(y)_w = ...``, the
w-th entry of a function of y, read as the element S_w of y) written of other inputs (``S(z)_w``) is no naming of
inputs: it applies the function to z, which the element S_w (of y) cannot spell, and reading it as S_w silently
dropped z. It is refused, naming both readings."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError


class _NamedInputs:
    """The inputs written after a defined name (a part of the parser)."""

    def inputs_named(self, name: str) -> None:
        """After the defined ``name``, ``(w, b)`` naming its inputs is skipped; anything else after it (``L(1 - L)``)
        is left to be read as a product; other inputs than its head named (``S(z)_w`` after ``S(y)_w = ...``)
        are refused."""
        save = self.pos
        try:
            args = self.arguments()
        except ParseError:
            args = None
        if args is None or not all(isinstance(a.expr, (sp.Symbol, sp.Indexed)) for a in args) or \
                len(args) == 1 and self.spaced(save):
            self.pos = save
            return
        named = self.ctx.element_inputs.get(name)
        written = tuple(str(a.expr.base if isinstance(a.expr, sp.Indexed) else a.expr) for a in args)
        if named is not None and written != named:
            raise self.error(f"{name}({', '.join(written)}) has two readings: {name} defined of {', '.join(named)} "
                             f"(its head {name}({', '.join(named)})_... names its inputs) and written here of "
                             f"{', '.join(written)}: the function applied to them, or the element of "
                             f"{', '.join(named)} with its inputs misnamed; define {name} as a function of its "
                             f"argument ({name}(x) = ... without an index), or write {name} of "
                             f"{', '.join(named)}", self.toks[save])

    def spaced(self, at: int) -> bool:
        """Whether the ``(`` at ``at`` stands apart from the name before it (``d (a)^T``): one factor after a space
        is a product, as ``Q (K^T)`` is (read.applications); glued, ``L(w)`` names L's input."""
        before, paren = self.toks[at - 1], self.toks[at]
        return at > 0 and before.col + len(before.text) != paren.col
