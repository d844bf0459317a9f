"""Several names given several shapes in one sentence, in order (``where $y, h, W$ and $b$ are $1 \\times n$, $1 \\times
m$, $m \\times n$ and $1 \\times n$ matrices``, ``x and y are n- and m-vectors respectively``): one ``<name> is a <size>
<kind>`` sentence for each, the declarations' own; as many sizes as names, or the sentence is not read this way."""

from __future__ import annotations

import re

from .lazy_patterns import pattern
from .words_declarations import _NAME

_SIZE = r"(?:[A-Za-z0-9]+(?:_\{?[A-Za-z0-9]+\}?)?|\{[^{}]*\})"
_PAIR = rf"{_SIZE}\s*(?:\\times|×|\*|\s+x\s+|\s+by\s+|-by-)\s*{_SIZE}|{_SIZE}(?:\s*-\s*dimensional)?"
_LIST = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*"
_SENTENCE = pattern(rf"(?P<names>{_NAME}(?:{_LIST}{_NAME})+)\s+(?:are|be)\s+(?:respectively\s+)?(?:of\s+(?:sizes?|shapes?)\s+)?"
                       rf"(?P<sizes>(?:{_PAIR})(?:{_LIST}(?:{_PAIR}))+)\s*-?\s*(?:dimensional\s+)?(?P<kind>matrices|vectors)(?:\s*,?\s*respectively)?",
                       re.IGNORECASE)


def respective_in_words(plain: str) -> list[str] | None:
    """The ``<name> is a <size> <kind>`` sentences of names given their sizes in order (``plain``: words spaced,
    without math marks), or None when it is no such sentence or the counts differ."""
    m = _SENTENCE.fullmatch(" ".join(plain.split()).strip().rstrip("."))
    if m is None:
        return None
    names = [n for n in re.split(_LIST, m["names"]) if n]
    sizes = [s for s in re.split(_LIST, m["sizes"]) if s]
    if len(names) != len(sizes):
        return None
    kind = {"matrices": "matrix", "vectors": "vector"}[m["kind"].lower()]
    return [f"{name} is a {size.strip()} {kind}" for name, size in zip(names, sizes)]
