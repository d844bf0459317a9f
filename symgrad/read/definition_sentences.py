"""One ``--define`` written as a sentence around several definitions in ``$...$``: ``Let $z = W x$ and $p =
\\mathrm{softmax}(z)$.``, ``We had $z = h W$ (or $z_j = \\sum_k h_k W_{kj}$).`` Each formula is a definition of its own
(read in turn, as one --define each) where every one of them is an equation and the words around them only join
them: a lead-in (``We had``, ``Let``), ``and``, ``or``, ``i.e.``, punctuation and brackets. Words that could make a
formula a condition (``for $i = j$``, ``if``, ``where``: a where-clause is the statement reader's) leave the sentence
whole, for the reader to refuse naming its formulas."""

from __future__ import annotations

import itertools
import re

_LEAD_IN = re.compile(r"(?:(?:we|i|you)\s+(?:had|have|get|got|define|write|set|use)|let|define|recall(?:\s+that)?|"
                      r"here|so|then|thus|hence|now|first|also|and|note\s+that|as\s+before)?", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:[,;.()]|\band\b|\bor\b|\bi\.e\.|\bequivalently\b|\bthat\s+is\b|\balso\b|\s)*",
                      re.IGNORECASE)
_AFTER = re.compile(r"[\s.,;:)]*")
_PHRASE = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{[^{}]*\s[^{}]*\}")  # words inside a formula: \text{ if } ...
_FORMULA = re.compile(r"(\$\$?)(.+?)\1", re.DOTALL)


def definitions_in_sentence(text: str) -> list[str] | None:
    """The definitions of a sentence around several ``$...$`` equations, each the sentence's text with everything
    but that formula blanked (its columns kept); None where ``text`` is no such sentence."""
    found = list(_FORMULA.finditer(text))
    if len(found) < 2 or not all(_an_equation(m.group(2)) for m in found):
        return None
    lead = text[:found[0].start()].strip().rstrip(":,").strip()
    between = [text[a.end():b.start()] for a, b in itertools.pairwise(found)]
    if not _LEAD_IN.fullmatch(lead) or not all(_BETWEEN.fullmatch(w) for w in between) or \
            not _AFTER.fullmatch(text[found[-1].end():]):
        return None
    return [" " * m.start(2) + m.group(2) + " " * (len(text) - m.end(2)) for m in found]


def joining_words(toks: list) -> int:
    """How many of ``toks`` (the text after a comma between two definitions) are a ``\\text{...}`` of words that only
    join them: ``u = 1 + e^{-x}, \\text{ then } \\sigma(x) = u^{-1}``; 0 where there is none."""
    if len(toks) < 3 or toks[0].text not in (r"\text", r"\mbox", r"\textrm") or toks[1].text != "{":
        return 0
    close = next((k for k, t in enumerate(toks) if t.text == "}"), None)
    words = "".join(t.text if t.col == toks[k].col + len(toks[k].text) else " " + t.text
                    for k, t in enumerate(toks[2:close], start=1)) if close else ""
    return close + 1 if close and words.strip() and _LEAD_IN.fullmatch(words.strip()) else 0


def _an_equation(formula: str) -> bool:
    """Whether ``formula`` states ``name = value``: one ``=`` outside braces, words on neither side."""
    from .claims import names_itself  # the definition reader's own test; claims reads sentences too

    return not _PHRASE.search(formula) and names_itself(formula) and not re.search(r"[<>]|\\[lg]eq?\b|\\neq?\b", formula)
