"""A label and the values it takes, in words (``$y_i$ the correct label (1 or -1)``, ``y is the actual label (0 or
1)``, ``t is the target, either 0 or 1``): the set of those values, as the page would write ``y_i \\in \\{-1, 1\\}``.
Whose label it is may follow (``$y_i$ is the true label (0 or 1) for the $i$-th sample``): the name's own index
counts the samples (read from its use, as any index); a sentence naming another index (``y_i ... of sample j``) is
left unread. So may the data's form before it (``Our sample data is in the form $(x_i,y_i)$ where $y_i$ the correct
label (1 or -1)``), the pair's second name the label's."""

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
# whose label it is: "for the i-th sample", "of sample i" - the name's index counts the samples, which its use reads
_WHOSE = (r"(?:\s*,?\s+(?:for|of)\s+(?:the\s+|each\s+|every\s+|a\s+)?(?:(?P<nth>[A-Za-z])\s*-?\s*th\s+)?"
          r"(?:training\s+)?(?:sample|example|observation|data\s+point|instance)(?:\s+(?P<index>[A-Za-z]))?)?")
# the data as pairs first: "Our sample data is in the form (x_i, y_i) where y_i the correct label (1 or -1)" - the pair's
# second name the label's, its index the samples'
_PAIRS = (r"(?:(?:our|the)\s+(?:(?:sample|training)\s+)?data\s+(?:is|are|comes?)\s+(?:given\s+)?(?:in|of)\s+the\s+form\s+"
          rf"\(\s*{_NAME[1:-1]}\s*,\s*(?P<pair>{_NAME[1:-1]})\s*\)\s*,?\s+where\s+)?")
_SENTENCE = pattern(rf"{_PAIRS}{_NAME}\s*(?:,|:|-|\bis\b|\bbe\b|\bare\b|\bdenotes\b)?\s*{_ROLE}\s*(?:\(\s*(?:[^()]*?,\s*)?{_VALUES}"
                    rf"(?:\s*,[^()]*)?\)|,?\s+{_VALUES}){_WHOSE}", re.IGNORECASE)


def label_values_in_words(plain: str) -> str | None:
    """``y_i \\in \\{-1, 1\\}`` for ``y_i the correct label (1 or -1)`` (``plain``: the sentence without its math marks
    and opening word); None for any other sentence."""
    m = _SENTENCE.fullmatch(plain.strip().rstrip(".").strip())
    if m is None:
        return None
    values = sorted({int(v.replace("−", "-").replace(" ", "")) for v in (m[3] or m[5], m[4] or m[6])})  # 1: the pair's
    name = m[2].replace(r"\_", "_")
    index = m["nth"] or m["index"]
    own = re.search(r"_\{?([A-Za-z0-9]+)\}?$", name)
    if len(values) != 2 or (index is not None and own is not None and own[1] != index):  # y_i of sample j: whose?
        return None
    if m["pair"] is not None and m["pair"].replace(r"\_", "_") != name:  # pairs (x_i, t_i) where y_i ...: whose label?
        return None
    return rf"{name} \in \{{{values[0]}, {values[1]}\}}"
