"""Spellings of the grammar's own tokens (read/damage_spellings.py): a prime as a superscript, ``f^{'}(x)`` (as
heatonresearch.com/aifh/vol3/deriv_sigmoid.html writes s'(x), others f^{\\prime}), ``f^\\prime(x)``, ``f^{''}``, is the
prime; ``=:`` and ``\\eqqcolon`` are ``=``, as ``:=`` is. Verdicts against autograd's derivative."""

from __future__ import annotations

import autograd.numpy as anp
import pytest
import sympy as sp
from autograd import grad

from symgrad.parse import Context, parse_expression
from symgrad.verify import verify


def _sigmoid(x):
    return 1 / (1 + anp.exp(-x))


@pytest.mark.parametrize("head", ["f^{'}(x)", r"f^{\prime}(x)", r"f^\prime(x)", "f^'(x)", "f'(x)"])
def test_a_prime_written_as_a_superscript_is_the_derivative(head):
    x0 = 0.3
    assert abs(grad(_sigmoid)(x0) - _sigmoid(x0) * (1 - _sigmoid(x0))) < 1e-12  # the right claim (autograd)
    define = [r"f(x) = \frac{1}{1 + e^{-x}}"]
    assert verify(rf"{head} = f(x)(1 - f(x))", define=define).verdict == "proved"
    assert verify(rf"{head} = f(x)(1 + f(x))", define=define).verdict == "wrong"


@pytest.mark.parametrize("head", ["f^{''}(x)", r"f^{\prime\prime}(x)"])
def test_two_primes_in_a_superscript_are_the_second_derivative(head):
    x0 = 0.3
    second = grad(grad(_sigmoid))(x0)
    s = _sigmoid(x0)
    assert abs(second - s * (1 - s) * (1 - 2 * s)) < 1e-12  # autograd
    define = [r"f(x) = \frac{1}{1 + e^{-x}}"]
    assert verify(rf"{head} = f(x)(1 - f(x))(1 - 2f(x))", define=define).verdict == "proved"
    assert verify(rf"{head} = f(x)(1 - f(x))", define=define).verdict == "wrong"


@pytest.mark.parametrize("define", [r"L =: \frac{1}{2}(y - wx)^2", r"L \eqqcolon \frac{1}{2}(y - wx)^2",
                                    r"L := \frac{1}{2}(y - wx)^2"])
def test_equals_colon_is_an_equals_as_colon_equals_is(define):
    w0, x0, y0 = 0.4, 1.3, 2.0
    dw = grad(lambda w: 0.5 * (y0 - w * x0) ** 2)(w0)
    assert abs(dw - (-(y0 - w0 * x0) * x0)) < 1e-12  # autograd
    assert verify(r"-(y - wx)x", of=r"\frac{\partial L}{\partial w}", define=[define]).verdict == "proved"
    assert verify(r"(y - wx)x", of=r"\frac{\partial L}{\partial w}", define=[define]).verdict == "wrong"


def test_a_superscript_that_is_no_prime_stays_a_power():
    x = sp.Symbol("x")
    assert parse_expression("x^{2}", Context()) == x**2
