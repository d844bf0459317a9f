"""A claim whose head is D (no name here) applied to an expression: ``D_z(\\tanh z)`` (ProofWiki's ``D_z``, the
variable written) is its derivative by z, and ``D(\\|x\\|^2) = 2x^\\top`` of an expression with one declared variable
its derivative by that variable, ``\\frac{d}{dx}(\\|x\\|^2)`` (noted); with two declared names in the brackets
(``D(x^T A x)``) the variable is not said, and the head is left to be refused."""

from __future__ import annotations

from .context import Context
from .derivative_names import made, spelled
from .tokens import _group_close, _Tok


def operator_d_of_expression(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with a head ``D(expression)`` or ``D_z(expression)`` written as ``\\frac{d}{dx}(expression)``;
    unchanged otherwise."""
    if len(toks) < 5 or toks[0].text != "D" or toks[0].kind != "letter" or ctx.declared_elsewhere("D"):
        return toks
    written = _subscript(toks)
    opened = 3 + 2 * (toks[2].text == "{") if written else 1
    close = _group_close(toks, opened) if toks[opened].text == "(" else None
    if close is None or toks[close + 1].text != "=":
        return toks
    names = {t.text.lstrip("\\") for t in toks[opened + 1:close] if t.kind in ("letter", "cmd")} & set(ctx.tensors)
    if written is None and len(names) != 1:
        return toks
    x = written or names.pop()
    ctx.notes.append(f"D{'_' + x if written else ''}(...) read as the derivative of the expression in its brackets by "
                     f"{x}{'' if written else ', its one variable'} (nothing defines D)")
    return [_Tok(t.kind, t.text, toks[0].col) for t in made(rf"\frac{{d}}{{d {spelled(x)}}}")] + toks[opened:]


def _subscript(toks: list[_Tok]) -> str | None:
    """The variable written as D's subscript (``D_z``, ``D_{z}``, ``D_\\theta``), or None."""
    if toks[1].text != "_":
        return None
    at = toks[3] if toks[2].text == "{" and toks[4].text == "}" else toks[2]
    return at.text.lstrip("\\") if at.kind in ("letter", "cmd") and at.text != "{" else None
