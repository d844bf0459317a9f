"""A superscript of several digits, or a decimal, written without braces: ``x^10``, ``x^0.5``. TeX sets only the first
character as the exponent (x^1 then 0; x^0 then .5), and the reader did the same, so ``y = x^10 + x`` was x^1 times 0
plus x and the WRONG dy/dx = 1 was proved (found by helper Dc). In plain text (no backslash anywhere) pages mean the
whole number, x^{10}, x^{0.5} and x^{-0.5}: the digits are grouped (noted, ``superscript_notes``). In LaTeX the two readings -
the page's x^{10} or TeX's x^1 0 - are refused, naming both."""

from __future__ import annotations

import re
from typing import Any

from ..errors import ParseError

_PLAIN = re.compile(r"\^(-?\d+(?:\.\d+)?)")


def _end(toks: list[Any], k: int) -> int:
    """The index of the last token of the number that starts at ``k`` (digits, and one ``.`` between digits), all
    written together."""
    m, dot = k, False
    while m + 1 < len(toks) and toks[m + 1].col == toks[m].col + len(toks[m].text):
        nxt = toks[m + 1]
        if nxt.kind == "digit":
            m += 1
        elif nxt.text == "." and not dot and m + 2 < len(toks) and toks[m + 2].kind == "digit" and \
                toks[m + 2].col == nxt.col + 1:
            m, dot = m + 2, True
        else:
            break
    return m


def grouped(toks: list[Any], src: str, tok: type) -> list[Any]:
    """``toks`` with each unbraced multi-character numeric superscript braced (plain text), or a refusal (LaTeX)."""
    if not any(t.text == "^" for t in toks):
        return toks
    out: list[Any] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        signed = k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].kind == "digit" and \
            toks[k + 2].col == toks[k + 1].col + 1  # x^-0.5
        first = k + 1 + signed
        if t.text != "^" or first >= len(toks) or toks[first].kind != "digit" or _end(toks, first) == k + 1:
            out.append(t)
            k += 1
            continue
        m = _end(toks, first)
        number = "".join(x.text for x in toks[k + 1:m + 1])
        glued = m + 1 < len(toks) and toks[m + 1].kind == "letter" and toks[m + 1].col == toks[m].col + len(toks[m].text)
        if glued and signed:  # e^-2x: e^{-2x} or e^{-2} x, left to the reader's own refusal of it
            out.append(t)
            k += 1
            continue
        if glued:
            raise ParseError(f"^{number}{toks[m + 1].text} has two readings: ^{{{number}{toks[m + 1].text}}} or "
                             f"^{{{number}}} times {toks[m + 1].text}; write the braces", column=toks[k + 1].col, source=src)
        if "\\" in src and signed:  # A^-1 in LaTeX: left to the reader's own readings
            out.append(t)
            k += 1
            continue
        if "\\" in src:
            raise ParseError(f"^{number} has two readings: the power {number} (^{{{number}}}), or TeX's ^{toks[k + 1].text} "
                             f"followed by {number[1:]}; write ^{{{number}}}", column=toks[k + 1].col, source=src)
        out += [t, tok("sym", "{", toks[k + 1].col), *toks[k + 1:m + 1], tok("sym", "}", toks[m].col)]
        k = m + 1
    return out


def superscript_notes(src: str) -> list[str]:
    """What ``grouped`` decided for plain text ``src``, for the verdict's notes."""
    if "\\" in src:
        return []
    return [f"text: ^{m.group(1)} read as ^{{{m.group(1)}}} (plain text: the whole number is the power)"
            for m in _PLAIN.finditer(src) if len(m.group(1)) > 1][:1]
