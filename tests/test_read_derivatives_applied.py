"""A derivative by the value of a function nothing defines (``\\frac{\\partial L}{\\partial f(x_i)}``, as gradient
boosting's pseudo-residuals are written) is by f(x_i) as one variable, in the definitions and the claim (noted); a
definition applying f to something else is refused. References are autograd's derivatives by that value."""

from __future__ import annotations

import autograd
import numpy as np
import pytest

import symgrad


def _right(v: symgrad.Verdict) -> bool:
    return v.verdict in ("proved", "agrees")


@pytest.mark.parametrize(("claim", "right"), [(r"-\textrm{sign}(y_i - f(x_i))", True),
                                              (r"\textrm{sign}[y_i - f(x_i)]", False)])
def test_absolute_loss_derivative_by_the_prediction_value(claim, right):
    """https://datascience.stackexchange.com/questions/61743 (ESL's table: -\\partial L/\\partial f(x_i) for
    |y_i - f(x_i)| is sign[y_i - f(x_i)], so the derivative itself is its negative)."""
    assert np.isclose(autograd.grad(lambda fx: abs(1.0 - fx))(0.25), -np.sign(1.0 - 0.25))
    v = symgrad.verify(claim, of=r"\frac{\partial L}{\partial f(x_i)}", define=[r"L = |y_i - f(x_i)|"])
    assert _right(v) if right else v.verdict == "wrong"
    assert "f(x_i) read as one variable" in v.message


@pytest.mark.parametrize(("claim", "right"), [
    (r"\frac{\partial L(y, f(x))}{\partial f(x)} = f(x) - y", True),
    (r"\frac{\partial L(y, f(x))}{\partial f(x)} = y - f(x)", False),
])
def test_squared_loss_gradient_by_f_of_x_is_the_residual(claim, right):
    """https://en.wikipedia.org/wiki/Gradient_boosting: for L(y, F(x)) = (y - F(x))^2 / 2 the negative gradient
    -\\partial L / \\partial F(x_i) is the residual y_i - F(x_i)."""
    assert np.isclose(autograd.grad(lambda fx: (2.0 - fx) ** 2 / 2)(0.5), 0.5 - 2.0)
    v = symgrad.verify(claim, define=[r"L(y, f(x)) = \frac{1}{2}(y - f(x))^2"])
    assert _right(v) if right else v.verdict == "wrong"


def test_function_applied_elsewhere_is_refused():
    """L = (y - f(x))^2 + f(y)^2: f(x) cannot be one variable while f(y) also depends on f."""
    v = symgrad.verify(r"2(f(x) - y)", of=r"\frac{\partial L}{\partial f(x)}", define=[r"L = (y - f(x))^2 + f(y)^2"])
    assert v.verdict == "unreadable"
    assert "applies f otherwise" in v.message
