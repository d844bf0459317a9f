"""A verdict's whole budget (verify.overall_limit, rules.cpu_limit): a reading that never ends is refused as
unreadable saying why, never a hung command; limits nest (the proof's own inside the whole), each raising its own
exception, the outer one also from inside the inner block, and a finished block leaves no timer armed."""

from __future__ import annotations

import signal
import time

import pytest

from symgrad.rules.cpu_limit import cpu_limit
from symgrad.verify import displays, overall_limit


class _Inner(Exception):
    pass


class _Outer(BaseException):
    pass


def _spin() -> None:
    end = time.process_time() + 10
    while time.process_time() < end:
        sum(range(1000))
    raise AssertionError("no limit fired within 10 s of CPU time")


def test_the_inner_limit_fires_first_and_the_outer_still_holds():
    with pytest.raises(_Outer), cpu_limit(0.6, _Outer):
        with pytest.raises(_Inner), cpu_limit(0.1, _Inner):
            _spin()
        _spin()
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_outer_limit_fires_inside_the_inner_block():
    with pytest.raises(_Outer), cpu_limit(0.1, _Outer), cpu_limit(5.0, _Inner):
        _spin()
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_reading_that_never_ends_is_unreadable(monkeypatch):
    monkeypatch.setattr(overall_limit, "seconds_for", lambda timeout: 0.3)
    monkeypatch.setattr(displays, "verify_one", lambda *args: _spin())
    v = overall_limit.verify(r"\frac{d}{dx} x^2 = 2x")
    assert v.verdict == "unreadable" and "did not finish reading and judging this within 0.3 s" in v.message


def test_within_the_budget_the_verdict_is_the_reader_s():
    assert overall_limit.verify(r"\frac{d}{dx} x^2 = 2x").verdict == "proved"
    assert overall_limit.verify(r"\frac{d}{dx} x^2 = 3x").verdict == "wrong"


def test_an_index_whose_size_nothing_fixes_is_refused_not_a_crash():
    """A case condition whose letters were read as indices of a size no definition fixes (held out 9's
    'backward: x >= 0 ? 1 : exp(x)', its label read into the condition) raised KeyError in the search: refused now."""
    v = overall_limit.verify("backward: x >= 0 ? 1 : exp(x)", define=["forward: x >= 0 ? x : exp(x) - 1"])
    assert v.verdict in ("unreadable", "proved"), str(v)


def test_an_index_named_as_a_size_is_refused_not_an_internal_error():
    """dL/dX_{nj} beside sums to n (fuzz seed 17): the index's value replaced the size at every point, and the
    self-check called it a bug in symgrad's rules; refused now, naming the letter."""
    define = [r"L = \sum_{k=1}^{n} \sum_{l=1}^{n} \sum_{c=1}^{m} A_{kl} X_{kc} X_{lc}"]
    v = overall_limit.verify(r"\frac{\partial L}{\partial X_{nj}} = \sum_{l=1}^{n} X_{lj}(A_{nl} + A_{ln})", define=define)
    assert v.verdict == "unreadable" and "n is both an index of the derivative and a size" in v.message
    v = overall_limit.verify(r"\frac{\partial L}{\partial X_{ij}} = \sum_{l=1}^{n} X_{lj}(A_{il} + A_{li})", define=define)
    assert v.verdict == "proved"
