"""A display whose rows state several derivatives, each row after the first opened by a word that starts a statement
of its own (``\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat y} \\frac{\\partial \\hat y}{\\partial w}
\\\\ \\text{where } \\frac{\\partial L}{\\partial \\hat y} = -2(y - \\hat y) \\\\ \\text{Thus, } \\frac{\\partial L}{\\partial w}
= ...``): the statements, each the display's text from its start (columns kept: what comes before it blanked with
LaTeX's tie ``~``, a space, in LaTeX; long runs of blanks cost the reader's sentence patterns time), their opening
words blanked too. A row opened by no such word continues the statement before it (``&= ...``)."""

from __future__ import annotations

import re

# the words that open a statement of its own on a row: where, and, thus, so, hence, therefore, then, similarly, ...
_WORDS = r"(?:where|and|thus|so|hence|therefore|then|similarly|likewise|also|finally|now|since)"
_OPENS = re.compile(rf"\s*&?\s*(?:\\(?:text|mathrm|textrm|mbox|textit)\s*\{{\s*{_WORDS}\s*[,:]?\s*\}}|"
                    rf"{_WORDS}(?![A-Za-z\\]))\s*[,:]?\s*&?", re.IGNORECASE)
_BREAK = re.compile(r"\\\\|\\cr(?![A-Za-z])")
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{")


def statements(text: str) -> list[str]:
    """The statements the rows of ``text`` make (see the module docstring); ``[text]`` where no row opens one."""
    rows = _rows(text)
    starts = [0] + [k for k in range(1, len(rows)) if _OPENS.match(text, rows[k][0])]
    if len(starts) == 1:
        return [text]
    parts = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(rows)
        lo, hi = rows[start][0], rows[end - 1][1]
        opened = _OPENS.match(text, lo) if n else None
        lo = opened.end() if opened is not None else lo
        fill = "~" if "\\" in text[lo:hi] else " "  # LaTeX's tie: a space no regex runs across (see the docstring)
        parts.append(fill * lo + text[lo:hi])
    return parts


def _rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each row of ``text``: parted at ``\\\\`` (or ``\\cr``) outside braces and environments, a row
    empty but for spaces dropped."""
    rows, start, depth, inside = [], 0, 0, 0
    k = 0
    while k < len(text):
        env = _ENVIRONMENT.match(text, k)
        if env is not None:
            inside += 1 if env.group(1) == "begin" else -1
            k = env.end()
            continue
        if text[k] == "\\" and text[k + 1:k + 2] in ("{", "}"):
            k += 2
            continue
        depth += (text[k] == "{") - (text[k] == "}")
        brk = _BREAK.match(text, k) if depth == 0 and inside == 0 else None
        if brk is not None:
            rows.append((start, k))
            start = k = brk.end()
            continue
        k += 1
    rows.append((start, len(text)))
    return [(a, b) for a, b in rows if text[a:b].strip()]
