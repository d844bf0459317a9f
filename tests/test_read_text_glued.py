"""Plain text as pages paste it: the operator glued to a function's name (``d/dxtanh(x)``), an unbraced signed
exponent (``e^-x``), ``tanh^2(x)``, square brackets as brackets, a chain continued on a new line. Verdicts are checked
against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import elementwise_grad, grad
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


LSQ = [r"A \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^{n}", r"b \in \mathbb{R}^{m}"]


@pytest.mark.parametrize("claim, correct", [("dz/dx = 2ATAx - 2ATb", True), ("dz/dx = 2ATAx - ATb", False)])
def test_a_t_glued_after_a_name_is_the_transpose_its_caret_lost(claim, correct):
    v = verify(claim, define=["z = (Ax - b)T (Ax - b)"], given=LSQ)
    A, x0, b = np.random.default_rng(2).normal(size=(3, 2)), np.array([0.3, -1.2]), np.array([1.0, 0.5, -0.4])
    truth = grad(lambda u: anp.sum((anp.dot(A, u) - b) ** 2))(x0)
    claimed = 2 * A.T @ A @ x0 - (2 if correct else 1) * A.T @ b
    assert (v.verdict in ("proved", "agrees")) == correct == np.allclose(truth, claimed)
    assert "read as the transpose, its ^ lost in copying" in v.message


@pytest.mark.parametrize("text", ["The", "x_T", "Tr(X)", "softmaxT", "2T", "T2 + x", "(x - y)T / T"])
def test_a_t_that_starts_a_word_or_stands_alone_is_left_alone(text):
    from symgrad.read.code_pasted import flattened_transposes
    assert flattened_transposes(text) == []


@pytest.mark.parametrize("claim, verdict", [("y’ = σ(x) + x.σ(x).(1 – σ(x))", "proved"),
                                            ("y’ = σ(x) + x.σ(x)", "wrong")])
def test_a_period_glued_between_factors_is_a_product_not_a_method_call(claim, verdict):
    # x.σ(x) parsed as Python (σ is an identifier) was refused as the method σ of x
    v = verify(claim, define=["y = x.σ(x)", "σ(x) = 1/(1+e^{-x})"])
    at = np.linspace(-2, 2, 5)
    sig = 1 / (1 + np.exp(-at))
    truth = elementwise_grad(lambda u: u / (1 + anp.exp(-u)))(at)
    claimed = sig + at * sig * (1 - sig) if verdict == "proved" else sig + at * sig
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")


SOCRATIC = ("#d/dxln(e^x/(1+e^x)) = 1 - e^x/(1+e^x) = (1 + color(red)(cancel(color(black)(e^x))) - "
            "color(red)(cancel(color(black)(e^x))))/(1+e^x) = color(green)({last}#")


@pytest.mark.parametrize("last, verdict", [("1/(1+e^x)", "proved"), ("e^x/(1+e^x)", "wrong")])
def test_asciimath_with_its_colours_and_cancels_is_read_as_its_mathematics(last, verdict):
    v = verify(SOCRATIC.format(last=last), of="#ln((e^x)/(1+e^x))#")
    at = np.linspace(-2, 2, 5)
    truth = elementwise_grad(lambda u: anp.log(anp.exp(u) / (1 + anp.exp(u))))(at)
    claimed = 1 / (1 + np.exp(at)) if verdict == "proved" else np.exp(at) / (1 + np.exp(at))
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")
    assert "AsciiMath read as its mathematics" in v.message


@pytest.mark.parametrize("text", [r"\newcommand{\f}[2]{#1 + #2}", "x#1 + y#2", r"\cancel(x) + 1"])
def test_hashes_and_cancels_that_are_not_asciimath_are_left(text):
    from symgrad.read.code_pasted import repaired
    assert repaired(text) == text
