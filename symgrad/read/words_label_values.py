"""A label and the values it takes, in words (``$y_i$ the correct label (1 or -1)``, ``y is the actual label (0 or
1)``, ``t is the target, either 0 or 1``): the set of those values, as the page would write ``y_i \\in \\{-1, 1\\}``."""

from __future__ import annotations

import re

from .lazy_patterns import pattern

_NAME = r"(\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:\\?_\{?[A-Za-z0-9]+\}?)?)"
_VALUE = r"([-+−]?\s*\d)"
_ROLE = (r"(?:(?:the|an?)\s+)?(?:(?:actual|correct|true|target|class|binary|observed|ground[\s-]truth)\s+)*"
         r"(?:class\s+)?(?:labels?|targets?|outputs?|responses?)")
# the values, after the role: "(1 or -1)", "(result of classification, 0 or 1, 0 represents A, 1 represents B)",
# ", either 0 or 1", "\in {0, 1}" is the formula reader's
_VALUES = rf"(?:either\s+)?{_VALUE}\s*(?:or|/|,)\s*{_VALUE}"
_SENTENCE = pattern(rf"{_NAME}\s*(?:,|:|-|\bis\b|\bbe\b|\bare\b|\bdenotes\b)?\s*{_ROLE}\s*(?:\(\s*(?:[^()]*?,\s*)?{_VALUES}"
                    rf"(?:\s*,[^()]*)?\)|,?\s+{_VALUES})", re.IGNORECASE)


def label_values_in_words(plain: str) -> str | None:
    """``y_i \\in \\{-1, 1\\}`` for ``y_i the correct label (1 or -1)`` (``plain``: the sentence without its math marks
    and opening word); None for any other sentence."""
    m = _SENTENCE.fullmatch(plain.strip().rstrip(".").strip())
    if m is None:
        return None
    values = sorted({int(v.replace("−", "-").replace(" ", "")) for v in (m[2] or m[4], m[3] or m[5])})
    if len(values) != 2:
        return None
    name = m[1].replace(r"\_", "_")
    return rf"{name} \in \{{{values[0]}, {values[1]}\}}"
