"""Row breaks as pages spell them, read as the ``\\\\`` of an aligned block (columns kept): plain TeX's alignment
``\\eqalign{ A &= B \\cr &= C \\cr }`` (its ``\\eqalign{`` and closing brace only lay out, each ``\\cr`` is a row break),
and a row break's spacing ``\\\\[8px]``, ``\\\\[2pt]`` (how far apart the rows stand: a length, nothing to read)."""

from __future__ import annotations

import re

from .page_markup import closing_brace

_EQALIGN = re.compile(r"\\(?:eqalign|eqalignno|leqalignno|displaylines)\s*\{")
_CR = re.compile(r"(?<!\\)\\cr(?![A-Za-z])")
_SPACING = re.compile(r"\\\\\s*\[\s*-?\d*\.?\d+\s*(?:px|pt|em|ex|mm|cm|in|mu|bp|pc)\s*\]")


def rows_spelled(src: str) -> str:
    """``src`` with ``\\eqalign{...}`` blanked around its rows, each ``\\cr`` a ``\\\\`` and each row break's spacing
    ``[8px]`` blanked, the same width."""
    src = _SPACING.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), src)
    for m in reversed(list(_EQALIGN.finditer(src))):
        close = closing_brace(src, m.end() - 1)
        if close is None:
            continue
        inner = _CR.sub(lambda c: "\\\\ ", src[m.end():close])
        src = src[:m.start()] + " " * (m.end() - m.start()) + inner + " " + src[close + 1:]
    return src
