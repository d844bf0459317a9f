"""Fixtures shared by test files: the planted engine bug of issue 16."""

from __future__ import annotations

import inspect

import pytest

from symgrad import rules


@pytest.fixture
def term_count_off_by_one(monkeypatch):
    """The planted bug: a sum of a term free of its index counts hi - lo terms instead of hi - lo + 1."""
    source = inspect.getsource(rules._split_sum)
    assert "lim[2] - lim[1] + 1" in source
    namespace = dict(vars(rules))
    exec(source.replace("lim[2] - lim[1] + 1", "lim[2] - lim[1]"), namespace)  # noqa: S102 - the rule, one char off
    monkeypatch.setattr(rules, "_split_sum", namespace["_split_sum"])
