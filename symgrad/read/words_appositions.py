"""A declaration that names its object twice or goes on about it (``Y is a variance covariance matrix Σ, which is by
definition symmetric and positive definite``): the second name is the same object (an apposition), and a ``which``
clause says more of the names before it. Rewritten to the ``<names> is a <kind>`` sentences the declarations read,
each for every name, so that no word is dropped: what the declarations cannot read leaves the sentence unread."""

from __future__ import annotations

import re

from .lazy_patterns import pattern
from .words_declarations import _NAME

_NAMES = rf"{_NAME}(?:\s*(?:,|,?\s+and)\s*{_NAME})*"
# the second name: a capital, a Greek letter or a bold one (a small letter after the kind is its size, "a column matrix
# n"; a word, its role, "a scalar loss"), perhaps with a subscript
_OTHER = r"(?-i:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-ZΑ-Ω](?![A-Za-z]))(?:_\{?[A-Za-z0-9]+\}?)?"
# "..., which is by definition symmetric and positive definite": what the clause says, of the names before it
_WHICH = pattern(r"(?P<head>.+?)\s*,?\s+(?:which|that)\s+(?:is|are)\s+(?:(?:by\s+definition|by\s+construction|also|always|"
                    r"hence|therefore|thus|then|in\s+particular)\s*,?\s+)*(?P<rest>[A-Za-z][A-Za-z\s,-]*)", re.IGNORECASE)
# "Y is a variance covariance matrix Σ": the kind, then a second name for the same object
_APPOSITION = pattern(rf"(?P<names>{_NAMES})\s+(?P<verb>is|be|are)\s+(?P<words>(?:a|an|the)\s+[A-Za-z\s-]*?)\s*"
                         rf"(?P<kind>matrix|vector|scalar)\s+(?P<other>{_OTHER})", re.IGNORECASE)


def _names(written: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\band\b", written) if n.strip()]


def apposed(plain: str) -> tuple[list[str], str | None] | None:
    """The ``<names> is ...`` sentences a declaration with an apposition or a ``which`` clause says (``plain``: words
    spaced, without math marks), and a note naming the one object two names stand for; None for any other sentence."""
    plain = " ".join(plain.split()).strip().rstrip(".")
    which = _WHICH.fullmatch(plain)
    head = which["head"] if which else plain
    m = _APPOSITION.fullmatch(head)
    if m is None and which is None:
        return None
    if m is not None:
        names = [*_names(m["names"]), m["other"].strip()]
        sentences = [f"{n} is {m['words'].strip()} {m['kind']}" for n in names]
        note = f"'{head}': {', '.join(names)} name one {m['kind'].lower()}"
    else:
        subject = re.match(rf"(?P<names>{_NAMES})\s+(?:is|be|are)\s", head, re.IGNORECASE)
        if subject is None:
            return None
        names, sentences, note = _names(subject["names"]), [head], None
    if which is not None:
        sentences += [f"{n} is {which['rest'].strip()}" for n in names]
    return sentences, note


def apposition_notes(spaced: str) -> list[str]:
    """The note naming the one object an apposition's two names stand for (none for any other sentence)."""
    said = apposed(spaced)
    return [said[1]] if said is not None and said[1] else []
