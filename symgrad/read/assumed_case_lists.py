"""Several cases in one ``--assume`` (``情况二: $k = i, l \\neq j$``, ``Case 2: k = i, l \\ne j``): a label before a
colon, then index relations separated by commas, semicolons or ``and`` - each relation one case, as if given one
``--assume`` each. Anything else is left whole for the reader of a case (a comma inside a relation, a relation
that is no case between two index letters)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LABEL = re.compile(r"^\s*[^:：$=]{1,16}?\s*[:：]\s*")  # 情况二:, Case 2:, (b): a caption before the cases
_RELATION = re.compile(r"\s*[A-Za-z]'?\s*(?:=|\\neq?(?![A-Za-z])|\\not\s*=|≠|!=)\s*[A-Za-z]'?\s*")
_SEPARATOR = re.compile(r"\s*(?:,|;|\\q?quad(?![A-Za-z])|\\text\s*\{\s*and\s*\}|(?<![A-Za-z\\])and\b)\s*")


def cases_listed(text: str) -> list[str]:
    """The cases ``text`` lists (``['k = i', 'l \\neq j']`` for ``情况二: $k = i, l \\neq j$``), or ``[text]`` when it
    is not two or more index relations."""
    plain = _LABEL.sub("", text.replace("$", " ").strip().rstrip(".。").strip(), count=1)
    pieces = [p for p in _SEPARATOR.split(plain) if p.strip()]
    if len(pieces) < 2 or not all(_RELATION.fullmatch(p) for p in pieces):
        return [text]
    return [p.strip() for p in pieces]


def each_case(assume: Sequence[str]) -> list[str]:
    """The ``--assume`` texts with each list of cases given one case a text (``cases_listed``)."""
    return [case for text in assume for case in cases_listed(text)]
