"""The words a cases block writes before a condition and for its last case, as pages in other languages write them:
``\\text{se } x \\ge 0`` (Portuguese and Italian: if), ``\\text{si }`` (Spanish and French), ``\\text{wenn }`` and
``\\text{falls }`` (German), ``\\text{als }`` (Dutch); ``\\text{c.c.}`` (Portuguese, caso contrário: otherwise),
``\\text{sinon}``, ``\\text{sonst}``, ``\\text{altrimenti}``, ``\\text{anders}``. Each is read as the English word it
means, noted; a cases block has no other use for a word in that place. A condition may stand in parentheses
(``\\alpha(e^z - 1) & (z < 0)``, a reStructuredText table's cases): the parentheses only set it apart."""

from __future__ import annotations

from .tokens import _RELS, _Tok

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


def parenthesized(toks: list[_Tok], pos: int) -> bool:
    """Whether the condition at ``toks[pos]`` is a relation in parentheses, the whole condition (``(z < 0)`` then the
    row's end); ``(x - 1) > 0`` is not."""
    if toks[pos].text != "(":
        return False
    depth, related = 0, False
    for k in range(pos, len(toks)):
        depth += (toks[k].text == "(") - (toks[k].text == ")")
        related = related or depth == 1 and toks[k].text in _RELS
        if depth == 0:
            return related and (toks[k + 1].kind == "end" or toks[k + 1].text in ("\\\\", r"\end{cases}"))
    return False
