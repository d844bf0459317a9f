"""A claim that names no derivative beside one definition written without a name, of one variable (--define
'tanh(x)', a page's function and then its derivative's code), is the derivative of that function by its variable,
noted; with two variables nothing decides it and it stays refused. By hand: tanh'(x) = 1/cosh(x)^2."""

from __future__ import annotations

import pytest

import symgrad


@pytest.mark.parametrize(("claim", "verdict"), [("return 1/Math.pow(Math.cosh(x), 2)", "proved"),
                                                ("return 2/Math.pow(Math.cosh(x), 2)", "wrong")])
def test_the_one_function_is_differentiated(claim, verdict):
    v = symgrad.verify(claim, define=["tanh(x)"])
    assert v.verdict == verdict and "the one function defined" in v.message, str(v)


def test_two_variables_stay_refused():
    v = symgrad.verify(r"\frac{1}{\cosh(x)^2}", define=[r"\tanh(a x)"])
    assert v.verdict == "unreadable" and "names no derivative" in v.message, str(v)
