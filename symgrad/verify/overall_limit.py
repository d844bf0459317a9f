"""One verdict's whole budget: reading, every second reading and judging together get at most ``seconds_for(timeout)``
of this process's CPU time (rules.cpu_limit, around the proof's own limit). Past it the input is unreadable, saying
so: a construct the reader loops on (a hang found once by chance: read/expression_heads replaced a head by itself
forever) or an input too large costs a refusal, never a hung command or a guess."""

from __future__ import annotations

from collections.abc import Sequence

from ..rules.cpu_limit import cpu_limit
from .displays import verify as verify_display
from .verdict import Verdict


class _OutOfTime(BaseException):
    """The whole verdict ran past its budget: a BaseException, so the reader's own ``except Exception`` around a
    reading it tries cannot take it for that reading's failure and go on."""


def seconds_for(timeout: float) -> float:
    """The whole budget: 20 CPU seconds, or 6 proofs' budgets where a larger ``timeout`` is asked for (the corpus's
    slowest right verdict takes about 5)."""
    return max(20.0, 6 * timeout)


def verify(claim: str, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0, convention: str | None = None) -> Verdict:
    """``displays.verify`` within the whole budget (see the module)."""
    seconds = seconds_for(timeout)
    try:
        with cpu_limit(seconds, _OutOfTime):
            return verify_display(claim, of, define, given, assume, timeout, convention)
    except _OutOfTime:
        return Verdict("unreadable", column=1, message=f"symgrad did not finish reading and judging this within "
                       f"{seconds:g} s of CPU time (a construct it does not read, or an input too large): split the "
                       "derivation into smaller claims, or report it")
