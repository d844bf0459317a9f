"""A term after a sum's body that writes the sum's letter is read inside the sum only where read apart its index
would be free; where the left side writes that letter too (the derivative by x_j), it is read outside, as written
(read.sums.terms_using), noted."""

import sympy as sp

import symgrad
from symgrad.read import parse_claim, parse_definition
from symgrad.read.context import Context

SOFTMAX = r"s(\mathbf x)_i = \frac{e^{x_i}}{\sum e^{x_j}}"
CHAIN = r"\frac{\partial s(\mathbf x)_i}{\partial x_j} = \frac{\sum_j e^{x_j} \cdot 0 - e^{x_i} e^{x_j}}{(\sum_j e^{x_j})^2}"


def test_a_term_writing_the_left_sides_index_stays_outside_the_sum():
    ctx = Context()
    parse_definition(SOFTMAX, ctx)
    member = parse_claim(CHAIN, ctx)[1].value
    numerator = sp.fraction(sp.together(member))[0]
    assert {str(i) for i in numerator.free_symbols if isinstance(i, sp.Idx)} == {"i", "j"}
    assert any("read outside the sum" in n for n in ctx.notes)


def test_the_off_diagonal_softmax_quotient_is_judged():
    right = symgrad.verify(CHAIN, define=[SOFTMAX], given=[r"j \neq i"])
    wrong = symgrad.verify(CHAIN.replace("- e^{x_i}", "+ e^{x_i}"), define=[SOFTMAX], given=[r"j \neq i"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
