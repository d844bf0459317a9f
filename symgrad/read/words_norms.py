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


# the Euclidean norm of a vector, as the reader takes double bars (and single bars with the subscript 2) anyway
_VECTOR = r"(?-i:\\?(?:mathbf|boldsymbol|vec|bm)?\s*\{?\s*[a-zα-ω](?:_\{?[A-Za-z0-9]+\}?)?\s*\}?(?:\s*[-+]\s*\\?(?:mathbf|bm)?\{?[a-z]\}?)*)"
_EUCLIDEAN = re.compile(rf"(?:the\s+norm\s+)?((?:{_BAR}\s*{_VECTOR}\s*{_BAR}|\|\s*{_VECTOR}\s*\|(?=_))(?:_\{{?2\}}?)?)\s+"
                        r"(?:is|denotes|means)\s+(?:the\s+)?(?:euclid(?:ean)?|l_?2|ℓ_?2|\\ell_?2|2)(?:[\s-]*norm)?(?:\s+of\s+\S+)?",
                        re.IGNORECASE)


def euclidean_in_words(plain: str) -> str | None:
    """The note for a sentence saying the norm bars of a vector are the Euclidean norm (``||x||_2 is the Euclidean
    norm``, ``|x|_2 is Euclid norm``), or None: bare single bars (``|x|``, read entry by entry) and matrices are not
    this sentence."""
    m = _EUCLIDEAN.fullmatch(plain.strip().rstrip("."))
    if m is None:
        return None
    return f"'{plain.strip()}': {m[1]} read as the Euclidean norm, as symgrad reads the norm of a vector"
