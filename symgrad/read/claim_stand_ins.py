"""Names a claim uses that nothing defines, read as what the page means by them: the output of its one function, the
samples stacked."""

from __future__ import annotations

import sympy as sp

from ..tensors import Definition
from .context import Context
from .tokens import _Tok


def _output_of_the_function(toks: list[_Tok], ctx: Context) -> None:
    """``dy/dx`` or ``\\frac{dy}{dx}`` with y never named, and the page's one definition a function ``f(x)`` of that x:
    y is its output ``f(x)`` (noted), as pages write y = f(x)."""
    if len(ctx.functions) != 1 or len(ctx.definitions) != 1:
        return
    (f,) = ctx.functions.values()
    if len(f.params) != 1 or not isinstance(f.params[0], sp.Symbol):
        return
    x = str(f.params[0])
    for k in range(len(toks) - 4):
        d, y, close, d2, var = toks[k:k + 5]
        if d.text in ("d", r"\partial") and y.kind == "letter" and close.text in ("/", "}") and not ctx.known(y.text) \
                and y.text not in (x, f.name) and (var.text == x or d2.text == "{" and toks[k + 5].text == x):
            ctx.definitions[y.text] = Definition(sp.Symbol(y.text), f.body)
            ctx.notes.append(f"{y.text} (not defined) read as {f.name}({x}), the one function defined")
            return


def _stacked_samples(toks: list[_Tok], ctx: Context) -> None:
    """``X^T(Xw - y)`` with X never named and the definitions written per sample (``w^T x_i``): X is the samples x_i
    stacked, row i of X the x_i (noted), as pages write the matrix form of a per-sample loss. Not the X of dX (a d-name)."""
    for before, t in zip([None, *toks], toks):
        lower = ctx.tensors.get(t.text.lower())
        if before is not None and before.text == "d" and before.col + 1 == t.col:
            continue
        if t.kind == "letter" and t.text.isupper() and not ctx.declared_elsewhere(t.text) and isinstance(
                lower, sp.IndexedBase) and t.text.lower() not in ctx.definitions:
            ctx.tensors[t.text] = lower
            ctx.notes.append(f"{t.text} (not defined) read as the {t.text.lower()}_i stacked: row i of {t.text} is "
                             f"{t.text.lower()}_i")
