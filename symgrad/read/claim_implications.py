"""A derivation's lines joined by implication arrows with no relation on either side (``\\Rightarrow
\\frac{e^{-x}}{(1 + e^{-x})^2} \\\\ \\Rightarrow f(x)(1 - f(x))``, the lines under ``--of``): an expression implies
nothing, so the arrow can only mean that the line after rewrites the line before, and it reads as the chain's next
``=`` (noted): every line is then checked against the derivative. Only in a claim: a fact read so would state an
equality the page never wrote. Arrows beside a relation stay read/damage_implications' to judge. The arrows as plain
text spells them, ``<=>`` and ``<==>`` (which the tokens would read as ``\\le`` then ``>``), are the ``⇔`` they stand
for (noted)."""

from __future__ import annotations

import re
from itertools import pairwise

from ..errors import ParseError
from .context import Context
from .damage_implications import _LAYOUT, _RELATIONS, IMPLIES, _segments
from .tokens import _raw_tokens

_ASCII_IFF = re.compile(r"<==?>")


def implications_as_equals(text: str, ctx: Context) -> str:
    """``text`` with each arrow between two lines that hold no relation written ``=`` (the same width), noted."""
    if _ASCII_IFF.search(text):
        text = _ASCII_IFF.sub(lambda m: "⇔" + " " * (len(m[0]) - 1), text)
        ctx.notes.append("<=> read as the arrow ⇔ it spells in plain text (not <= then >)")
    try:
        toks = _raw_tokens(text)
    except ParseError:
        return text  # the reader reports it, with its column
    if not any(t.text in IMPLIES for t in toks):
        return text
    arrows = []
    for (before, arrow), (after, _) in pairwise(_segments(toks)):
        kept = [[t for t in side if t.text not in _LAYOUT] for side in (before, after)]
        if all(kept) and not any(t.text in _RELATIONS for side in kept for t in side):
            arrows.append(arrow)
    for arrow in arrows:
        at = arrow.col - 1
        text = text[:at] + "=" + " " * (len(arrow.text) - 1) + text[at + len(arrow.text):]
    if arrows:
        note = f"the {arrows[0].text} between the claim's lines read as = (an expression implies nothing: each line " \
               "rewrites the one before)"
        if note not in ctx.notes:
            ctx.notes.append(note)
    return text
