"""Python's conditional written as a docstring's formula (``ELU(x) = x if x > 0 else alpha * (e^x - 1)``, a chain
``a if c1 else b if c2 else d``): the cases a if c1; b if c2; d otherwise, as the plain-text cases reader reads them."""

from __future__ import annotations

import pytest

from symgrad.read.code_cases import braced
from symgrad.verify import verify

ELU = "ELU(x) = x if x > 0 else alpha * (e^x - 1)"


@pytest.mark.parametrize("text, cases", [
    (ELU, "ELU(x) ={x if x > 0 ;    alpha * (e^x - 1) otherwise}"),
    ("f = a if x > 0 else b if x < -1 else c", "f ={a if x > 0 ;    b if x < -1 ;    c otherwise}"),
])
def test_a_conditional_is_its_cases(text, cases):
    assert braced(text) == cases


@pytest.mark.parametrize("text", ["f = a if x > 0 else b, c", "y = x if flag else 2", "y = a else b if x > 0"])
def test_a_conditional_without_a_condition_or_with_more_is_left_as_written(text):
    assert braced(text) == text


@pytest.mark.parametrize("claim, verdict", [("`ELU'(x) = alpha * e^x if x < 0 else 1`", "agrees"),
                                            ("`ELU'(x) = 1 if x < 0 else alpha * e^x`", "wrong")])
def test_the_derivative_of_elu_as_a_docstring_writes_it(claim, verdict):
    assert verify(claim, "ELU'(x)", [ELU], assume=["x < 0"]).verdict == verdict
