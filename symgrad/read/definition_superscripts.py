"""A definition's left side with a superscript: ``\\sigma^2 = ...`` (a variance defined by its square) is read; any
other (``z^3_1``, ``a^3``, ``O^{ib}``, ``W^T``) is refused naming its readings."""

from __future__ import annotations

from ..errors import ParseError
from .differentials import source_text
from .parser import _Parser
from .tokens import _group_end, _Tok


def _superscript(p: _Parser, name: str, tok: _Tok) -> ParseError:
    """The error for a superscript on the defined name other than ``^2``: ``z^3_1``, ``a^3`` (a layer number, or a
    power whose root nobody means) and ``O^{ib}`` (indices written up) each have two readings."""
    at, eq = p.toks[p.pos], _equals(p)
    past = _group_end(p.toks, p.pos + 1) if p.peek(1).text == "{" else p.pos + 2
    label = source_text(p.src, p.toks[p.pos + 1:past]).strip()
    label = label[1:-1].strip() if label.startswith("{") and label.endswith("}") else label
    written = source_text(p.src, p.toks[p.toks.index(tok):eq]).strip()
    after = source_text(p.src, p.toks[past:eq]).strip() if past < eq else ""
    if label in ("T", r"\top", r"\intercal") or label.endswith("{T}"):
        return p.error(f"{written} = ... defines a transpose: define {name}{after} = (...)^T instead", at)
    if label.isalpha() and len(label) > 1 and not after:
        return p.error(f"{written}: indices written as a superscript; write {name}_{{{label}}} (symgrad reads indices "
                       f"as subscripts)", at)
    return p.error(f"{written} = ... has two readings: a power of {name}{after}, or a label {label} (a layer number) on "
                   f"the name it defines; write the label into the name (\\mathrm{{{name}{label}}}{after}) or the power on the right",
                   at)


def _equals(p: _Parser) -> int:
    """The position of the definition's ``=`` (outside braces: not the one of ``\\sum_{i=1}``), or of the end."""
    depth = 0
    for k in range(p.pos, len(p.toks)):
        depth += (p.toks[k].text == "{") - (p.toks[k].text == "}")
        if depth == 0 and p.toks[k].text == "=":
            return k
    return len(p.toks) - 1


def _squared(p: _Parser) -> bool:
    """``\\sigma^2 = ...`` (a variance defined by its square): the ``^2`` read."""
    if p.at("^") and p.peek(1).text == "2":
        p.pos += 2
        return True
    if p.at("^") and [p.peek(k).text for k in (1, 2, 3)] == ["{", "2", "}"]:
        p.pos += 4
        return True
    return False
