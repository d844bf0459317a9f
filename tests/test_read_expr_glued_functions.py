"""A name of the problem glued to a function it knows is that name times the function: ``-plog(p) - (1-p)log(1-p)``
(the binary entropy as plain-text pages type it), ``-xlog2(x)`` (calculator-online.org, whose base-2 spelling stays
refused), ``2xTr(A^TA)`` (math.techqa.club 3945493), noted. A letter the problem does not know glued to a function
stays refused: ``zlog(y)`` is no function, and z times log y would be a guess."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_expression, parse_given


def test_autograd_gives_the_binary_entropy_derivative_as_minus_the_logit():
    p = 0.3
    assert np.isclose(grad(lambda p: -p * anp.log(p) - (1 - p) * anp.log(1 - p))(p), -np.log(p / (1 - p)))


def test_the_binary_entropy_typed_plain_is_read_and_its_derivative_judged():
    define = [r"H(p) = -plog(p) - (1-p)log(1-p)"]
    right = symgrad.verify(r"\frac{dH}{dp} = -log(p) + log(1-p)", define=define)
    assert right.verdict == "proved" and "plog(...) read as p times log(...)" in right.message
    assert symgrad.verify(r"\frac{dH}{dp} = -log(p) - log(1-p)", define=define).verdict == "wrong"


@pytest.mark.parametrize(("glued", "spaced"), [(r"2xTr(A^TA)", r"2x \mathrm{Tr}(A^TA)"), (r"xexp(x)", r"x \exp(x)")])
def test_a_declared_letter_glued_to_a_function_is_their_product(glued, spaced):
    ctx = Context()
    parse_given(r"x \in \mathbb{R}", ctx)
    parse_given(r"A \in \mathbb{R}^{m \times n}", ctx)
    assert parse_expression(glued, ctx).dummy_eq(parse_expression(spaced, ctx))


@pytest.mark.parametrize("written", [r"L = zlog(y)", r"L = xlog2(x)"])
def test_an_unknown_letter_or_a_base_glued_to_a_function_stays_refused(written):
    with pytest.raises(ParseError, match="not a function symgrad knows"):
        parse_definition(written, Context())
