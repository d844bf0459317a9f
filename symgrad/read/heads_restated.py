"""A claim whose head differentiates a function nothing defines, applied (``\\frac{\\partial E(f)}{\\partial f_u} =
\\frac{\\partial (f_l^T A f_l - 2 f_u^T B f_l)}{\\partial f_u} = ...``): the chain's next member writes out what E is,
differentiated by the same variable, so ``E(f)`` is the name E whose value that member states (the chain's reader
then defines E by it, noted). Without such a member the head is left as written (the parser refuses it, naming its
two readings: a function E of the argument, or E times it)."""

from __future__ import annotations

from .context import Context
from .tokens import _group_close, _group_end, _split, _Tok

_FRACS = {r"\frac", r"\dfrac", r"\tfrac"}
_LAYOUT = {"&", "\\\\", ""}


def restated_heads(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with ``(args)`` dropped after the undefined function of the chain's first member, where a later member
    differentiates a written-out expression by the same variable (noted); unchanged otherwise."""
    parts = _split(toks, {"="})
    if len(parts) < 2:
        return toks
    found = _applied_head(parts[0], ctx)
    if found is None:
        return toks
    name_at, close, by = found
    if not any(_differentiates_by(part[1:], by) for part in parts[1:]):
        return toks
    head = parts[0]
    args = "".join(t.text for t in head[name_at + 1:close + 1])
    name = head[name_at].text
    note = f"{name}{args} read as {name}, the name the chain's next derivative writes out ({name} is defined nowhere)"
    if note not in ctx.notes:
        ctx.notes.append(note)
    return head[:name_at + 1] + head[close + 1:] + toks[len(head):]


def _applied_head(head: list[_Tok], ctx: Context) -> tuple[int, int, list[str]] | None:
    """In ``\\frac{\\partial E(args)}{\\partial v}`` (``\\partial{E(args)}`` too), E one letter nothing defines: the
    position of E, of the ``)`` closing its arguments, and the denominator's texts; None for any other head."""
    texts = [t.text for t in head]
    if len(texts) < 8 or texts[0] not in _FRACS or texts[1] != "{" or texts[2] != r"\partial":
        return None
    at = 4 if texts[3] == "{" else 3
    if head[at].kind != "letter" or len(texts[at]) != 1 or ctx.declared_elsewhere(texts[at]) or texts[at + 1] != "(":
        return None
    close = _group_close(head, at + 1)
    if close is None:
        return None
    top_end = _group_end(head, 1)
    if close + 1 + (at == 4) != top_end - 1 or top_end >= len(head) or texts[top_end] != "{":
        return None
    bottom = texts[top_end:_group_end(head, top_end)]
    return at, close, bottom


def _differentiates_by(member: list[_Tok], by: list[str]) -> bool:
    """Whether ``member`` is a fraction ``\\frac{\\partial ...}{...}`` of something written out (not a bare name) whose
    denominator is ``by``."""
    texts = [t.text for t in member if t.text not in _LAYOUT]
    if len(texts) < 4 or texts[0] not in _FRACS or texts[1] != "{" or texts[2] != r"\partial":
        return False
    kept = [t for t in member if t.text not in _LAYOUT]
    top_end = _group_end(kept, 1)
    return top_end - 1 > 4 and texts[top_end:top_end + len(by)] == by
