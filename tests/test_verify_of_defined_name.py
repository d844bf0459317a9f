"""``--of y`` where y is a defined name and no derivative is written (code returns the derivative of the function it
is named for): the derivative is by the one input y's definition is computed from, never by y itself (dy/dy = 1);
a claim headed ``y =`` restates --of and is the derivative, not y's value. Held out 9 fresh9-swish-byronprice-prime
(MATLAB SwishPrime.m) was judged wrong on both counts."""

from __future__ import annotations

import symgrad

SWISH = "y = Z.*(1./(1+exp(-Z)));"
RIGHT = "y = Z.*(1./(1+exp(-Z)))+(1./(1+exp(-Z))).*(1-Z.*(1./(1+exp(-Z))));"
SLIP = "y = Z.*(1./(1+exp(-Z)))+(1./(1+exp(-Z))).*(1+Z.*(1./(1+exp(-Z))));"  # 1 + where 1 - belongs


def test_the_derivative_of_a_defined_name_is_by_the_input_its_definition_uses():
    v = symgrad.verify(RIGHT, of="y", define=[SWISH])
    assert v.verdict == "proved", str(v)
    assert "the derivative by Z, the one input its definition is computed from" in str(v)
    assert "restates --of y" in str(v)


def test_a_slip_in_the_same_claim_is_wrong():
    assert symgrad.verify(SLIP, of="y", define=[SWISH]).verdict == "wrong"


def test_a_defined_name_of_several_inputs_is_refused_naming_them():
    v = symgrad.verify("2x(wx - y)", of="L", define=["L = (wx - y)^2"])
    assert v.verdict == "unreadable" and "L is defined from w, x, y: say by which" in v.message, str(v)


def test_a_claim_headed_by_another_name_keeps_its_head():
    v = symgrad.verify("p = 2Z", of="y", define=["y = Z^2"])
    assert v.verdict == "proved" and "restates --of" not in str(v) and "p names the derivative" in str(v)
