"""A Python function pasted as a definition or a claim (read/code_functions.py): its locals substituted into what it
returns, if/else and np.where as cases, defaults as constants of any value, a name like ``relu_prime`` as the
derivative of ``relu``. Each test states the expression meant, or checks the verdict against autograd."""

from __future__ import annotations

import re

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import elementwise_grad, jacobian

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition
from symgrad.read.code import code_notes, code_pieces
from symgrad.verify import verify

x = sp.Symbol("x")
RNG = np.random.default_rng(5)
LEAKY = r"leaky(x) = \begin{cases} x & x \ge 0 \\ \frac{x}{20} & \text{otherwise} \end{cases}"


def defined(code: str) -> sp.Expr:
    """The right side of the definition ``code`` makes, its symbols by name."""
    return parse_definition(code, Context()).rhs


def _named(expr: sp.Expr) -> dict[str, sp.Symbol]:
    return {str(s): s for s in expr.free_symbols}


def test_a_def_reads_as_what_it_returns_with_its_locals_substituted():
    got = defined("def f(x):\n    y = x ** 2\n    y += np.exp(x)  # shifted\n    return y / 2")
    assert sp.simplify(got - (x**2 + sp.exp(x)) / 2) == 0


def test_if_elif_else_in_a_def_are_cases_in_order():
    got = defined("def f(x):\n    if x > 1:\n        return x / 2\n    elif x > 0:\n        return x\n    return -x")
    assert got == sp.Piecewise((x / 2, x > 1), (x, x > 0), (-x, True))


def test_a_def_whose_body_lost_its_indentation_and_its_defaults_are_constants():
    got = defined("def selu(x, alpha = 1, scale = 1): # SELU and ELU\n"
                  "return np.where(x <= 0, scale * alpha * (np.exp(x) - 1), scale *\nx)")
    alpha, scale = _named(got)["alpha"], _named(got)["scale"]
    assert got == sp.Piecewise((scale * alpha * (sp.exp(x) - 1), x <= 0), (scale * x, True))
    notes = code_notes("def selu(x, alpha = 1, scale = 1):\n    return np.where(x <= 0, alpha * x, scale * x)")
    assert "code: the parameters alpha, scale with defaults read as constants of any value" in notes


@pytest.mark.parametrize("claim, slope, verdict", [
    ("def leaky_prime(x): return np.where(x >= 0, 1, 1/20)", lambda v: np.where(v >= 0, 1, 1 / 20), "proved"),
    ("def leaky_prime(x): return 1 if x >= 0 else 1/20", lambda v: np.where(v >= 0, 1, 1 / 20), "proved"),
    ("def leaky_prime(x): return 1 if x >= 0 else x/20", lambda v: np.where(v >= 0, 1, v / 20), "wrong"),
])
def test_a_def_named_for_a_derivative_is_judged_as_that_derivative(claim, slope, verdict):
    v = verify(claim, define=[LEAKY])
    at = RNG.normal(size=8)
    truth = elementwise_grad(lambda u: anp.where(u >= 0, u, u / 20))(at)
    assert v.verdict == verdict and np.allclose(truth, slope(at)) == (verdict == "proved")
    assert "code: the function leaky_prime(x) read as the derivative of leaky by x (its name says so)" in v.message


@pytest.mark.parametrize("code, named", [
    ("def f_prime(x, w):\n    return w", "a function of 2 arguments"),
    ("def f(x):\n    for k in range(3):\n        x = x * 2\n    return x", "for k in range(3):"),
    ("def f(x):\n    if x > 0:\n        return x", "returns nothing"),
    ("def shifted(z):\n    z -= np.max(z)\n    return np.exp(z)", "np.max(z), the largest entry"),  # it changes the value
])
def test_a_def_symgrad_cannot_read_is_refused_by_name(code, named):
    with pytest.raises(ParseError, match=re.escape(named)):
        defined(code)


RELU_CS = "private double ReLU(double x)\n{\nif (x >= 0)\nreturn x;\nelse\nreturn x / 20;\n}"


@pytest.mark.parametrize("claim, slope, verdict", [
    ("private double ReLU_prime(double x)\n{\nif (x >= 0)\nreturn 1;\nelse\nreturn 1.0 / 20;\n}",
     lambda v: np.where(v >= 0, 1, 1 / 20), "proved"),
    ("static float ReLU_prime(float x) { return x >= 0 ? 1.0f : x / 20; }", lambda v: np.where(v >= 0, 1, v / 20),
     "wrong"),
])
def test_a_c_sharp_function_reads_as_the_python_one(claim, slope, verdict):
    v = verify(claim, define=[r"ReLU(x) = \begin{cases} x & x \ge 0 \\ \frac{x}{20} & \text{otherwise} \end{cases}"])
    at = RNG.normal(size=8)
    truth = elementwise_grad(lambda u: anp.where(u >= 0, u, u / 20))(at)
    assert v.verdict == verdict and np.allclose(truth, slope(at)) == (verdict == "proved")


def test_a_c_function_with_locals_casts_and_library_calls_reads_as_its_value():
    got = defined("double f(double x) { double y = (double) x * 2; // twice\n y += Math.exp(x); return y / 2; }")
    assert sp.simplify(got - (2 * x + sp.exp(x)) / 2) == 0
    assert defined(RELU_CS) == sp.Piecewise((x, x >= 0), (x / 20, True))


LOOP = ("for i in range(n):\n    for j in range(n):\n        if i == j:\n            J[i][j] = s[i] * (1-s[i])\n"
        "        else:\n            J[i][j] = {off}")


@pytest.mark.parametrize("off, verdict", [("-s[i]*s[j]", "proved"), ("s[i]*s[j]", "wrong")])
def test_a_jacobian_loop_reads_as_its_entry_in_cases(off, verdict):
    block = LOOP.format(off=off)
    latex = " ".join(piece for piece, _ in code_pieces(block))  # the LaTeX the block reads as
    v = verify(latex, of=r"\frac{\partial s_i}{\partial z_j}", define=["s = softmax(z)"], given=[r"z \in \mathbb{R}^{n}"])
    z = RNG.normal(size=4)
    s = np.exp(z) / np.exp(z).sum()
    truth = jacobian(lambda u: anp.exp(u) / anp.sum(anp.exp(u)))(z)
    claimed = np.diag(s) - (1 if verdict == "proved" else -1) * np.outer(s, s) + (
        0 if verdict == "proved" else -2 * np.diag(s * s))
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")
    assert "code: the block read as the value it gives J[i][j], its loops over i, j as that entry's indices" in \
        code_notes(block)
