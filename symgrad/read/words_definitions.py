"""A definition written as a sentence (``\\textrm{And the loss function } L(\\theta) \\textrm{ would be } ||X\\theta -
Y||^2``, ``L would be ...``, ``f is defined as ...``): the words that say "equals" read as =, the words before the
name as its description. Both blanked the same width, so that columns stay, and noted."""

from __future__ import annotations

import re

_TEXT = r"\\(?:text|textrm|mathrm|mbox|textit)\s*\{"
# the words that say the name equals what follows
_EQUALS = r"(?:would\s+be|will\s+be|is\s+defined\s+as|is\s+defined\s+by|is\s+given\s+by|is\s+written|is|equals|becomes|reads)"
_SAID = re.compile(rf"{_TEXT}\s*,?\s*({_EQUALS})\s*:?\s*\}}|(?<=[\s$}}])({_EQUALS[3:-1].replace('|is|', '|')})(?=\s)",
                   re.IGNORECASE)
_DESCRIPTION = re.compile(rf"^\s*{_TEXT}\s*([A-Za-z][A-Za-z\s,'-]*)\}}", re.IGNORECASE)


def definition_in_words(text: str) -> tuple[str, list[str]]:
    """``text`` with the words of a definition said in a sentence replaced (``would be`` as =, a description before
    the name blanked), and notes saying so; ``text`` unchanged, no notes, when it already has an = or no such words."""
    if _has_equals(text):
        return text, []
    said = next((m for m in _SAID.finditer(text) if _depth(text, m.start()) == 0), None)
    if said is None or not text[:said.start()].strip() or not text[said.end():].strip():
        return text, []
    words = " ".join((said[1] or said[2]).split())
    text = text[:said.start()] + "=" + " " * (said.end() - said.start() - 1) + text[said.end():]
    notes = [f"'{words}' read as ="]
    described = _DESCRIPTION.match(text)
    if described is not None and text[described.end():].split("=")[0].strip():
        notes.append(f"'{described[1].strip()}' before the name describes it: states nothing symgrad uses")
        text = " " * described.end() + text[described.end():]
    return text, notes


def _has_equals(text: str) -> bool:
    """Whether ``text`` has an = (or :=) outside braces: a definition already written as one."""
    return any(c == "=" and _depth(text, k) == 0 for k, c in enumerate(text))


def _depth(text: str, at: int) -> int:
    """How many braces are open at ``at`` (``\\{`` is no brace)."""
    depth = 0
    for k, c in enumerate(text[:at]):
        if c in "{}" and (k == 0 or text[k - 1] != "\\"):
            depth += 1 if c == "{" else -1
    return depth
