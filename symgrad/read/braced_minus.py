"""A brace group that holds a minus and one letter or number, under a power: ``{ -e }^{ -x }`` (notebook exports
wrap every token in braces). Braces print nothing, so the page shows -e^{-x}, which its reader reads as -(e^{-x});
read so, noted (as parentheses, ``(-e)^{-x}``, the braces would say what the page does not show)."""

from __future__ import annotations

from typing import Any

from .tokens import _Tok


def minus_shown(p: Any) -> bool:
    """At ``p``'s position ``{ - a }`` followed by ``^``: the braces dropped from ``p.toks`` (the minus then stands
    outside the power), noted; False, nothing changed, otherwise."""
    toks: list[_Tok] = p.toks
    k = p.pos
    if k + 4 >= len(toks) or [t.text for t in (toks[k], toks[k + 1], toks[k + 3], toks[k + 4])] != ["{", "-", "}", "^"] \
            or toks[k + 2].kind not in ("letter", "digit"):
        return False
    p.toks = [*toks[:k], toks[k + 1], toks[k + 2], *toks[k + 4:]]
    p.note(f"{{-{toks[k + 2].text}}}^...: braces print nothing, so the page shows -{toks[k + 2].text}^..., read as "
           f"-({toks[k + 2].text}^...)")
    return True
