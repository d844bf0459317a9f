"""Macros a page defines (``\\newcommand{\\sigmoid}{\\operatorname{sigmoid}}``), given as facts and expanded in
everything read after them. Only macros without arguments: one with arguments is refused."""

from __future__ import annotations

import re

from ..errors import ParseError

_DEFINITION = re.compile(r"\s*\$*\s*\\(?:re)?newcommand\*?\s*\{?\s*(\\[A-Za-z]+)\s*\}?\s*(\[\d\])?\s*\{(.*)\}\s*\$*\s*",
                         re.DOTALL)


def define(text: str, macros: dict[str, str]) -> bool:
    """Record the macro ``text`` defines in ``macros``; False when ``text`` is not a macro definition."""
    m = _DEFINITION.fullmatch(text)
    if m is None:
        return False
    if m.group(2):
        raise ParseError(f"{m.group(1)} takes arguments: symgrad expands only macros without arguments",
                         column=text.index(m.group(2)) + 1, source=text)
    macros[m.group(1)] = m.group(3)
    return True


def expand(text: str, macros: dict[str, str]) -> str:
    """``text`` with each defined macro replaced by its body (``\\sigmoid`` but not ``\\sigmoidal``)."""
    for name, body in macros.items():
        text = re.sub(re.escape(name) + r"(?![A-Za-z])", lambda _, b=body: f"{b} ", text)
    return text
