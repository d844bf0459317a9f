"""An interval written with a semicolon between its ends, ``b \\in [0; 1]``, as French and Russian pages write it
(https://github.com/hse-ds course notes, seminar 6): the same domain as ``[0, 1]``, used by the judge."""

from __future__ import annotations

import sympy as sp

from symgrad import verify
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


def test_a_semicolon_separates_the_ends_of_an_interval() -> None:
    ctx = Context()
    parse_given(r"b \in (0; 1], x \in \mathbb{R}^n", ctx)
    assert ctx.domains["b"] == sp.Interval.Lopen(0, 1) and [str(d) for d in ctx.tensors["x"].shape] == ["n"]


def test_the_domain_decides_the_derivative_of_absolute_values() -> None:
    define, given = [r"L = |b| + |1 - b|"], [r"b \in (0; 1)"]
    assert verify(r"\frac{dL}{db} = 0", define=define, given=given).verdict == "agrees"
    assert verify(r"\frac{dL}{db} = 0", define=define).verdict == "wrong"
