"""The range of an index written after a claim: ``..., \\quad k = 1, \\dots, n``, ``\\text{for all } k = 1, \\dots, n``,
``\\forall k``: the claim holds for each k, so the words are no part of its value. A range is read as ``--given`` reads
one (a size it names must match the sizes in play, else refused); ``for all k`` alone says only that k is free."""

from __future__ import annotations

from .context import Context
from .sets import index_range
from .tokens import _DOTS, _NAMED, _arg_text, _Tok

_FOR_ALL = {"for", "forall", "foreach", "forevery", "forany", "where"}  # \text{for all }: its letters, spaces dropped
_LONGEST = 14  # the tokens of the longest range read: \text{for all} k = 1, \dots, n


def range_after(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` without a trailing range of an index (its range read into ``ctx``, noted), or ``toks`` unchanged."""
    end = len(toks) - 1
    for q in range(max(1, end - _LONGEST), end):
        start = _after_lead(toks, q)
        if start is None or not _ranged(toks[start:end], toks[q].text != ","):
            continue
        rest = toks[start:end]
        if len(rest) > 1:
            index_range(latex, rest + toks[end:], ctx)
        ctx.notes.append(f"for all {' '.join(t.text for t in rest)} after the claim read as the range of "
                         f"{rest[0].text}: the claim is about each {rest[0].text}")
        cut = q - 1 if toks[q - 1].text == "," else q
        return toks[:cut] + toks[end:]
    return toks


def _after_lead(toks: list[_Tok], q: int) -> int | None:
    """The index past the words that lead a range at ``q`` (``,``, ``\\forall``, ``\\text{for all}``), or None."""
    t = toks[q]
    if t.text in (",", r"\forall"):
        return q + 1
    if t.text in _NAMED and toks[q + 1].text == "{":
        word, past = _arg_text(toks, q + 1)
        if word in _FOR_ALL:
            return past + (toks[past].text == r"\forall")
    return None


def _ranged(rest: list[_Tok], worded: bool) -> bool:
    """Whether ``rest`` is an index letter with its range (``k = 1, \\dots, n``), or, after words, the letter alone."""
    if not rest or rest[0].kind != "letter":
        return False
    if len(rest) == 1:
        return worded
    texts = [t.text for t in rest[1:]]
    return texts[0] == "=" and any(x in _DOTS for x in texts) and all(
        t.kind in ("letter", "digit") or t.text in _DOTS or t.text in (",", "-", "+") for t in rest[2:])
