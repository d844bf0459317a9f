"""A function of two names said in words (``d(a, p): distance between the anchor and positive``): one table of the
relations pages name, each with the formulas it may mean. A name with two readings (a distance: Euclidean or
squared Euclidean) is judged under each; the caller says the verdict only where they agree."""

from __future__ import annotations

import re

# words -> (formula with {0}, {1} for the two arguments, what that reading is), every reading the words allow
_RELATIONS = {
    "distance": ((r"\|{0} - {1}\|_2", "the Euclidean distance"), (r"\|{0} - {1}\|_2^2", "the squared Euclidean distance")),
    "euclidean distance": ((r"\|{0} - {1}\|_2", "the Euclidean distance"),),
    "l2 distance": ((r"\|{0} - {1}\|_2", "the Euclidean distance"),),
    "squared distance": ((r"\|{0} - {1}\|_2^2", "the squared Euclidean distance"),),
    "squared euclidean distance": ((r"\|{0} - {1}\|_2^2", "the squared Euclidean distance"),),
    "squared l2 distance": ((r"\|{0} - {1}\|_2^2", "the squared Euclidean distance"),),
    "dot product": ((r"{0}^T {1}", "the dot product"),),
    "inner product": ((r"{0}^T {1}", "the inner product"),),
}
_HEAD = r"\$?\s*(\\?[A-Za-z]+)\s*\(\s*(\\?[A-Za-z]+)\s*,\s*(\\?[A-Za-z]+)\s*\)\s*\$?"
_SAID = re.compile(rf"\s*(?:where\s+|let\s+)?{_HEAD}\s*(?::|is|denotes|=)\s*(?:the\s+|a\s+)?"
                   rf"({'|'.join(sorted(_RELATIONS, key=len, reverse=True))})\s+(?:between|of)\s+.*", re.IGNORECASE)


def relation_in_words(text: str) -> list[tuple[str, str]] | None:
    """The definitions a sentence naming a relation of two arguments may mean, each with its words (``d(a, p) =
    \\|a - p\\|_2``, "the Euclidean distance"); None when ``text`` is no such sentence."""
    m = _SAID.fullmatch(text.strip().rstrip("."))
    if m is None:
        return None
    name, u, v = m[1], m[2], m[3]
    return [(f"{name}({u}, {v}) = {formula.format(u, v)}", words)
            for formula, words in _RELATIONS[" ".join(m[4].lower().split())]]
