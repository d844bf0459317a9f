"""Row breaks as pages spell them, read as the ``\\\\`` of an aligned block (columns kept): plain TeX's alignment
``\\eqalign{ A &= B \\cr &= C \\cr }`` (its ``\\eqalign{`` and closing brace only lay out, each ``\\cr`` is a row break),
and a row break's spacing ``\\\\[8px]``, ``\\\\[2pt]`` (how far apart the rows stand: a length, nothing to read), and a row
break written twice, ``\\\\\\\\`` (a markdown source escapes each backslash of ``\\\\``; as TeX reads it, an empty row, which
states nothing): one row break."""

from __future__ import annotations

import re

from .page_markup import closing_brace

_EQALIGN = re.compile(r"\\(?:eqalign|eqalignno|leqalignno|displaylines)\s*\{")
_CR = re.compile(r"(?<!\\)\\cr(?![A-Za-z])")
# two or more row breaks in a row (spaces and line ends between), not the second half of an escaped backslash
_DOUBLED = re.compile(r"(?<!\\)\\\\(?:\s*\\\\)+")
_SPACING = re.compile(r"\\\\\s*\[\s*-?\d*\.?\d+\s*(?:px|pt|em|ex|mm|cm|in|mu|bp|pc)\s*\]")


def rows_spelled(src: str) -> str:
    """``src`` with ``\\eqalign{...}`` blanked around its rows, each ``\\cr`` a ``\\\\``, each row break's spacing
    ``[8px]`` blanked and a row break written twice one, the same width."""
    src = _DOUBLED.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), src)
    src = _SPACING.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), src)
    for m in reversed(list(_EQALIGN.finditer(src))):
        close = closing_brace(src, m.end() - 1)
        if close is None:
            continue
        inner = _CR.sub(lambda c: "\\\\ ", src[m.end():close])
        src = src[:m.start()] + " " * (m.end() - m.start()) + inner + " " + src[close + 1:]
    return src
