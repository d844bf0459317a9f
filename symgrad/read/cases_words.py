"""The words a cases block writes before a condition and for its last case, as pages in other languages write them:
``\\text{se } x \\ge 0`` (Portuguese and Italian: if), ``\\text{si }`` (Spanish and French), ``\\text{wenn }`` and
``\\text{falls }`` (German), ``\\text{als }`` (Dutch); ``\\text{c.c.}`` (Portuguese, caso contrário: otherwise),
``\\text{sinon}``, ``\\text{sonst}``, ``\\text{altrimenti}``, ``\\text{anders}``. Each is read as the English word it
means, noted; a cases block has no other use for a word in that place."""

from __future__ import annotations

# the word as written (lower case, the letters and dots its \text{} holds), and the language it is from
_IF = {"se": "Portuguese or Italian", "si": "Spanish or French", "wenn": "German", "falls": "German",
       "als": "Dutch", "quando": "Portuguese or Italian", "cuando": "Spanish"}
_OTHERWISE = {"c.c.": "Portuguese, caso contrario", "cc": "Portuguese, caso contrario", "sinon": "French",
              "sonst": "German", "andernfalls": "German", "altrimenti": "Italian", "anders": "Dutch",
              "sino": "Spanish", "senao": "Portuguese"}


def said(word: str, notes: list[str]) -> str:
    """The English word a cases block's ``word`` means (``se``: if, ``c.c.``: otherwise), noted in ``notes``; the word
    itself, stripped, where it is English or none of these."""
    written = word.strip()
    for table, meant in ((_IF, "if"), (_OTHERWISE, "otherwise")):
        if written.lower() in table:
            note = f"'{written}' in the cases read as '{meant}' ({table[written.lower()]})"
            if note not in notes:
                notes.append(note)
            return meant
    return written
