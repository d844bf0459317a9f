"""``D(\\|x\\|^2) = 2x^\\top``: a claim whose head is D (no name here) applied to an expression of one declared variable
is the derivative of that expression by it, ``\\frac{d}{dx}(\\|x\\|^2)`` (noted); with two declared names in the
brackets (``D(x^T A x)``) the variable is not said, and the head is left to be refused."""

from __future__ import annotations

from .context import Context
from .derivative_names import made, spelled
from .tokens import _group_close, _Tok


def operator_d_of_expression(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with a head ``D(expression)`` written as ``\\frac{d}{dx}(expression)``; unchanged otherwise."""
    if len(toks) < 5 or toks[0].text != "D" or toks[0].kind != "letter" or toks[1].text != "(" or \
            toks[1].col != toks[0].col + 1 or ctx.declared_elsewhere("D"):
        return toks
    close = _group_close(toks, 1)
    if close is None or toks[close + 1].text != "=":
        return toks
    names = {t.text.lstrip("\\") for t in toks[2:close] if t.kind in ("letter", "cmd")} & set(ctx.tensors)
    if len(names) != 1:
        return toks
    (x,) = names
    ctx.notes.append(f"D(...) read as the derivative of the expression in its brackets by {x}, its one variable "
                     "(nothing defines D)")
    return [_Tok(t.kind, t.text, toks[0].col) for t in made(rf"\frac{{d}}{{d {spelled(x)}}}")] + toks[1:]
