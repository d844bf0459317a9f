"""C# as activation classes on GitHub write it: expression-bodied members (j1sk1ss/FotNET.PETPRJ's Sigmoid.cs:
``protected override double Activate(double value) => 1 / (1 + Math.Exp(-value));``), and a method named only for a
derivative (``Derivation``, ``FunctionDx`` in Lein3/NeuralNetwork's Sigmoid.cs, ``Derivative``) read as the derivative
of the one function its body calls, noted; refused where it calls none. Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from symgrad.verify import verify

ACTIVATE = "protected override double Activate(double value) =>  1 / (1 + Math.Exp(-value));"
FUNCTION = "public double Function(double x)\n{\n    double result = 1 / (1 + Math.Exp(-x));\n    return result;\n}"


def _sigmoid_slope(at: float) -> float:
    return grad(lambda t: 1 / (1 + anp.exp(-t)))(at)


@pytest.mark.parametrize("claim, define, verdict", [
    ("protected override double Derivation(double value) => Activate(value) * (1 - Activate(value));", ACTIVATE,
     "proved"),
    # FotNET's own member multiplies by value once more: wrong
    ("protected override double Derivation(double value) => value * (Activate(value) * (1 - Activate(value)));",
     ACTIVATE, "wrong"),
    ("public double FunctionDx(double x)\n{\n    double result = Function(x) * (1 - Function(x));\n    return result;\n}",
     FUNCTION, "proved"),
    ("public static double SigmoidDerivative(double x) => Sigmoid(x) * (1 + Sigmoid(x));",
     "public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));", "wrong"),
])
def test_a_csharp_derivative_member_is_judged_as_autograd_says(claim, define, verdict):
    v = verify(claim, define=[define])
    s = 1 / (1 + np.exp(-0.9))
    assert v.verdict == verdict
    assert np.isclose(_sigmoid_slope(0.9), s * (1 - s)) and not np.isclose(_sigmoid_slope(0.9), 0.9 * s * (1 - s))
    assert "read as the derivative of" in v.message


def test_a_derivative_method_that_calls_no_function_is_refused_naming_a_spelling():
    claim = "public override double Derivative(double x)\n{\n    var exp = Math.Exp(-x);\n    return exp / (exp + 1);\n}"
    v = verify(claim, define=["public override double Value(double x)  => 1 / (1 + Math.Exp(-x));"])
    assert v.verdict == "unreadable" and "not of which function" in v.message and "SigmoidDerivative" in v.message
