"""``1/2m``: divided by 2m, or by 2 then times m. ML pages mean 1/(2m) (the mean over m samples, halved), but the reader
decides it only where the same formula shows that intent: a sum over i = 1 to m, or ``\\frac{1}{2m}`` written out
elsewhere in it; then the divisor is grouped (noted), and elsewhere the reader goes on refusing, naming both readings."""

from __future__ import annotations

import re

# a count written in the same formula: \sum_{i=1}^{m}, \sum^{m}_{i=1}, sum_{i=1}^m, \frac{1}{2m}, i = 1, ..., m
_INTENTS = (r"sum_\{?\s*[a-z]\s*=\s*[01]\s*\}?\s*\^\s*\{?\s*{n}(?![A-Za-z])", r"sum\s*\^\s*\{?\s*{n}\s*\}?\s*_\s*\{?\s*[a-z]\s*=",
            r"\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*2\s*{n}\s*\}",
            r"[a-z]\s*=\s*1\s*,\s*(?:\\[lc]?dots|\.\.\.?|…)\s*,\s*{n}(?![A-Za-z])")


def _glued_count(toks: list, k: int) -> str | None:
    """The letter of ``/2m`` when ``/`` at ``k`` is followed by digits glued to one letter; None otherwise."""
    if toks[k].text != "/" or k + 1 >= len(toks) or toks[k + 1].kind != "digit":
        return None
    m = k + 1
    while m < len(toks) and toks[m].kind == "digit" and toks[m].col == toks[m - 1].col + 1:
        m += 1
    if m >= len(toks):
        return None  # /2 at the end: no count glued to it
    letter = toks[m]
    after = toks[m + 1] if m + 1 < len(toks) else None
    if letter.kind != "letter" or letter.col != toks[m - 1].col + 1 or \
            (after is not None and after.kind in ("letter", "digit") and after.col == letter.col + 1):
        return None
    return letter.text


def _intended(src: str, letter: str) -> bool:
    return any(re.search(p.replace("{n}", re.escape(letter)), src) for p in _INTENTS)


def grouped(toks: list, src: str, tok: type) -> list:
    """``toks`` with each ``/2m`` read as ``/(2m)`` where the formula shows m is the count it divides by."""
    out = []
    close_at = None
    for k, t in enumerate(toks):
        if k == close_at:
            out.append(tok("sym", ")", toks[k - 1].col))
        out.append(t)
        letter = _glued_count(toks, k)
        if letter is not None and _intended(src, letter):
            out.append(tok("sym", "(", toks[k + 1].col))
            close_at = next(m for m in range(k + 1, len(toks)) if toks[m].kind == "letter") + 1
    return out


def divisor_notes(src: str) -> list[str]:
    """What ``grouped`` decided for ``src``, as notes for the verdict."""
    for m in re.finditer(r"/(\d+)([A-Za-z])(?![A-Za-z0-9])", src):
        if _intended(src, m.group(2)):
            digits, count = m.groups()
            note = (f"text: /{digits}{count} read as /({digits} {count}): the formula counts {count} samples (a sum "
                    f"to {count}, or 1/({digits}{count}) written out)")
            return [note]
    return []
