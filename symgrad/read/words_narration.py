"""Sentences that only narrate, given among the facts: a Markdown heading (``## Backpropagation through softmax``, a
bold line ``**My suggestion to correct it:**``), a sentence announcing the formula that follows (``the gradient vector
for cross entropy can be calculated with the equation below``). They name nothing and state nothing: no name, formula,
number, property or size in them, so they cannot change the mathematics; noted as ignored. A sentence with any of
these is not narration and stays unread."""

from __future__ import annotations

import re

from .lazy_patterns import pattern

# words that would say something of the names: a property, a size, a range, a role's value, a case
_SAYS_SOMETHING = pattern(
    r"symmetric|definite|diagonal|orthogonal|triangular|invertible|singular|positive|negative|zero|one[\s-]?hot|binary|"
    r"integer|probabilit|distribution|simplex|normali[sz]|\bsum|\bmean\b|average|\btotal|\bhalf\b|squared|\bunit\b|"
    r"constant|fixed|independent|depend|equal|greater|less|only|except|\bif\b|\bwhen\b|assum|suppos|\bnot?\b|never|"
    r"shape|size|dimension|length|rows?\b|columns?\b|entries|elements|number|count|batch|transpose|layout|convention|"
    r"\blog\b|\bbase\b|natural|label|target|class|one\b|two\b|three\b|scalar|matri|tensor|per\b|each|every|all\b|both",
    re.IGNORECASE)
# a heading: #, ##, ... then words; or a line of words in bold, as issue threads head a part (**My suggestion:**)
_WORDS = r"[A-Za-z][A-Za-z\s,:'&/-]*?"
_HEADING = pattern(rf"\s*(?:#{{1,6}}\s+(?P<words>{_WORDS})|\*\*\s*(?P<bold>{_WORDS})\s*\*\*)\s*")
_TOPIC = r"[A-Za-z][A-Za-z\s'-]*?"
# "the gradient (vector) (of|for) <topic> can be calculated with the equation below", "... is given by the following"
_ANNOUNCES = pattern(
    rf"\s*(?:the\s+)?(?:gradient|derivative|jacobian|hessian|result|formula|expression|update)(?:\s+(?:vector|matrix))?"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<topic>{_TOPIC}))?\s+(?:can|may|will)?\s*(?:be|is|are)\s+(?:calculated|computed|"
    r"derived|written|expressed|obtained|found|given|shown|summari[sz]ed)\s+(?:(?:with|by|as|using|in|via)\s+)?the\s+"
    r"(?:following|(?:equations?|formulas?|expressions?)\s+(?:below|above)|(?:following|next)\s+(?:equations?|formulas?|"
    r"expressions?))\s*[.:]?\s*", re.IGNORECASE)
_A_NAME = pattern(r"\\|[$_^=<>0-9]|(?<![A-Za-z'])(?!a\b)[A-Za-zα-ωΑ-Ω](?![A-Za-z'])|\b(?:alpha|beta|gamma|delta|epsilon|"
                     r"theta|lambda|mu|sigma|tau|phi|psi|omega|eta|xi|rho|pi)\b", re.IGNORECASE)


def narration_in_words(spaced: str) -> str | None:
    """The note for a heading or a sentence announcing a formula (``spaced``: words spaced, without math marks), one
    naming nothing and stating nothing; None for any other sentence."""
    text = " ".join(spaced.split()).strip()
    heading = _HEADING.fullmatch(text)
    announced = _ANNOUNCES.fullmatch(text)
    if heading is None and announced is None:
        return None
    words = heading["words"] or heading["bold"] if heading else (announced["topic"] or "")
    if _A_NAME.search(text) or _SAYS_SOMETHING.search(words):
        return None
    kind = "a heading" if heading else "a sentence announcing the formula that follows"
    return f"'{text}' ignored: {kind}, naming nothing and stating nothing symgrad uses"
