"""Cases as plain text and READMEs write them after a formula's last ``=``: ``0.01 if z < 0, 1 if z >= 0``,
``0.01 [when z < 0]; 1 [when z >= 0]``, ``0 for x < 0 and 1 for x > 0``, ``1 if x > 0; 0 otherwise``: respelled as the braces the reader reads (``{0.01 if z < 0; 1 if z >= 0}``), each word replaced by one of
the same width so that columns stay. Only where every piece has its condition (or the last says otherwise); anything
else is left as written."""

from __future__ import annotations

import re

from ..errors import ParseError

_OPEN, _CLOSE = "([{", ")]}"
_WORD = re.compile(r"(?<![A-Za-z])(if|when|for)(?![A-Za-z])")
_OTHERWISE = re.compile(r"(?<![A-Za-z])(otherwise|else)(?![A-Za-z])")
_RELATION = re.compile(r"[<>]|!=|==|≤|≥|≠")
_SEPARATOR = re.compile(r"[;,]|(?<![A-Za-z])and(?![A-Za-z])")


def _depths(src: str) -> list[int]:
    """The bracket depth of each character of ``src`` (a bracket itself at the depth outside it)."""
    depth, out = 0, []
    for c in src:
        depth -= c in _CLOSE
        out.append(depth)
        depth += c in _OPEN
    return out


def _case(piece: str) -> str | None:
    """``piece`` as ``value if condition`` of the same width, or None where it has no condition."""
    if _OTHERWISE.search(piece):
        return piece
    word = _WORD.search(piece)
    if word and piece[:word.start()].strip() and _RELATION.search(piece[word.end():]):
        text = piece[:word.start()] + "if".ljust(len(word.group(1))) + piece[word.end():]
        before, after = text[:word.start()].rstrip(), text.rstrip()
        if before.endswith(("[", "(")) and after.endswith(("]", ")")):  # [when z < 0], (if x > 0)
            text = f"{before[:-1]} {text[len(before):len(after) - 1]} {text[len(after):]}"
        return text
    return None  # 0.01 (z < 0) is no case: a product with an indicator reads the same way


def _after_last_equals(src: str, depths: list[int]) -> int | None:
    """Where the right side of the last top-level ``=`` (not ``<=``, ``>=``, ``!=``, ``==``) starts; None without one."""
    eqs = [k for k, c in enumerate(src) if c == "=" and depths[k] == 0 and src[k - 1:k] not in ("<", ">", "!", "=")
           and src[k + 1:k + 2] != "="]
    return eqs[-1] + 1 if eqs and src[eqs[-1] + 1:].strip() else None


def _rendered_rows(src: str) -> None:
    """Refuse a rendered cases display copied as text (``f(x)={x,if x≥0λx,if x<0``: a brace never closed, rows run
    together): where one row ends is lost, so the LaTeX source is asked for."""
    opened = re.search(r"=\s*\{", src)
    rest = src[opened.start():] if opened else ""
    if opened and rest.count("{") > rest.count("}") and len(_WORD.findall(rest)) >= 2:
        raise ParseError("a rendered cases display copied as text (its brace never closed, its rows run together): "
                         r"paste the LaTeX source, \begin{cases} a & x < 0 \\ b & x \geq 0 \end{cases}",
                         column=opened.end(), source=src)


def _conditional(side: str, depths: list[int]) -> str:
    """Python's conditional ``a if c1 else b if c2 else d`` (a docstring's formula; ``1 for x > 0 else 0``, its if
    written for or when) as ``a if c1; b if c2; d otherwise``, each ``else`` blanked to a ``;`` (columns kept before the
    last value); ``side`` as written where it is no such chain."""
    words = [m for m in re.finditer(r"(?<![A-Za-z])(if|for|when|else)(?![A-Za-z])", side) if depths[m.start()] == 0]
    if not words or [m[1] != "else" for m in words] != [True, False] * (len(words) // 2) or _SEPARATOR.search(side) or \
            not all(_RELATION.search(side[a.end():b.start()]) for a, b in zip(words[::2], words[1::2], strict=True)):
        return side
    out = side
    for m in words[1::2]:
        out = out[:m.start()] + ";".ljust(len(m[0])) + out[m.end():]
    return f"{out.rstrip()} otherwise"


def braced(src: str) -> str:
    """``src`` with plain-text cases after its last top-level ``=`` respelled as ``{v if c; v if c}``; a rendered
    cases display copied as text is refused."""
    if "\\" not in src:
        _rendered_rows(src)
    if "\\" in src or not _RELATION.search(src) or not (_WORD.search(src) or "(" in src):
        return src
    depths = _depths(src)
    start = _after_last_equals(src, depths)
    if start is None:
        return src
    src = src[:start] + _conditional(src[start:], depths[start:])  # a if c else b: a if c; b otherwise
    depths = _depths(src)
    cuts = [m for m in _SEPARATOR.finditer(src, start) if depths[m.start()] == 0]
    bounds = [start, *[x for m in cuts for x in (m.start(), m.end())], len(src)]
    pieces = [src[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]
    cases = [_case(p) for p in pieces]
    if len(pieces) < 2 or any(c is None for c in cases) or any(_OTHERWISE.search(p) for p in pieces[:-1]):
        return src
    out = src[:start]
    for k, case in enumerate(cases):
        out += case + (";".ljust(len(cuts[k].group(0))) if k < len(cuts) else "")
    opening = "{" if out[start:start + 1] == " " else " {"
    return out[:start] + opening + out[start + (opening == "{"):] + "}"


def cases_notes(src: str) -> list[str]:
    """What ``braced`` decided for ``src``, as notes for the verdict."""
    if braced(src) == src:
        return []
    note = ("text: the cases after the last = (value if/when/for condition, separated by , ; or and, or Python's a if "
            "c else b) read as {value if condition; ...}")
    return [note]
