"""A page that defines a known function by its formula (``\\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}``, also as a
chain ``= 2\\sigma(2x) - 1``): the claim about the function is read as about the formula only where the two are the
same function; a formula that differs from the function it names has two readings and is refused naming both."""

from __future__ import annotations

import pytest

from symgrad.errors import ParseError
from symgrad.read import Context
from symgrad.read.claims import parse_definition
from symgrad.verify import verify

_TANH = r"\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}} = 2 \sigma (2x) - 1 \\"


def test_a_chain_stating_tanh_is_read_from_its_first_side() -> None:
    ctx = Context()
    d = parse_definition(_TANH, ctx)
    assert str(ctx.stated[d.name][0]) == "tanh(x)"
    assert str(d.rhs) == "(exp(x) - exp(-x))/(exp(x) + exp(-x))"


def test_a_formula_that_is_not_the_function_it_names_is_refused_naming_both() -> None:
    with pytest.raises(ParseError, match="two readings"):
        parse_definition(r"\tanh(x) = \frac{e^x - e^{-x}}{2}", Context())
    with pytest.raises(ParseError, match="two readings"):
        parse_definition(r"\tanh(x) = \frac{e^x - e^{-x}}{2} = 2 \sigma(2x) - 1", Context())


@pytest.mark.parametrize(("value", "verdict"), [(r"\frac{4}{\left(e^x + e^{-x}\right)^2}", "proved"),
                                                (r"\frac{2}{\left(e^x + e^{-x}\right)^2}", "wrong")])
def test_the_derivative_of_tanh_defined_by_a_chain(value: str, verdict: str) -> None:
    assert verify(f"\\tanh'(x) = {value}", define=[_TANH]).verdict == verdict


def test_a_stated_value_of_a_quantity_the_formula_gives_is_not_checked() -> None:
    ctx = Context()
    d = parse_definition(r"\ln L = n \ln \theta - \theta", ctx)
    assert str(ctx.stated[d.name][0]) == "log(L)"
