"""Entries said to be a probability distribution in words (``$t_1,\\ldots,t_m$ is a probability distribution``, ``p
is a probability vector``, ``the y_k sum to one``): the constraint it states, ``\\sum_{k=1}^{m} t_{k} = 1``, with
each entry nonnegative where the words say probabilities. The sum is what a softmax cross-entropy gradient rests on
(``y_i - t_i``), so the sentence is read, never dropped."""

from __future__ import annotations

import re

from .lazy_patterns import pattern

_NAME = r"\\?[A-Za-zα-ωΑ-Ω]+|\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}"
_DOTS = r"(?:\\[lc]?dots|\.\.\.|…)"
_END = r"[A-Za-z0-9]+|\{[^{}]*\}"
# t_1, \ldots, t_m and (t_1, ..., t_m): the entries, and the last index, the size
_ENTRIES = rf"\(?\s*(?P<tuple>{_NAME})_\{{?1\}}?\s*,\s*{_DOTS}\s*,\s*(?P=tuple)_(?P<end>{_END})\s*\)?"
# t, t_i, \mathbf{y}, "the entries of t", "the y_k"
_ONE = rf"(?:the\s+)?(?:(?:entries|elements|components)\s+of\s+)?(?P<name>{_NAME})(?:_\{{?[A-Za-z]\}}?)?"
_SUBJECT = rf"(?:{_ENTRIES}|{_ONE})"
# "a probability distribution", never "a probability" alone (a scalar p in (0, 1), or entries each one, summing to
# anything): the sum is said only by the distribution's own words
_PROBABILITY = (r"(?:is|are|be|form|forms)\s+(?:a\s+|an\s+)?(?:(?:discrete|categorical|valid)\s+)?probability\s+"
                r"(?:distribution|vector|mass\s+function)")
_ONE_WORD = r"(?:one|1|unity)"
_SUMS = rf"(?:(?:that|which)\s+)?sums?\s+(?:up\s+)?to\s+{_ONE_WORD}|add\s+up\s+to\s+{_ONE_WORD}|summing\s+to\s+{_ONE_WORD}"
_SENTENCE = pattern(rf"\s*{_SUBJECT}\s+(?:(?P<probability>{_PROBABILITY})(?:\s*,?\s*(?:{_SUMS}))?|(?:{_SUMS}))\s*\.?\s*",
                       re.IGNORECASE)
_INDICES = "kjilm"


def distribution_in_words(plain: str) -> str | None:
    """The LaTeX facts of a sentence saying entries form a probability distribution (``plain`` without its math marks
    and opening word): ``\\sum_{k=1}^{m} t_{k} = 1``, and ``t_{k} \\geq 0`` for probabilities; None for any other."""
    m = _SENTENCE.fullmatch(plain)
    if m is None:
        return None
    name = (m["tuple"] or m["name"]).strip()
    index = next(i for i in _INDICES if not re.search(rf"(?<![A-Za-z\\]){i}(?![A-Za-z])", plain))
    end = m["end"].strip("{}") if m["end"] else None
    bounds = f"_{{{index}=1}}^{{{end}}}" if end else f"_{{{index}}}"
    facts = [rf"\sum{bounds} {name}_{{{index}}} = 1"]
    if m["probability"]:
        facts.append(rf"{name}_{{{index}}} \geq 0")
    return ", ".join(facts)
