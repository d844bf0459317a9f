"""A named value's sign and kind in words (``k is positive value``, ``$\\lambda$ is a non-negative scalar``, ``a and b
are positive constants``): one table of the sign words, each with the bound it states; the kind (scalar, constant,
number, value...) says the name is a number, which its use settles anyway. A capital said positive with no kind (``A
is positive``: each entry, or positive definite) is refused naming both."""

from __future__ import annotations

import re

from ..errors import ParseError
from .lazy_patterns import pattern

# what each sign word states about the value (the entries, for a name with indices)
_SIGNS = {
    "positive": "> 0", "strictly positive": "> 0",
    "non-negative": r"\geq 0", "nonnegative": r"\geq 0", "non negative": r"\geq 0",
    "negative": "< 0", "strictly negative": "< 0",
    "non-positive": r"\leq 0", "nonpositive": r"\leq 0", "non positive": r"\leq 0",
}
_KINDS = (r"(?:(?:real|fixed|given|known|small|large|constant)\s+)*(?:real\s+number|scalar|constant|number|value|"
          r"parameter|coefficient|weight|factor|real)s?")
_NAME = r"\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?"
# "is positive", "are confined (only) to (the) positive real numbers" (a page's "confined to only to" too)
_CONFINED = r"(?:(?:confined|restricted|limited)\s+(?:only\s+)?to\s+(?:only\s+)?(?:to\s+)?(?:the\s+)?)?"
_SENTENCE = pattern(rf"({_NAME}(?:\s*(?:,|,?\s+and)\s*{_NAME})*)\s+(?:is|be|are)\s+{_CONFINED}(?:(?:a|an|some|two|all)\s+)?"
                       rf"({'|'.join(sorted(_SIGNS, key=len, reverse=True))})(\s+{_KINDS})?", re.IGNORECASE)


def sign_in_words(plain: str) -> str | None:
    """The LaTeX facts of a sentence giving names a sign (``k > 0`` for ``k is positive value``; ``plain`` without its
    math marks and opening word), or None when it is no such sentence."""
    m = _SENTENCE.fullmatch(plain.strip())
    if m is None:
        return None
    if not m[3] and re.match(r"\\?[A-Z]", m[1]) and m[2].lower().endswith("positive"):
        raise ParseError(f"'{plain.strip()}': said of a matrix, positive has two readings: each entry > 0 "
                         rf"({m[1]}_{{ij}} > 0), or positive definite ({m[1]} \succ 0); write the one meant",
                         column=1, source=plain)
    bound = _SIGNS[" ".join(m[2].lower().split())]
    return ", ".join(f"{name.strip()} {bound}" for name in re.split(r",|\band\b", m[1]) if name.strip())
