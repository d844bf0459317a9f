"""A fact that defines a name with its indices (``z_i = w x_i``, ``z^i = \\sigma(\\alpha^T x^i)``, ``(u^i) = w^T z^i``,
``z_1^i = ...``): the left side is one name and its sub- and superscripts of index letters and numbers, so the fact
is that name's definition for each index, as a ``--define`` would be (the caller notes it)."""

from __future__ import annotations

import re

from .context import Context
from .parser import _Parser
from .tokens import _Tok

_SCRIPT = {"_", "^", "{", "}", "(", ")", ","}


def indexed_name(latex: str, side: list[_Tok], ctx: Context) -> str | None:
    """The name of a left side that is a name with index sub- and superscripts (``z_1^i``, ``(u^i)``), else None."""
    if len(side) > 2 and side[0].text == "(" and side[-1].text == ")":
        side = side[1:-1]
    if not side:
        return None
    p = _Parser(latex, side + [_Tok("end", "", side[-1].col + len(side[-1].text))], ctx)
    named = p.read_name(word=True)
    rest = side[p.pos:] if named is not None else []
    scripts = [t for t in rest if t.text not in _SCRIPT]
    if named is None or not rest or rest[0].text not in ("_", "^") or not scripts or any(
            not (t.kind in ("letter", "digit") and len(t.text) == 1) for t in scripts):
        return None
    return named[0]


_WRAPPED = re.compile(r"^(\s*)\((\s*\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}=]*\}|[A-Za-z0-9]))+\s*)\)(\s*=[^=]*)$")


def unwrapped(latex: str) -> str:
    """``(u^i) = w^T z^i`` with the parentheses round the defined name blanked (the same width, so columns stay)."""
    return _WRAPPED.sub(r"\1 \2 \3", latex) if isinstance(latex, str) else latex


FACT_DEFINITION = " (among the facts) read as a definition"  # the note a definition read from a fact leaves


def taken(name: str, ctx: Context) -> bool:
    """Whether ``name`` is a name of the problem that a fact ``name = ...`` may not define: known, unless only as an
    input of a definition read from an earlier fact (``z_i = \\sigma(b_i)`` read before ``b_i = \\sum_j A_{ij} x_j``,
    which waits for the definitions' ranges): then the later fact defines it, as it would have read first."""
    if not ctx.known(name):
        return False
    if name not in ctx.tensors or any(name in d for d in (ctx.definitions, ctx.functions, ctx.sizes, ctx.ranges)):
        return True
    used = re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])")
    sources = [n[:-len(FACT_DEFINITION)] for n in ctx.notes if n.endswith(FACT_DEFINITION)]
    return not any(used.search(s.split("=", 1)[1]) for s in sources if "=" in s)
