"""A code name that says it is a function's derivative: camel case with the derivative inside
(``transferFunctionDerivativeTanh`` differentiates ``transferFunctionTanh``), and a claim whose first member calls
such a name at its variable (``applyDerivative(x) = ...``, the page defining ``apply``): the derivative of that
function by that variable."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.code_functions import derivative_named
from symgrad.read.code_heads import claim_named_in_code
from symgrad.verify import verify


def test_a_camel_case_name_with_the_derivative_inside() -> None:
    assert derivative_named("transferFunctionDerivativeTanh") == "transferFunctionTanh"
    assert derivative_named("applyDerivative") == "apply"
    assert derivative_named("transferFunctionderivativetanh") is None


def test_the_claims_first_member_reads_as_the_prime_within_its_width() -> None:
    text = "d_tanh(x) = 1 - tanh(x)^2"
    read = claim_named_in_code(text, Context())
    assert read is not None and read.split() == ["tanh'(x)", "=", "1", "-", "tanh(x)^2"] and len(read) == len(text)
    assert claim_named_in_code("d_tanh(x) == 1", Context()) is None
    assert claim_named_in_code("d_foo(x) = 1", Context()) is None  # foo: no function the page or the reader knows


_C_DEFINE = "float transferFunctionTanh(float x) { return tanh(x); }"


@pytest.mark.parametrize(("body", "verdict"), [("1.0f - tanh(x) * tanh(x)", "proved"), ("1.0f - tanh(x)", "wrong")])
def test_a_c_function_named_for_the_derivative(body: str, verdict: str) -> None:
    claim = f"float transferFunctionDerivativeTanh(float x) {{ return {body}; }}"
    assert verify(claim, define=[_C_DEFINE]).verdict == verdict


@pytest.mark.parametrize(("value", "verdict"), [("apply(x)(1-apply(x))", "proved"), ("(x)(1-x)", "wrong")])
def test_a_claim_headed_by_the_derivatives_code_name(value: str, verdict: str) -> None:
    v = verify(f"applyDerivative(x) = {value}", define=["apply(x) = 1.0 / (1 + Math.exp(-x))"])
    assert v.verdict == verdict, str(v)
