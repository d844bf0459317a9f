"""symgrad.read a bare ``\\sum`` (issue 9, messy pages): with nothing after it to sum, it is the one closed sum the
definitions write, noted; with none, or several, it is refused naming the spelling that works."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_expression

SOFTMAX = r"S_i = \frac{e^{a_{i}}}{\sum_{k}{e^{a_{k}}}}"


def test_the_quotient_rule_written_with_a_bare_sum_is_the_softmax_diagonal():
    # d/da_i e^{a_i}/T = (e^{a_i} T - e^{a_i} e^{a_i}) / T^2 with T = sum_k e^{a_k}: the quotient rule
    v = verify(r"\frac{\partial S_i}{\partial a_i} = \frac{e^{a_i}\times \sum - e^{a_i}\times e^{a_i}}{\sum^2}",
               define=[SOFTMAX])
    assert v.verdict == "proved" and r"a bare \sum read as \sum_{k=1}^{N}" in v.message


def test_a_bare_sum_with_a_dropped_term_is_still_judged_wrong():
    v = verify(r"\frac{\partial S_i}{\partial a_i} = \frac{e^{a_i}\times \sum}{\sum^2}", define=[SOFTMAX])
    assert v.verdict == "wrong"


def test_a_bare_sum_without_a_defined_sum_is_refused():
    with pytest.raises(ParseError, match=r"a bare \\sum with nothing to sum"):
        parse_expression(r"\frac{1}{\sum}", Context())


def test_a_bare_sum_with_two_defined_sums_is_refused():
    ctx = Context()
    parse_definition(r"p_i = \frac{e^{a_i}}{\sum_k e^{a_k}}", ctx)
    parse_definition(r"q_i = \frac{e^{b_i}}{\sum_k e^{b_k}}", ctx)
    with pytest.raises(ParseError, match="nothing to sum"):
        parse_expression(r"1 - \sum", ctx)
