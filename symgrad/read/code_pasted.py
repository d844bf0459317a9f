"""What copying a page loses, repaired where only one reading is left: in ``\\begin{cases} x & x > 0 \\ \\alpha x & x
\\leq 0 \\end{cases}`` the ``\\ `` between a row's condition and the next row's ``&`` is the row break ``\\\\`` that lost a
backslash (two ``&`` in one row can mean nothing else), and a ``\\end`` closing the text while cases are open is
``\\end{cases}``. Each repair keeps the columns of what follows it, and is said in the verdict's notes."""

from __future__ import annotations

import itertools
import re

_BEGIN, _END = r"\begin{cases}", r"\end{cases}"
_SPACE = re.compile(r"(?<!\\)\\ ")  # a control space, not the end of a \\


def _lost_breaks(src: str) -> list[int]:
    """The offsets of each ``\\ `` in cases that stands for a row break: the last one between a row's first ``&``
    and a second ``&`` of the same row."""
    found: list[int] = []
    start = src.find(_BEGIN)
    while start >= 0:
        pos = start + len(_BEGIN)
        end = src.find(_END, pos)
        body_end = len(src) if end < 0 else end
        for row in re.finditer(r"(?:(?!\\\\).)+", src[pos:body_end], re.DOTALL):
            text, at = row.group(0), pos + row.start()
            amps = [m.start() for m in re.finditer(r"(?<!\\)&", text)]
            for first, second in itertools.pairwise(amps):
                spaces = [m.start() for m in _SPACE.finditer(text, first, second)]
                if spaces:
                    found.append(at + spaces[-1])
        start = src.find(_BEGIN, body_end)
    return found


def _open_end(src: str) -> bool:
    """Whether ``src`` ends in a bare ``\\end`` while a ``\\begin{cases}`` is still open."""
    return bool(re.search(r"\\end\s*$", src)) and src.count(_BEGIN) == src.count(_END) + 1


def repaired(src: str) -> str:
    """``src`` with the row breaks and the ``\\end{cases}`` that copying lost put back (columns kept)."""
    if _BEGIN not in src:
        return src
    text = list(src)
    for at in _lost_breaks(src):
        text[at + 1] = "\\"
    out = "".join(text)
    return re.sub(r"\\end\s*$", lambda m: _END, out) if _open_end(src) else out


def pasted_notes(src: str) -> list[str]:
    """What ``repaired`` decided for ``src``, as notes for the verdict."""
    if _BEGIN not in src:
        return []
    notes = []
    if _lost_breaks(src):
        notes.append(r"text: \ between two rows of cases read as the row break \\ (a backslash lost in copying)")
    if _open_end(src):
        notes.append(r"text: the closing \end read as \end{cases}")
    return notes
