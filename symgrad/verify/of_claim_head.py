"""``--of`` that only repeats the claim's head, a code name for a derivative (``--of dx`` with the claim
``dx = 1 / (1 + exp(-x))``, ``--of dnext_c`` with ``dnext_c = o * (1 - np.tanh(next_c)**2) * dnext_h``): the claim's
head says which derivative, and the claim reader reads it with all the claim sees (read/derivative_names: d + a name,
the upstream gradient the claim names), so --of is left to it, noted."""

from __future__ import annotations

import re
from typing import Any

_CODE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_HEAD = re.compile(r"\s*\$*\s*([A-Za-z][A-Za-z0-9_]*)\s*=(?!=)")


def restated_by_claim(of: str, claim: str, ctx: Any) -> bool:
    """Whether ``of`` is a code name for a derivative (d + a name) that nothing defines and that heads ``claim``
    before its ``=``, noted."""
    name = of.strip().strip("$").strip()
    head = _HEAD.match(claim)
    if head is None or head[1] != name or not _CODE_NAME.fullmatch(name) or ctx.known(name):
        return False
    if not (name[0] == "d" and len(name) > 1) or not claim[head.end():].strip():
        return False
    ctx.notes.append(f"--of {name} is the claim's own head: the derivative it names is read there")
    return True
