"""A norm named in words (``\\| \\cdot \\| denotes the Frobenius norm``, ``|| || is the frobenius norm``): the norm
bars of a matrix are read as the Frobenius norm anyway (read.matrix_norms), so the sentence states what the reader
does, said in a note. Any other norm named (spectral, operator, nuclear, 2-norm) is left unread: the bars would be
read as Frobenius, and that would not be what the page means."""

from __future__ import annotations

import re

_BAR = r"(?:\|\||\\\||‖|\\[lr]?Vert|\\[lr]Vert)"
_SAID = re.compile(rf"(?:the\s+norm\s+)?({_BAR}\s*(?:\\cdot|\.|·|\*)?\s*{_BAR}(?:_\{{?F\}}?)?)\s+(?:is|denotes|means)\s+"
                   r"(?:the\s+)?frobenius(?:\s+norm)?", re.IGNORECASE)


def frobenius_in_words(plain: str) -> str | None:
    """The note for a sentence saying the norm bars are the Frobenius norm (``plain`` without its math marks), or
    None when it is no such sentence."""
    m = _SAID.fullmatch(plain.strip().rstrip("."))
    if m is None:
        return None
    return f"'{plain.strip()}': the norm of a matrix read as the Frobenius norm, as symgrad reads {m[1]} of a matrix"
