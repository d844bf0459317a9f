"""A function's head among the facts (``g(t) = \\tanh(t)``, ``h_\\theta(x) = \\theta_0 + \\theta_1 x``): its name, a
labelled one too (h_theta: the subscript labels the model, it indexes nothing), and its parameter letters."""

from __future__ import annotations

from .context import Context
from .parser import _Parser
from .tokens import _Tok


def function_head(latex: str, side: list[_Tok], ctx: Context) -> str | None:
    """The name of ``g(t)`` or ``h_\\theta(x)`` (a function's left side: a name, then parameter letters in
    parentheses), else None (``y_i(t)``: an element, not a name)."""
    opened = next((k for k, t in enumerate(side) if t.text == "("), None)
    if opened is None or side[-1].text != ")" or not parameters(side) or not opened:
        return None
    p = _Parser(latex, side[:opened] + [_Tok("end", "", side[opened].col)], ctx)
    named = p.read_name(word=True)
    if named is None:
        return None
    name, idxs, _ = p.indexing(named[0])
    return name if not idxs and p.peek().kind == "end" else None


def parameters(side: list[_Tok]) -> set[str]:
    """The letters of ``(s, t)`` closing a left side (a function's parameters, ``(\\theta_0, \\theta_1)`` too), else
    none."""
    opened = next((k for k, t in enumerate(side) if t.text == "("), None)
    inside = [t for t in (side[opened + 1:-1] if opened is not None and side[-1].text == ")" else [])
              if t.text not in ("{", "}", r"\mathbf", r"\boldsymbol", r"\bm", r"\vec")]  # J(\mathbf{w}): w
    if not inside or any(t.kind != "letter" and t.text != "," and not t.text[1:].isalpha() for t in _unsubscripted(inside)):
        return set()
    return {t.text for t in _unsubscripted(inside) if t.text != ","}


def _unsubscripted(toks: list[_Tok]) -> list[_Tok]:
    """``toks`` without the subscripts of the parameters (``\\theta_0``, ``\\theta_{1}``: theta)."""
    return [t for k, t in enumerate(toks) if t.text != "_" and not (k and toks[k - 1].text == "_")]
