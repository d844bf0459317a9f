"""A display whose rows each state a derivative, the later rows opened by words (``\\text{where }``, ``\\text{and }``,
``\\text{Thus, }``): each statement judged as a claim of its own, the display wrong when one is."""

from __future__ import annotations

import pytest

from symgrad.read.claim_rows import statements
from symgrad.verify import verify

_DEFINE = ["y = w x", "L = (t - y)^2"]
_ROWS = (r"\frac{\partial L}{\partial w} &= \frac{\partial L}{\partial y} \cdot \frac{\partial y}{\partial w} "
         r"\quad (\text{Chain Rule}) \\ \\ \text{where } \frac{\partial L}{\partial y} &= {lemma} \\ \\ "
         r"\text{Thus, } \frac{\partial L}{\partial w} &= -2(t - y) x")


def test_rows_opened_by_words_part_into_statements_with_columns_kept() -> None:
    text = _ROWS.replace("{lemma}", "-2(t - y)")
    parts = statements(text)
    assert [p.lstrip("~").split()[0] for p in parts] == [r"\frac{\partial", r"\frac{\partial", r"\frac{\partial"]
    assert [len(p) - len(p.lstrip("~")) for p in parts] == [0, text.index(r"\frac", 80), text.rindex(r"\frac{\partial L}")]
    assert "where" not in parts[1] and "Thus" not in parts[2] and r"\\" not in "".join(parts)


def test_a_row_continuing_the_chain_is_no_statement_of_its_own() -> None:
    text = r"\frac{dL}{dw} &= 2(wx - t)x \\ &= 2x(wx - t)"
    assert statements(text) == [text]
    cases = r"\frac{dL}{dz} = \begin{cases} 0 & z > 1 \\ \text{and } -1 & z < 1 \end{cases}"
    assert statements(cases) == [cases]


@pytest.mark.parametrize(("lemma", "verdict"), [("-2(t - y)", "proved"), ("2(t - y)", "wrong")])
def test_each_statement_is_judged(lemma: str, verdict: str) -> None:
    text = r"\frac{\partial L}{\partial y} = {lemma} \\ \text{and } \frac{\partial L}{\partial w} = -2(t - y) x"
    v = verify(text.replace("{lemma}", lemma), define=_DEFINE)
    assert v.verdict == verdict, str(v)
    assert "parted at its rows" in v.message
