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
    restated = _restated_of(claim, ctx, of)
    if restated:
        return restated
    m = _LABEL.match(claim)
    if m is None or ctx.known(m[1]) or not claim[m.end():].strip():
        return claim
    if of is None and m[1].lower() in ("gradient", "grad") and claim[m.end() - 1] == "=" \
            and one_loss(ctx) is not None and not _DERIVATIVE.search(claim[m.end():]):
        return claim
    ctx.notes.append(f"'{m[1]}' before = read as a label of the claim, not a name")
    return " " * m.end() + claim[m.end():]


def _restated_of(claim: str, ctx: Any, of: str | None) -> str | None:
    """``y = Z.*s + s.*(1 - Z.*s)`` with ``--of y``, y a defined name and no derivative written (code returns the
    derivative in a variable named as the function): ``y =`` heads the claim, the derivative --of asks for, not y's
    value (that reading makes the claim say y equals its own derivative); blanked, the same width, and noted."""
    name = (of or "").strip().strip("$").strip()
    m = re.match(rf"\s*\$*\s*{re.escape(name)}\s*=(?!=)", claim) if re.fullmatch(r"[A-Za-z]\w*", name) else None
    if m is None or name not in ctx.definitions or not claim[m.end():].strip() or _DERIVATIVE.search(name):
        return None
    ctx.notes.append(f"'{name} =' before the claim restates --of {name}: read as the head of the claim (the "
                     f"derivative --of names), not as the value of {name}")
    return " " * m.end() + claim[m.end():]
