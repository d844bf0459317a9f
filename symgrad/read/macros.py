"""Macros a page defines (``\\newcommand{\\sigmoid}{\\operatorname{sigmoid}}``, ``\\def\\p{\\partial}``,
``\\DeclareMathOperator{\\softmax}{softmax}``, a block of them in one fact), given as facts and expanded in everything
read after them. A macro may take arguments (``\\def\\grad#1#2{\\frac{\\p #1}{\\p #2}}``,
``\\newcommand{\\norm}[1]{\\|#1\\|}``): at each use its arguments are read as TeX reads them, a braced group or else
one token (``\\grad gx`` is ``\\grad{g}{x}``), and put for #1, #2."""

from __future__ import annotations

import re

from ..errors import ParseError

_NAME = r"\\(?:[A-Za-z]+|[^A-Za-z\s])"
_DEF = re.compile(r"\\def\s*(" + _NAME + r")\s*((?:#\d\s*)*)(?=\{)")
_NEWCOMMAND = re.compile(r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*(" + _NAME + r")\s*\}|(" + _NAME + r"))"
                         r"\s*(?:\[\s*(\d)\s*\])?\s*(?:(\[)|(?=\{))")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*(?:\{\s*(" + _NAME + r")\s*\}|(" + _NAME + r"))\s*(?=\{)")
_USES = 2000  # macro uses expanded in one text at most; more is a macro that uses itself


class _Body(str):
    """The body of a macro that takes arguments, with how many."""
    arity: int


def _group(text: str, start: int) -> int:
    """The index just past the braced group opening at ``text[start]``, or -1 when its braces do not close."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _one(text: str, pos: int, macros: dict[str, str]) -> int | None:
    """Record the definition at ``text[pos]``; the index past it, or None when none starts there."""
    m = _DEF.match(text, pos)
    if m is not None:
        name, params = m.group(1), re.findall(r"#(\d)", m.group(2))
        if params != [str(k) for k in range(1, len(params) + 1)]:
            raise ParseError(f"{name}'s parameters are not #1, #2, ... in order", column=m.start(2) + 1, source=text)
        arity = len(params)
    elif (m := _OPERATOR.match(text, pos)) is not None:  # \DeclareMathOperator{\softmax}{softmax}
        name, arity = m.group(1) or m.group(2), 0
    else:
        m = _NEWCOMMAND.match(text, pos)
        if m is None:
            return None
        name, arity = m.group(1) or m.group(2), int(m.group(3) or 0)
        if m.group(4):
            raise ParseError(f"{name} has an optional argument: symgrad expands macros whose arguments are all "
                             "required", column=m.start(4) + 1, source=text)
    start = text.index("{", m.end())
    end = _group(text, start)
    if end < 0:
        raise ParseError(f"{name}'s body does not close its braces", column=start + 1, source=text)
    body = text[start + 1:end - 1] if m.re is not _OPERATOR else rf"\operatorname{{{text[start + 1:end - 1]}}}"
    if arity:
        body = _Body(body)
        body.arity = arity
    macros[name] = body
    return end


def define(text: str, macros: dict[str, str]) -> bool:
    """Record the macros ``text`` defines in ``macros``; False when ``text`` is not only macro definitions (in $)."""
    pos, found = 0, {}
    while True:
        while pos < len(text) and (text[pos].isspace() or text[pos] == "$"):
            pos += 1
        if pos == len(text):
            break
        end = _one(text, pos, found)
        if end is None:
            return False
        pos = end
    macros.update(found)
    return bool(found)


def _argument(text: str, pos: int, name: str) -> tuple[str, int]:
    """The argument starting at (or after spaces from) ``text[pos]``: a braced group's inside or one token."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos == len(text) or text[pos] == "}":
        raise ParseError(f"{name} is missing an argument", column=pos + 1, source=text)
    if text[pos] == "{":
        end = _group(text, pos)
        if end < 0:
            raise ParseError(f"{name}'s argument does not close its braces", column=pos + 1, source=text)
        return text[pos + 1:end - 1], end
    token = re.match(_NAME, text[pos:]) if text[pos] == "\\" else None
    end = pos + (token.end() if token else 1)
    return text[pos:end], end


def _use(text: str, m: re.Match, body: str) -> str:
    """``text`` with the use of a macro that ``m`` matched replaced by ``body``, its arguments put in."""
    end = m.end()
    for k in range(1, getattr(body, "arity", 0) + 1):
        arg, end = _argument(text, end, m.group())
        body = body.replace(f"#{k}", arg)
    return f"{text[:m.start()]}{body} {text[end:]}"


def expand(text: str, macros: dict[str, str]) -> str:
    """``text`` with each defined macro replaced by its body (``\\sigmoid`` but not ``\\sigmoidal``), its arguments
    put in, and again for the macros the bodies use."""
    names = sorted(macros, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) + (r"(?![A-Za-z])" if n[-1].isalpha() else "") for n in names))
    for _ in range(_USES):
        m = pattern.search(text)
        if m is None:
            return text
        text = _use(text, m, macros[m.group()])
    raise ParseError(f"{m.group()} expands without end (a macro that uses itself?)", source=text)
