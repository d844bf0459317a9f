""""Did you mean ...?": the closest spellings of a name a person mistyped, for error messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_names(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``choices`` spelled like ``word``, closest first (case is ignored)."""
    choices = list(choices)
    by_folded = {c.lower(): c for c in reversed(choices)}
    return [by_folded[c] for c in difflib.get_close_matches(word.lower(), list(by_folded), n=n, cutoff=0.6)]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'softmax'?)"`` for a misspelled ``word``, or ``""`` when nothing is close."""
    close = close_names(word, choices)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
