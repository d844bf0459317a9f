"""Java's and JavaScript's ``Math.exp`` in a definition quoted from code (``apply(x) = 1.0 / (1 + Math.exp(-x))``, Apache
Horn's Sigmoid class as a pull request quotes it, https://github.com/apache/horn/pull/8): the module's exp, as
``math.exp`` and ``np.exp`` are."""

from __future__ import annotations

import sympy as sp

from symgrad import verify
from symgrad.read import Context, parse_definition


def test_math_exp_is_the_exponential():
    x = sp.Symbol("x")
    assert parse_definition(r"apply(x) = 1.0 / (1 + Math.exp(-x))", Context()).rhs == 1 / (1 + sp.exp(-x))


def test_the_derivative_of_a_sigmoid_written_with_math_exp_is_judged():
    define = [r"apply(x) = 1.0 / (1 + Math.exp(-x))"]
    assert verify(r"\frac{d\,apply}{dx} = apply (1 - apply)", define=define).verdict == "proved"
    assert verify(r"\frac{d\,apply}{dx} = x (1 - x)", define=define).verdict == "wrong"
