"""NumPy idioms in pasted functions (read/code_functions.py, read/code_arrays.py, read/code_stability.py): a masked write ``dZ[Z <= 0] = 0``
is cases (the written value where the mask holds, the array elsewhere), copies and ``zeros_like`` are the values
they stand for, ``np.e`` is e, and a derivative switch ``sigmoid(x, derivative=False)`` makes the function's
derivative branch a claim about the derivative of its other branch; a max subtracted for stability reads as 0 where
it leaves the value unchanged (softmax, log-sum-exp) and is refused where it does not. Each test states the expression meant or
checks the verdict against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import elementwise_grad, grad, jacobian

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition
from symgrad.verify import verify

RNG = np.random.default_rng(9)


def defined(code: str) -> sp.Expr:
    """The right side of the definition ``code`` makes, its symbols by name."""
    return parse_definition(code, Context()).rhs


def _symbols(expr: sp.Expr) -> dict[str, sp.Symbol]:
    return {str(s): s for s in expr.free_symbols}


@pytest.mark.parametrize("code", [
    # github.com/tomhyhan/ML numpy/CNN/layers/relu.py
    "def relu_backward(dz_in, z):\n    dz = np.array(dz_in, copy=True)\n    dz[z <= 0] = 0\n    return dz",
    # github.com/rafsunsheikh/neural_network_from_scratch chapter_9_backpropagation/9.6_backward_pass_z_values_2.py
    "def relu_backward(dvalues, z):\n    drelu = dvalues.copy()\n    drelu[z <= 0] = 0\n    return drelu",
    # github.com/sshaave/AI_SP NNFS/Book/c9p210.py: a mask of ones, then the chain rule
    ("def relu_backward(dvalues, z):\n    drelu = np.zeros_like(z)\n    drelu[z > 0] = 1\n    drelu *= dvalues\n"
    "    return drelu"),
])
def test_relu_backward_written_as_a_masked_write_is_the_upstream_gradient_where_z_is_positive(code):
    got = defined(code)
    z, up = _symbols(got)["z"], next(s for s in got.free_symbols if str(s) != "z")
    for at in RNG.normal(size=(6, 2)):
        value = got.subs({z: at[0], up: at[1]})
        assert float(value) == pytest.approx(at[1] if at[0] > 0 else 0.0)


def test_a_later_mask_tests_the_array_as_written_so_far():
    """x[x <= 0] = 0 then x[x > 1] = 1 (github.com/juanjoss, the corpus's relu_prime): 0, then 1 above 1, else x."""
    got = defined("def clip(x):\n    x[x <= 0] = 0\n    x[x > 1] = 1\n    return x")
    x = _symbols(got)["x"]
    for at in (-2.0, -0.3, 0.4, 0.9, 1.5, 3.0):
        assert float(got.subs(x, at)) == pytest.approx(min(max(at, 0.0), 1.0))


def test_relu_prime_written_as_masks_over_x_itself_is_judged_wrong_against_autograd():
    v = verify("def relu_prime(x):\n    x[x <= 0] = 0\n    x[x > 1] = 1\n    return x",
               define=["def relu(x):\n    return np.maximum(0, x)"])
    at = np.array([0.5, 0.25, 2.0])
    assert not np.allclose(elementwise_grad(lambda u: anp.maximum(0, u))(at), np.clip(at, 0, 1))
    assert v.verdict == "wrong" and "x[m] = v read as v where the mask m holds, x elsewhere" in v.message


@pytest.mark.parametrize("claim", [
    # github.com/tarekkhatib16/Building_A_Neural_Network src/Functions/Sigmoid.py
    ("def sigmoid(x, derivative = False) :\n    if derivative :\n        return (np.exp(-x)) / ((np.exp(-x)+1)**2)\n"
    "    else :\n        return 1/(1+np.exp(-x))"),
    # github.com/fawq/NeuralNetworks Functions/SimpleFunctions.py: the derivative calls the function itself
    ("def sigmoid(x, derivative=False):\n    return (1 / (1 + np.exp(-x))) if derivative == False else "
    "sigmoid(x)*(1-sigmoid(x))\n"),
    # github.com/yanextreme9456/Funciones_de_activacion: derivate=, np.e
    ("def sigmoid(x, derivate=False):\n      if derivate:\n          return np.exp(-x)/(np.exp(-x)+1)**2\n"
    "      else:\n          return 1/(1+np.e**(-x))"),
    ("def sigmoid(x, der=False):\n    if not der:\n        return 1 / (1 + np.exp(-x))\n    else:\n"
    "        sig = 1 / (1 + np.exp(-x))\n        return sig * (1 - sig)"),
])
def test_a_derivative_switch_claims_the_derivative_of_the_functions_other_branch(claim):
    v = verify(claim)
    at = RNG.normal(size=5)
    s = 1 / (1 + np.exp(-at))
    assert np.allclose(elementwise_grad(lambda u: 1 / (1 + anp.exp(-u)))(at), s * (1 - s))
    assert v.verdict == "proved" and "=True) read as the derivative by x of what sigmoid returns without it" in v.message


def test_a_derivative_switch_written_in_the_output_is_read_at_the_input_and_judged_wrong():
    """iamtrask's nonlin(x, deriv=True) returns x*(1-x), meant for x the sigmoid's output; read as written, at x."""
    v = verify("def nonlin(x,deriv=False):\n\tif(deriv==True):\n\t    return x*(1-x)\n\treturn 1/(1+np.exp(-x))")
    at = np.array([0.3, 1.2])
    assert not np.allclose(elementwise_grad(lambda u: 1 / (1 + anp.exp(-u)))(at), at * (1 - at))
    assert v.verdict == "wrong" and "at the same x" in v.message


SOFTMAX_JACOBIAN = r"\frac{\partial s_i}{\partial x_j} = s_i (\delta_{ij} - s_j)"


@pytest.mark.parametrize("code", [
    # github.com/orris27/deeplearning-simple-implementation utils.py
    ("def s(x):\n    e_x = np.exp(x - np.max(x)) # Same result as np.exp(x) while avoiding overflow\n"
    "    return e_x / e_x.sum(axis=0)"),
    # github.com/nik31096/lstm_keras assignment3.py: the shift in its own line
    "def s(x):\n    shiftx = x - np.max(x)\n    exps = np.exp(shiftx)\n    return exps / np.sum(exps)",
    # the max as a local, the quotient written out twice
    "def s(x):\n    xmax = x.max()\n    return np.exp(x - xmax) / np.sum(np.exp(x - xmax))",
])
def test_softmax_with_its_max_subtracted_reads_as_softmax_and_its_jacobian_is_p_i_times_delta_minus_p_j(code):
    v = verify(SOFTMAX_JACOBIAN, define=[code], given=[r"x \in \mathbb{R}^n"])
    at = RNG.normal(size=4)
    p = np.exp(at) / np.exp(at).sum()
    assert np.allclose(jacobian(lambda u: anp.exp(u) / anp.sum(anp.exp(u)))(at), np.diag(p) - np.outer(p, p))
    assert v.verdict == "proved" and "a max subtracted for stability (np.max(x), x.max()) read as 0" in v.message


def test_log_sum_exp_with_its_max_added_back_has_the_softmax_as_gradient():
    v = verify(r"\frac{\partial \mathrm{lse}}{\partial x_i} = \frac{e^{x_i}}{\sum_j e^{x_j}}",
               define=["def lse(x):\n    c = x.max()\n    return c + np.log(np.sum(np.exp(x - c)))"],
               given=[r"x \in \mathbb{R}^n"])
    at = RNG.normal(size=4)
    assert np.allclose(elementwise_grad(lambda u: anp.log(anp.sum(anp.exp(u))))(at), np.exp(at) / np.exp(at).sum())
    assert v.verdict == "proved"


@pytest.mark.parametrize("code", [
    "def f(x):\n    return np.exp(x - np.max(x))",  # no quotient: e^{x - max} is not e^x
    "def f(x):\n    c = x.max()\n    return np.log(np.sum(np.exp(x - c)))",  # log-sum-exp without c added back
    "def f(x):\n    return np.sum(x - np.max(x))",  # n times the max taken away
])
def test_a_max_that_changes_the_value_is_refused_by_name(code):
    with pytest.raises(ParseError, match="the largest entry, is not read here"):
        defined(code)


def test_a_statement_closed_by_a_semicolon_as_c_like_code_writes_it_reads_without_it():
    """err=((target[0]-output[0])*(target[0]-output[0]))/2; as rssing.com's C++ backpropagation question writes it."""
    v = verify("dE/dw = -(target[0]-output[0])*output[0]*(1-output[0])*x;",
               define=["E=((target[0]-output[0])*(target[0]-output[0]))/2;", "output[0] = 1/(1+np.exp(-w*x));"])
    t, x, w = 0.7, 1.3, -0.4
    o = 1 / (1 + np.exp(-w * x))
    assert np.isclose(grad(lambda u: (t - 1 / (1 + anp.exp(-u * x))) ** 2 / 2)(w), -(t - o) * o * (1 - o) * x)
    assert v.verdict == "proved"
