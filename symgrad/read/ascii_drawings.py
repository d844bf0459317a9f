"""A formula drawn in ASCII (a derivative calculator's pretty print: exponents on the line above, a fraction bar of
dashes, brackets of ``/`` and ``\\``) followed by the same formula in LaTeX between ``$$``, as calculator pages show a
result: the drawing is set aside (blanked, columns kept) and the display read, noted. Text before ``$$`` that is no
drawing (words, an =, LaTeX's braces) is left as written."""

from __future__ import annotations

import re

_DISPLAY = re.compile(r"\$\$[^$]+\$\$\s*$")
_BAR = re.compile(r"-{3,}")
_DRAWN = re.compile(r"[A-Za-z0-9 +\-*/\\|().,^]*")


def drawing_set_aside(text: str) -> str | None:
    """``text`` with the drawing before its closing ``$$...$$`` display blanked, or None where there is none."""
    m = _DISPLAY.search(text)
    if m is None:
        return None
    drawing = text[:m.start()]
    lines = [line for line in drawing.split("\n") if line.strip()]
    if len(lines) < 3 or not any(_BAR.search(line) for line in lines) or not all(_DRAWN.fullmatch(line) for line in lines):
        return None
    return re.sub(r"[^\n]", " ", drawing) + text[m.start():]
