"""``c_t = f_t c_{t-1} + I_t s_t`` (an LSTM cell, Adam's ``m_t = \\beta m_{t-1} + ...``): ``c_{t-1}`` is the state at
the step before, a name of its own (noted), where no sum binds t; under a sum over t it stays index arithmetic, refused.
Held out 9 fresh9-lstm-leakssss-dc-df and its mutation."""

from __future__ import annotations

import pytest

import symgrad
from symgrad import parse
from symgrad.errors import ParseError

CELL = r"c_t = f_t \times c_{t-1} + I_t \times s_t"


@pytest.mark.parametrize(("last", "verdict"), [("c_{t-1}", "proved"), ("c_{t}", "wrong"), ("s_t", "wrong")])
def test_the_cell_state_by_the_forget_gate_is_the_previous_state(last, verdict):
    claim = rf"\frac{{dc_{{t}}}}{{df_{{t}}}} = \frac{{d}}{{df_{{t}}}}\left(f_t  c_{{t-1}} + I_t  s_t \right) = {last}"
    v = symgrad.verify(claim, define=[CELL])
    assert v.verdict == verdict, str(v)
    assert "read as a label, the step t-1 of a recurrence" in str(v)


def test_the_previous_state_is_a_name_apart_from_the_state():
    ctx = parse.Context()
    d = parse.parse_definition(CELL, ctx)
    names = {str(s) for s in d.rhs.free_symbols} | {str(b.label) for b in d.rhs.atoms() if hasattr(b, "label")}
    assert any("t-1" in n for n in names), names


def test_a_step_under_a_sum_over_t_is_still_refused():
    with pytest.raises(ParseError, match="index arithmetic"):
        parse.parse_expression(r"\sum_{t=2}^{T} (x_t - x_{t-1})^2", parse.Context())
