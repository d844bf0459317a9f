"""A cooperative time budget for symbolic work, checked between rules and steps."""

from __future__ import annotations

import time

from ..errors import DeriveError


class Deadline:
    """A cooperative time budget for symbolic work: ``check()`` raises ``DeriveError`` once it has run out.

    Checked between rules and between steps of the walk, so no threads or signals are needed; one
    rule that blows up on its own still runs to its end before the check sees the time.
    """

    def __init__(self, seconds: float, what: str = "the derivation"):
        self.seconds = seconds
        self.what = what
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise DeriveError(f"{self.what} did not finish within {self.seconds:g} s; "
                              "simplify the loss or raise --timeout")
