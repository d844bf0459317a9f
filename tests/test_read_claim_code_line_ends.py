"""A chain copied from code, each line ending in the statement's ``;`` and the next line going on with ``=``
(``f'(x) = a e^x;\\n = f(x) + a;``): the ``;`` ends the line, the chain goes on; before, it was 'unexpected ;'."""

from __future__ import annotations

import symgrad

ELU = ["f(x) = lambda * alpha * (e^x - 1);"]


def test_a_chain_with_code_line_ends_is_proved_link_by_link():
    claim = "f'(x) = lambda * alpha * e^x;\n       = f(x) + lambda * alpha;"
    v = symgrad.verify(claim, define=ELU, assume=["for x < 0"])
    assert v.verdict == "proved", v.message


def test_a_wrong_link_after_a_code_line_end_is_wrong_at_that_link():
    claim = "f'(x) = lambda * alpha * e^x;\n       = lambda * alpha * e^x - lambda * alpha;"
    v = symgrad.verify(claim, define=ELU, assume=["for x < 0"])
    assert v.verdict == "wrong", v.message
    assert "Link 2" in v.message, v.message
