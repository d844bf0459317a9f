"""A word labelling the claim before its ``=`` (``gradient = ...``), read as a label, not a name."""

from __future__ import annotations

import re
from typing import Any

_LABEL = re.compile(r"\s*\$*\s*(?:\\(?:text|mathrm)\s*\{\s*)?(?:the\s+)?(gradient|derivative|jacobian|hessian|grad|result|"
                    r"answer)\s*\}?\s*(?:=|:)(?!=)", re.IGNORECASE)


def _without_label(claim: str, ctx: Any) -> str:
    """``gradient = 2A^T(Ax - b)``: a word labelling the claim before ``=`` (a name nothing defines) blanked, the same
    width so that columns stay, and noted."""
    m = _LABEL.match(claim)
    if m is None or ctx.known(m[1]) or not claim[m.end():].strip():
        return claim
    ctx.notes.append(f"'{m[1]}' before = read as a label of the claim, not a name")
    return " " * m.end() + claim[m.end():]
