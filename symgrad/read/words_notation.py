"""Sentences that introduce standard notation (``Let X^T denote the transpose of matrix X``, ``tr(X) is the trace``,
``Let ∇A(x) denote the derivative of X with respect to the matrix A``): one table of the notations symgrad reads, each
with the words that name its meaning. A sentence naming a notation by its standard meaning is noted (it says what the
reader does anyway); one giving a notation another meaning is not this sentence, and stays unread."""

from __future__ import annotations

import re

_NAME = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?\\?[A-Za-zα-ωΑ-Ω]\}?"
_OF = rf"(?:\s+of\s+(?:(?:the|a|an)\s+)?(?:(?:square\s+)?(?:matrix|vector)\s+)?(?P<of>{_NAME}))?"
# (notation, with (?P<arg>) the name it is written on; the words of its meaning, with (?P<of>) the name they are of)
_NOTATIONS = {
    "transpose": (rf"(?P<arg>{_NAME})\s*\^\s*(?-i:T|\{{T\}}|\\top|\{{\\top\}}|\\intercal)",
                  rf"(?:matrix\s+)?transpose(?:d\s+matrix)?{_OF}"),
    "inverse": (rf"(?P<arg>{_NAME})\s*\^\s*\{{\s*-\s*1\s*\}}", rf"(?:matrix\s+)?inverse{_OF}"),
    "trace": ((rf"(?:\\operatorname\s*\{{\s*(?:tr|Tr|trace)\s*\}}|\\mathrm\s*\{{\s*(?:tr|Tr)\s*\}}|\\text\s*\{{\s*(?:tr|Tr)\s*\}}|"
              rf"\\?(?:tr|Tr|trace))\s*\(\s*(?P<arg>{_NAME})\s*\)"), rf"trace{_OF}"),
    "determinant": (rf"\\?det\s*\(\s*(?P<arg>{_NAME})\s*\)", rf"determinant{_OF}"),
    "gradient": (rf"(?:∇|\\nabla)\s*_?\s*\{{?\s*(?P<arg>{_NAME})\s*\}}?(?:\s*\(\s*[^()]*\s*\)|\s+\\?[A-Za-zα-ω]+(?:\s*\([^()]*\))?)?",
                 (rf"(?:partial\s+)?(?:derivative|gradient)(?:\s+of\s+(?:(?:the|a)\s+)?(?:function\s+)?\S+)?\s+"
                 rf"(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?)\s+(?:(?:the|a)\s+)?(?:(?:matrix|vector)\s+)?(?P<of>{_NAME})")),
    "Hadamard product": (r"(?P<arg>\\odot|⊙|\\circ|∘)", r"(?:hadamard|element[\s-]?wise|entry[\s-]?wise)\s+(?:product|multiplication)"),
    # between two vectors the reader takes \cdot (and \bullet, its heavier dot) as their inner product
    "inner product": (r"(?P<arg>\\cdot|\\bullet|·|•)", r"(?:vector\s+)?(?:inner|dot|scalar)\s+product(?:\s+of\s+(?:two\s+)?vectors)?"),
    "identity matrix": (r"(?P<arg>(?-i:I|I_\{?[A-Za-z0-9]\}?|\\mathbf\s*\{?I\}?|\\mathbb\s*\{?I\}?))", r"identity(?:\s+matrix)?"),
}
_SAYS = r"(?:denotes?|is|means|stands\s+for|represents)"
_ARTICLE = r"(?:(?:the|a|an)\s+)?"


def notation_in_words(spaced: str) -> str | None:
    """The note for a sentence naming a notation by its standard meaning (``spaced``: without math marks and opening
    word), or None when it is no such sentence (another meaning, or a notation on one name said of another)."""
    text = spaced.strip().rstrip(".").strip()
    for meaning, (notation, words) in _NOTATIONS.items():
        for pattern in (rf"(?:let\s+)?{notation}\s+{_SAYS}\s+{_ARTICLE}{words}",
                        rf"{_ARTICLE}{words}\s+is\s+(?:denoted|written)\s+(?:by|as)\s+{notation}"):
            m = re.fullmatch(pattern, text, re.IGNORECASE)
            if m is None:
                continue
            of = m.groupdict().get("of")
            if of and re.sub(r"\s", "", of) != re.sub(r"\s", "", m["arg"]) and meaning != "Hadamard product":
                continue  # "X^T denotes the transpose of Y": not the standard notation
            return f"'{text}': the standard notation for the {meaning}, read as symgrad reads it"
    return None
