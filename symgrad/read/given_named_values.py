"""A fact naming the value of a function symgrad knows, applied (``\\sigma(z) = a``, ``\\tanh(u) = h``), where the
other side is one name nothing defines: the definition of that name (``a = \\sigma(z)``), noted. Read the other way,
as the fact defining the function, ``\\sigma`` would be the constant ``a`` and nothing would depend on ``z``."""

from __future__ import annotations

from .claims import parse_definition
from .context import Context
from .given_derivatives import _KNOWN
from .parser import _Parser
from .tokens import _split, _Tok


def _name(latex: str, side: list[_Tok], ctx: Context) -> tuple[str, int] | None:
    """The name ``side`` opens with and where it ends, else None."""
    if not side:
        return None
    if side[0].text in _KNOWN and side[0].kind == "cmd":  # \tanh, \log: commands, not names
        return side[0].text, 1
    p = _Parser(latex, side + [_Tok("end", "", side[-1].col + len(side[-1].text))], ctx)
    named = p.read_name(word=True)
    return (named[0], p.pos) if named is not None else None


def _source(latex: str, side: list[_Tok]) -> str:
    return latex[side[0].col - 1:side[-1].col - 1 + len(side[-1].text)]


def named_value(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """Read ``f(x) = a`` among the facts (f a function symgrad knows and nothing defines, a one name nothing
    defines) as the definition ``a = f(x)``, noted; False for any other fact."""
    parts = _split(toks, {"="})
    if len(parts) != 2 or len(parts[0]) < 4 or len(parts[1]) < 2:
        return False
    left, right = parts[0], parts[1][1:]
    head, name = _name(latex, left, ctx), _name(latex, right, ctx)
    if head is None or name is None or name[1] != len(right) or left[head[1]].text != "(" or left[-1].text != ")":
        return False
    function = head[0] if head[0].startswith("\\") else "\\" + head[0]
    if not {head[0], function} & _KNOWN or any(ctx.known(n) for n in (head[0], function, name[0])) or \
            any(t.text == name[0] for t in left):
        return False
    defined, value = _source(latex, right), _source(latex, left)
    parse_definition(f"{defined} = {value}", ctx)
    ctx.notes.append(f"{_source(latex, left + parts[1])} (among the facts) read as the definition of {defined}: "
                     f"{defined} = {value}")
    return True
