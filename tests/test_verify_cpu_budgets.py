"""verify's time budgets count this process's CPU seconds (rules.deadline.now; the symbolic proof's SIGPROF timer),
so that a verdict does not depend on what else the machine runs: a held-out case that was proved on an idle machine
and refused under CI's load (session 14) is the failure this prevents."""

from __future__ import annotations

import time

import pytest

from symgrad.verify import proof


def _spend_cpu(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_the_proof_budget_is_not_spent_by_waiting():
    with proof._time_limit(0.05):
        time.sleep(0.2)  # wall time passes, no CPU time: the proof's budget is untouched


def test_the_proof_budget_stops_work_that_spends_it():
    with pytest.raises(proof._Timeout), proof._time_limit(0.05):
        _spend_cpu(1.0)


def test_the_timer_is_cleared_after_the_block():
    with proof._time_limit(0.05):
        pass
    _spend_cpu(0.1)  # no _Timeout raised after the block ended
