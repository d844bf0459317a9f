"""Words a machine translation of a Chinese page leaves (``among $A$ yes $m \\times n$ Matrix``: 其中 A 是 m×n 矩阵):
是 (is, also yes) translated yes after a formula, 其中 (where, literally among them) translated among at the opening.
Each is said again as the English word meant, noted, so that the sentence reads as English pages write it; a yes
anywhere else (not right after a formula) is left, and the sentence stays unread."""

from __future__ import annotations

import re

# (the word as translated, where it stands, the word meant)
_TRANSLATED = (
    (re.compile(r"(?:(?<=\$)|(?<=\\\)))\s+yes\s+(?=\S)", re.IGNORECASE), " is "),  # after $A$ or \(A\)
    (re.compile(r"^\s*among(?:\s+them)?\s*[,:]?\s+(?=\$|\\\()", re.IGNORECASE), "where "),
)


def translated(text: str) -> tuple[str, list[str]]:
    """``text`` with the words a machine translation left said as meant (``$A$ yes`` as ``$A$ is``, an opening
    ``among`` as ``where``), and the note saying so; ``text`` and no note when it has none."""
    said = text
    for pattern, meant in _TRANSLATED:
        said = pattern.sub(meant, said)
    if said == text:
        return text, []
    return said, [f"'{' '.join(text.split())}' read as machine-translated words: '{' '.join(said.split())}'"]
