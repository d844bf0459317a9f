"""``\\lg``: the base-10 logarithm by ISO 80000-2 (and in most Chinese, Russian and German texts), the base-2
logarithm in computer science (Knuth, CLRS). The reader never picks one: the refusal names both, and verify judges
the input under each (``verify.readings``), so the verdict stands only where both readings agree."""

from __future__ import annotations

import re
from typing import Any

_LG = re.compile(r"\\lg(?![A-Za-z])")
_BASES = (("10", "the base-10 logarithm (ISO 80000-2)"), ("2", "the base-2 logarithm (as in computer science)"))


def lg_refused(tok: Any, p: Any) -> None:
    """Refuse ``\\lg`` naming both bases; each reading spells every ``\\lg`` of the input with that base, from the
    first to the last (one page, one meaning of its ``\\lg``)."""
    if tok.text != r"\lg":
        return
    found = list(_LG.finditer(p.src))
    error = p.error(r"\lg has two readings: the base-10 logarithm (ISO 80000-2) or the base-2 logarithm (as in "
                    r"computer science); write \log_{10} or \log_2 (or \ln for the natural logarithm)", tok)
    if found:
        start, end = found[0].start(), found[-1].end()
        error.readings = tuple((meaning, start + 1, end + 1, _LG.sub(rf"\\log_{{{base}}}", p.src[start:end]))
                               for base, meaning in _BASES)
    raise error
