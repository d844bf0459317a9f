"""A cooperative time budget for symbolic work, checked between rules and steps; and the one clock every time budget
of symgrad reads (``now``): this process's CPU seconds, so that a derivation or a verdict does not depend on what
else the machine runs (on an idle machine they are wall seconds)."""

from __future__ import annotations

import time

from ..errors import DeriveError


def now() -> float:
    """The clock of every time budget: CPU seconds of this process (``time.process_time``), not wall seconds."""
    return time.process_time()


class Deadline:
    """A cooperative time budget for symbolic work: ``check()`` raises ``DeriveError`` once it has run out.

    Checked between rules and between steps of the walk, so no threads or signals are needed; one
    rule that blows up on its own still runs to its end before the check sees the time.
    """

    def __init__(self, seconds: float, what: str = "the derivation"):
        self.seconds = seconds
        self.what = what
        self.end = now() + seconds

    def check(self) -> None:
        if now() > self.end:
            raise DeriveError(f"{self.what} did not finish within {self.seconds:g} s; "
                              "simplify the loss or raise --timeout")
