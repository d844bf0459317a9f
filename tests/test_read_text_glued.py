"""Plain text as pages paste it: the operator glued to a function's name (``d/dxtanh(x)``), an unbraced signed
exponent (``e^-x``), ``tanh^2(x)``, square brackets as brackets, a chain continued on a new line. Verdicts are checked
against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import elementwise_grad
from test_read_code import read  # an expression read after its facts

from symgrad.verify import verify

x = sp.Symbol("x")
TANH = "tanh(x)=(e^x-e^(-x))/(e^x+e^-x)"


@pytest.mark.parametrize("text, meant", [
    ("d/dxtanh(x)", sp.Derivative(sp.tanh(x), x)),
    ("d/dxln(x^2 + 1)", sp.Derivative(sp.log(x**2 + 1), x)),
])
def test_the_operator_glued_to_a_function_name_applies_to_that_function(text, meant):
    assert read(text) == meant


@pytest.mark.parametrize("claim, slope, verdict", [
    ("d/dxtanh(x)=[(e^x+e^-x)(e^x+e^-x)-(e^x-e^-x)(e^x-e^-x)]/(e^x+e^-x)^2\n=1-tanh^2(x)",
     lambda v: 1 - np.tanh(v) ** 2, "proved"),
    ("d/dxtanh(x)=[(e^x+e^-x)(e^x+e^-x)+(e^x-e^-x)(e^x-e^-x)]/(e^x+e^-x)^2\n=1+tanh^2(x)",
     lambda v: 1 + np.tanh(v) ** 2, "wrong"),
])
def test_a_plain_text_quotient_rule_chain_is_judged_as_autograd_says(claim, slope, verdict):
    v = verify(claim, define=[TANH])
    at = np.linspace(-2, 2, 7)
    assert v.verdict == verdict
    assert np.allclose(elementwise_grad(anp.tanh)(at), slope(at)) == (verdict == "proved")
