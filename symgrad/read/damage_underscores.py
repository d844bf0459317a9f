"""Subscripts whose ``_`` markdown ate (it pairs underscores as italics): ``\\sum{k=1}^C`` and ``\\delta{ij}`` have one
reading, the sum's bound and the Kronecker delta's indices; ``\\hat{y}i`` is the indexed name ``\\hat{y}_i`` where the
same formula writes that name with a subscript (``\\hat{y}_j``) or defines it (``\\hat{y}i = ...``), and is refused
naming both readings elsewhere. Each restored ``_`` takes the column of the subscript it stands before."""

from __future__ import annotations

import re

from ..errors import ParseError

_OPERATORS = (r"\sum", r"\prod")
_DECORATED = re.compile(r"\\(hat|bar|tilde|widehat)\{([A-Za-z])\}")
_INDEX_LETTERS = "ijkl"


def _texts(toks: list, k: int, n: int) -> list[str]:
    return [t.text for t in toks[k:k + n]]


def _is_bound(toks: list, k: int) -> bool:
    """``\\sum{k=1}`` at ``k``: an operator then, glued to it, a group with an ``=`` or followed by ``^``."""
    if toks[k].text not in _OPERATORS or toks[k + 1].text != "{":
        return False
    depth, m = 0, k + 1
    while m < len(toks) and toks[m].kind != "end":
        depth += (toks[m].text == "{") - (toks[m].text == "}")
        if depth == 0:
            break
        m += 1
    inner = [t.text for t in toks[k + 2:m]]
    return "=" in inner or (m + 1 < len(toks) and toks[m + 1].text == "^" and len(inner) == 1)


def _is_delta(toks: list, k: int) -> bool:
    """``\\delta{ij}`` (or ``\\delta{i,j}``) at ``k``: two index letters in a group glued to the delta."""
    texts = _texts(toks, k, 6)
    return texts[0] == r"\delta" and texts[1] == "{" and (
        (toks[k + 2].kind == toks[k + 3].kind == "letter" and texts[4] == "}")
        or (toks[k + 2].kind == toks[k + 4].kind == "letter" and texts[3] == "," and texts[5] == "}"))


def _decorated_index(toks: list, k: int) -> str | None:
    """The name ``\\hat{y}`` when ``\\hat{y}i`` starts at ``k``: a decorated letter, then glued to its brace one index
    letter that no letter is glued to; None otherwise."""
    texts = _texts(toks, k, 6)
    if len(texts) < 6 or not _DECORATED.fullmatch("".join(texts[:4])) or toks[k + 4].kind != "letter" or \
            texts[4] not in _INDEX_LETTERS or toks[k + 4].col != toks[k + 3].col + 1 or \
            (toks[k + 5].kind == "letter" and toks[k + 5].col == toks[k + 4].col + 1):
        return None
    return "".join(texts[:4])


# in plain text, a letter glued to an index letter as a word of its own (xi, xj, and dyi: d then yi)
_GLUED_NOTE = ("text: a letter glued to an index letter (xi, xj) read as the indexed name x_i (the _ eaten; the text "
               "writes one letter so with two indices, or with the letter its sum binds)")
_GLUED = re.compile(r"(?<![A-Za-z0-9_\\{^])d?([A-Za-z])([ijk])(?![A-Za-z0-9_])")  # not w_{ji}'s indices
_SUMMED = re.compile(r"(?:sum|Sum|SUM|prod)(?:\\limits)?_\{?\s*([ijk])")


def _glued_indices(src: str) -> list[int]:
    """The offsets of the index letters in ``xi``, ``xj``, ``yi`` (``x_i`` with its ``_`` eaten), where the text shows
    that convention: in plain text a letter glued to two index letters (``xi`` and ``xj``) or to the letter a sum binds
    (``sum_j(exp(xj))``); in LaTeX (where ξ is ``\\xi``) a letter glued to the letter a sum binds (``\\sum_{i = 1}^{m}
    \\exp(a_i^Tx + bi)``). None elsewhere (``xi`` may be the Greek letter, ``pi`` the number)."""
    bound = set(_SUMMED.findall(src))
    if "\\" in src:
        return [m.start(2) for m in _GLUED.finditer(src) if len(m.group(0)) == 2 and m.group(2) in bound]
    found = [m for m in _GLUED.finditer(src) if m.group(0) not in ("di", "dj", "dk")]
    letters: dict[str, set[str]] = {}
    for m in found:
        letters.setdefault(m.group(1), set()).add(m.group(2))
    shown = any(len(i) > 1 or i & bound for i in letters.values())
    return [m.start(2) for m in found] if shown else []


def restored(toks: list, src: str, tok: type) -> list:
    """``toks`` with each eaten ``_`` put back where it has one reading; a ``\\hat{y}i`` with two is refused."""
    if "\\" not in src:
        glued = {at + 1 for at in _glued_indices(src)}
        return [u for t in toks for u in ([tok("sym", "_", t.col), t] if t.col in glued and t.kind == "letter"
                                          else [t])]
    head_end = next((k for k, t in enumerate(toks) if t.text == "="), 0)  # a head names; no = no head
    glued = {at + 1 for at in _glued_indices(src)}
    out = []
    for k, t in enumerate(toks):
        if t.col in glued and t.kind == "letter":
            out.append(tok("sym", "_", t.col))
        out.append(t)
        name = _decorated_index(toks, k - 3) if k >= 3 else None
        if _is_bound(toks, k) or _is_delta(toks, k):
            out.append(tok("sym", "_", toks[k + 1].col))
        elif name is not None:
            if not (name + "_" in src.replace(" ", "") or k < head_end):
                raise ParseError(f"{name}{toks[k + 1].text} has two readings: {name}_{toks[k + 1].text} (its _ eaten by "
                                 f"markdown) or {name} times {toks[k + 1].text}; write {name}_{toks[k + 1].text} or "
                                 rf"{name} \cdot {toks[k + 1].text}", column=t.col, source=src)
            out.append(tok("sym", "_", toks[k + 1].col))
    return out


def underscore_notes(src: str) -> list[str]:
    """What ``restored`` decided for ``src``, as notes for the verdict."""
    if "\\" not in src:
        return [_GLUED_NOTE] if _glued_indices(src) else []
    notes = [_GLUED_NOTE] if _glued_indices(src) else []
    if re.search(r"\\(?:sum|prod)\{[^{}]*=", src) or re.search(r"\\delta\{[A-Za-z],?[A-Za-z]\}", src):
        notes.append(r"text: \sum{k=1} and \delta{ij} read as \sum_{k=1} and \delta_{ij} (the _ eaten by markdown)")
    for m in _DECORATED.finditer(src):
        after = src[m.end():m.end() + 2]
        if after[:1] in tuple(_INDEX_LETTERS) and not after[1:].isalpha():
            notes.append(f"text: {m.group(0)}{after[0]} read as {m.group(0)}_{after[0]}, the indexed name (the _ eaten by "
                         f"markdown; the input writes {m.group(0)} with a subscript, or defines it)")
            break
    return notes
