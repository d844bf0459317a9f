"""A transpose of a value made of names nothing shapes ((Xw - y)^T U (Xw - y), where a capital the convention does
not shape leaves no second try as arrays) is judged under its two readings (verify.readings, verify.transposed_arrays):
arrays (X a matrix, w and y vectors) and numbers. The verdict stands, noted with both, where they agree; the input
stays refused, naming each reading's verdict, where they differ."""

from __future__ import annotations

import importlib

import pytest

import symgrad

WEIGHTED = r"J(w) = (X w - y)^T U (X w - y)"


@pytest.fixture(autouse=True)
def _unhurried(monkeypatch):
    """Each reading takes about a second unloaded: the readings' 4 s budget is not what these tests measure."""
    monkeypatch.setattr(importlib.import_module("symgrad.verify.readings"), "_SECONDS", 60.0)


def test_a_claim_wrong_as_arrays_and_as_numbers_is_wrong_noting_both_readings():
    v = symgrad.verify(r"\nabla_w J(w) = 2 X^T U X w", define=[WEIGHTED])  # y dropped
    assert v.verdict == "wrong", v.message
    assert "the transpose of a value made of X, w, y has two readings here, arrays (X a n x d matrix, w a vector " \
           "of size d, y a vector of size n) and numbers: each gives this verdict" in v.message, v.message


def test_a_claim_right_for_numbers_only_stays_refused_naming_each_verdict():
    # 2 X^T U (Xw - y) holds for numbers, and for arrays only where U is symmetric, which nothing states
    v = symgrad.verify(r"\nabla_w J(w) = 2 X^T U (X w - y)", define=[WEIGHTED])
    assert v.verdict == "unreadable", v.message
    assert "the readings give different verdicts (arrays (X a n x d matrix, w a vector of size d, y a vector of " \
           "size n): wrong, numbers: proved)" in v.message, v.message
