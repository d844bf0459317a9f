"""A cases block's words in other languages: ``\\text{se } x \\ge 0`` (if) and ``\\text{c.c.}`` (Portuguese caso
contrário: otherwise), ``\\text{si }``, ``\\text{sinon}``, read as the English words they mean, noted."""

from __future__ import annotations

import pytest

from symgrad.read import Context, parse_definition
from symgrad.read.cases_words import said
from symgrad.verify import verify

_F = r"f(x) = \begin{cases} x^2, & \text{se } x\ge 0\\ -x, & \text{c.c.} \end{cases}"


def test_the_words_mean_if_and_otherwise() -> None:
    notes: list[str] = []
    assert [said(w, notes) for w in ("se", "si ", "c.c.", "sinon", "if", "where")] == [
        "if", "if", "otherwise", "otherwise", "if", "where"]
    assert len(notes) == 4
    ctx = Context()
    d = parse_definition(_F, ctx)
    assert str(d.rhs) == "Piecewise((x**2, x >= 0), (-x, True))"
    assert any("'se' in the cases read as 'if'" in n for n in ctx.notes)


@pytest.mark.parametrize(("slope", "verdict"), [("-1", "proved"), ("1", "wrong")])
def test_a_derivative_in_cases_written_in_portuguese(slope: str, verdict: str) -> None:
    v = verify(rf"f'(x) = \begin{{cases}} 2x, & \text{{se }} x\ge 0\\ {slope}, & \text{{c.c.}} \end{{cases}}", define=[_F])
    assert v.verdict == verdict, str(v)
