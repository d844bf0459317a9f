"""Time limits that interrupt: ``cpu_limit(seconds, exception)`` raises ``exception`` inside its block once this
process has spent ``seconds`` of CPU time in it (SIGPROF, counted on ``deadline.now``'s clock). Limits nest: a
verdict's whole budget around a proof's own, each raising its own exception; one timer is armed for the earliest
deadline, and a limit that has fired never fires again while its block unwinds. Only in the main thread of a
platform with ``setitimer``; elsewhere the block runs without a limit (the cooperative checks still apply)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .deadline import now


@dataclass
class _Limit:
    end: float
    exception: type[BaseException]
    fired: bool = False


_LIMITS: list[_Limit] = []  # innermost last


def _arm() -> None:
    live = [limit.end for limit in _LIMITS if not limit.fired]
    signal.setitimer(signal.ITIMER_PROF, max(min(live) - now(), 1e-3) if live else 0)


def _expire(signum: int, frame: Any) -> None:
    due = next((limit for limit in _LIMITS if not limit.fired and limit.end <= now() + 1e-3), None)  # outermost first
    if due is not None:
        due.fired = True
    _arm()
    if due is not None:
        raise due.exception()


@contextmanager
def cpu_limit(seconds: float, exception: type[BaseException]) -> Iterator[None]:
    """Raise ``exception`` inside the block after ``seconds`` of this process's CPU time (see the module)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return
    outermost = not _LIMITS
    old = signal.signal(signal.SIGPROF, _expire) if outermost else None
    limit = _Limit(now() + seconds, exception)
    _LIMITS.append(limit)
    _arm()
    try:
        yield
    finally:
        _LIMITS.remove(limit)
        _arm()
        if outermost:
            signal.signal(signal.SIGPROF, old)
