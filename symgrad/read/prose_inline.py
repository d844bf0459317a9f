"""A formula in ``$...$`` inside ``\\text{...}`` within a formula (``1 & \\text{if $x > 0$}`` in a ``cases``, ``\\quad
\\text{for $j = j^*$,}``): math inside words inside math, the same as the formula written after the words. Lifted out
in place, keeping every other character's column, so that a case's condition in words is the case's condition."""

from __future__ import annotations

import re

# one formula, the text's last words before it, only punctuation after it (a column-keeping rewrite)
_ONE_FORMULA = re.compile(r"(\\(?:text|textrm|textnormal|mbox)\s*\{)([^{}$]*)\$([^$]+)\$([\s.,;:]*)\}")


def formulas_out_of_text(latex: str) -> str:
    """``\\text{if $x > 0$,}`` as ``\\text{if }x > 0``, padded to the same length (the punctuation after the formula
    dropped); a text with words after its formula, or several formulas, is left as written."""
    return _ONE_FORMULA.sub(lambda m: f"{m[1]}{m[2]}}}{m[3]} {' ' * len(m[4])} ", latex)
