"""A letter that is a constant until a name of that spelling is declared (``e``, ``\\pi``: read.letters), defined
by a definition read after one that already used it as the constant: ``L = w^2 + e^2`` and then ``e = y - wx`` (a page
defining its terms after the loss). The first was read with Euler's number, silently, and the WRONG 2w for dL/dw
was proved; the page may mean either, so the later definition is refused naming both readings."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from ..tensors import Definition
from .context import Context

_WHAT = {"e": ("e", "Euler's number", r"\exp(1)"), "pi": (r"\pi", "the number 3.14159...", "3.14159")}


class _ConstantsRead:
    """Remember, in the context, each source that read ``e`` as Euler's number (a part of the parser)."""

    def commit(self, mapping: dict[sp.Expr, sp.Expr]) -> None:
        super().commit(mapping)  # type: ignore[misc]
        if self.euler is not None:  # type: ignore[attr-defined]
            self.ctx.__dict__.setdefault("euler_sources", []).append(self.src)  # type: ignore[attr-defined]


def constant_defined_later(ctx: Context, defn: Definition) -> None:
    """Refuse ``defn`` where it defines e or pi and a source read before it used that letter as the constant (e as
    Euler's number: ``_ConstantsRead``; pi: the number in a definition's right side)."""
    if defn.name not in _WHAT:
        return
    spelled, what, number = _WHAT[defn.name]
    if defn.name == "e":
        earlier = next(iter(ctx.__dict__.get("euler_sources", ())), None)
    else:
        earlier = next((f"{d.lhs} = ..." for name, d in ctx.definitions.items() if name != "pi" and d.rhs.has(sp.pi)),
                       None)
    if earlier is not None:
        raise ParseError(f"{spelled} has two readings: {earlier} was read before {spelled} is defined, with {what}, "
                         f"but {spelled} may be the name defined here; define {spelled} first to mean the name, or write "
                         f"{number} for the number", column=1)
