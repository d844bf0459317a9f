"""Macros a page defines (``\\newcommand{\\sigmoid}{\\operatorname{sigmoid}}``, ``\\def\\p{\\partial}``,
``\\DeclareMathOperator{\\softmax}{softmax}``, a block of them in one fact), given as facts and expanded in everything
read after them. A macro may take arguments (``\\def\\grad#1#2{\\frac{\\p #1}{\\p #2}}``,
``\\newcommand{\\norm}[1]{\\|#1\\|}``): at each use its arguments are read as TeX reads them, a braced group or else
one token (``\\grad gx`` is ``\\grad{g}{x}``), and put for #1, #2. A ``\\def`` may delimit its parameters as TeX
allows (``\\def\\avgsum[#1,#2]{...}``, used ``\\avgsum[i, n]``): the text it writes between them must follow the macro
where it is used, and an argument followed by such text runs up to it (outside braces)."""

from __future__ import annotations

import re

from ..errors import ParseError

_NAME = r"\\(?:[A-Za-z]+|[^A-Za-z\s])"
_DEF = re.compile(r"\\def\s*(" + _NAME + r")\s*([^{}]*?)\s*(?=\{)")  # the parameter text: #1#2, or [#1,#2]
_DELIMITER = re.compile(r"#(\d)|([^#]+)")  # the parameter text's parts: a parameter, or text it must be written with
_NEWCOMMAND = re.compile(r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*(" + _NAME + r")\s*\}|(" + _NAME + r"))"
                         r"\s*(?:\[\s*(\d)\s*\])?\s*(?:(\[)|(?=\{))")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*(?:\{\s*(" + _NAME + r")\s*\}|(" + _NAME + r"))\s*(?=\{)")
_USES = 2000  # macro uses expanded in one text at most; more is a macro that uses itself


class _Body(str):
    """The body of a macro that takes arguments, with how many, and the parameter text of a ``\\def`` that delimits
    them (``[#1,#2]``: ``("[", 1, ",", 2, "]")``, the parameters as numbers, the text between as strings)."""
    arity: int
    delimited: tuple[str | int, ...] = ()


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
        if params != [str(k) for k in range(1, len(params) + 1)] or m.group(2) and not params:
            raise ParseError(f"{name}'s parameters are not #1, #2, ... in order", column=m.start(2) + 1, source=text)
        arity = len(params)
        parts = tuple(int(p[0]) if p[0] else "".join(p[1].split()) for p in _DELIMITER.findall(m.group(2)))
        delimited = parts if any(isinstance(p, str) and p for p in parts) else ()
    elif (m := _OPERATOR.match(text, pos)) is not None:  # \DeclareMathOperator{\softmax}{softmax}
        name, arity, delimited = m.group(1) or m.group(2), 0, ()
    else:
        m = _NEWCOMMAND.match(text, pos)
        if m is None:
            return None
        name, arity, delimited = m.group(1) or m.group(2), int(m.group(3) or 0), ()
        if m.group(4):
            raise ParseError(f"{name} has an optional argument: symgrad expands macros whose arguments are all "
                             "required", column=m.start(4) + 1, source=text)
    start = text.index("{", m.end())
    end = _group(text, start)
    if end < 0:
        raise ParseError(f"{name}'s body does not close its braces", column=start + 1, source=text)
    body = text[start + 1:end - 1] if m.re is not _OPERATOR else rf"\operatorname{{{text[start + 1:end - 1]}}}"
    if arity or delimited:
        body = _Body(body)
        body.arity, body.delimited = arity, tuple(p for p in delimited if p != "")
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


def _delimited(text: str, pos: int, name: str, delimiter: str) -> tuple[str, int]:
    """The argument from ``text[pos]`` up to ``delimiter`` outside braces (one pair of braces around all of it taken
    off, as TeX does), and the index of the delimiter."""
    depth = 0
    for i in range(pos, len(text)):
        if depth == 0 and text.startswith(delimiter, i):
            arg = text[pos:i].strip()
            return (arg[1:-1] if arg.startswith("{") and _group(arg, 0) == len(arg) else arg), i
        depth += {"{": 1, "}": -1}.get(text[i], 0) if text[i - 1] != "\\" else 0
        if depth < 0:
            break
    raise ParseError(f"{name} is used without the {delimiter!r} its definition writes after an argument", column=pos + 1,
                     source=text)


def _written(text: str, pos: int, name: str, delimiter: str) -> int:
    """The index past ``delimiter``, the text a macro's definition writes between its parameters, at ``text[pos]``
    (spaces before it skipped)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if not text.startswith(delimiter, pos):
        raise ParseError(f"{name} is defined to be followed by {delimiter!r} here: write it as its definition does",
                         column=pos + 1, source=text)
    return pos + len(delimiter)


def _arguments(text: str, end: int, name: str, body: str) -> tuple[dict[int, str], int]:
    """The arguments of a use of ``name`` ending at ``text[end]``, by number, and the index past the last."""
    parts = getattr(body, "delimited", ()) or tuple(range(1, getattr(body, "arity", 0) + 1))
    args: dict[int, str] = {}
    for k, part in enumerate(parts):
        after = parts[k + 1] if k + 1 < len(parts) else None
        if isinstance(part, str):
            end = _written(text, end, name, part)
        elif isinstance(after, str):
            args[part], end = _delimited(text, end, name, after)
        else:
            args[part], end = _argument(text, end, name)
    return args, end


def _use(text: str, m: re.Match, body: str) -> str:
    """``text`` with the use of a macro that ``m`` matched replaced by ``body``, its arguments put in."""
    args, end = _arguments(text, m.end(), m.group(), body)
    for k, arg in args.items():
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
