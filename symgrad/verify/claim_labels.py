"""A word labelling the claim before its ``=`` (``gradient = ...``), read as a label, not a name."""

from __future__ import annotations

import re
from typing import Any

from ..read.heads_gradient import one_loss

_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*d|\bd\s*[A-Za-z]+\s*/\s*d")  # the claim names its derivative
_LABEL = re.compile(r"\s*\$*\s*(?:\\(?:text|mathrm)\s*\{\s*)?(?:the\s+)?(gradient|derivative|jacobian|hessian|grad|result|"
                    r"answer)\s*\}?\s*(?:=|:)(?!=)", re.IGNORECASE)


def _without_label(claim: str, ctx: Any, of: str | None = None) -> str:
    """``gradient = 2A^T(Ax - b)``: a word labelling the claim before ``=`` (a name nothing defines) blanked, the same
    width so that columns stay, and noted. A gradient word heading a claim that names no derivative on a page with one
    loss stays: read/heads_gradient reads it as that loss's gradient (blanked, the claim would name no derivative)."""
    m = _LABEL.match(claim)
    if m is None or ctx.known(m[1]) or not claim[m.end():].strip():
        return claim
    if of is None and m[1].lower() in ("gradient", "grad") and claim[m.end() - 1] == "=" \
            and one_loss(ctx) is not None and not _DERIVATIVE.search(claim[m.end():]):
        return claim
    ctx.notes.append(f"'{m[1]}' before = read as a label of the claim, not a name")
    return " " * m.end() + claim[m.end():]
