"""``\\frac{\\partial E(w)}{\\partial w} = \\frac{\\partial (w^2 + 3w)}{\\partial w} = ...``, E defined nowhere: the head's
E(w) is the name E the chain's next member writes out (noted); without such a member it is still refused."""

from __future__ import annotations

from symgrad.read.context import Context
from symgrad.read.heads_restated import restated_heads
from symgrad.read.tokens import _tokens
from symgrad.verify import verify

CHAIN = r"\frac{\partial E(w)}{\partial w} = \frac{\partial (w^2 + 3w)}{\partial w} = "


def test_the_arguments_are_dropped_only_before_a_restating_member():
    ctx = Context()
    got = restated_heads(_tokens(CHAIN + "2w + 3"), ctx)
    assert "".join(t.text for t in got).startswith(r"\frac{\partialE}{\partialw}=")
    assert any("E(w) read as E" in n for n in ctx.notes)
    alone = _tokens(r"\frac{\partial E(w)}{\partial w} = 2w")
    assert restated_heads(alone, Context()) == alone


def test_the_chain_is_judged_with_e_written_out():
    assert verify(CHAIN + "2w + 3").verdict == "proved"
    assert verify(CHAIN + "2w").verdict == "wrong"
    assert verify(r"\frac{\partial E(w)}{\partial w} = 2w").verdict == "unreadable"
