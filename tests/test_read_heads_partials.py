"""symgrad.read derivative heads written with the function's own letters (issue 9, item 4): ``f_y`` of ``f(x, y)`` (a
subscript that is a variable of f's signature is a partial derivative), ``Df(x)`` and ``[Df(x)]_k`` (D the derivative
operator), ``\\nabla`` with no variable before an expression in the one function's parameter. References are autograd."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

from symgrad import verify

F = [r"f(x,y)=x^2+2xy^2+\frac{2y}{3x}"]  # https://www.utm.utoronto.ca/rgasc/student-resource-hub/math-resources/partial-derivatives
G = [r"f(x,y) = x^2 + x^2y^3 - 2y^4"]  # https://www.wyzant.com/resources/answers/857200/calculus-3-derivative
QUADRATIC = [r"f(x) = x^\top A x"]  # kiwix.cwells.dev ... math.stackexchange 4727894


def test_the_reference_partials():
    x, y = 0.7, -1.3
    f = lambda x, y: x**2 + 2 * x * y**2 + 2 * y / (3 * x)
    assert np.isclose(grad(f, 1)(x, y), 4 * x * y + 2 / (3 * x), atol=1e-12)
    g = lambda x, y: x**2 + x**2 * y**3 - 2 * y**4
    assert np.isclose(grad(grad(g, 0), 1)(x, y), 6 * x * y**2, atol=1e-12)
    assert np.isclose(grad(grad(g, 0), 0)(x, y), 2 + 2 * y**3, atol=1e-12)
    rng = np.random.default_rng(3)
    A, v = rng.normal(size=(3, 3)), rng.normal(size=3)
    assert np.allclose(grad(lambda v: v @ A @ v)(v), (A + A.T) @ v, atol=1e-12)
    a = rng.normal(size=3)
    assert np.allclose(grad(lambda v: anp.sqrt(anp.sum((v - a) ** 2)))(v), (v - a) / np.linalg.norm(v - a))


@pytest.mark.parametrize("head", ["f_y", "f_{y}", "f_y(x,y)", "f_{y}(x, y)"])
def test_a_subscript_that_is_a_variable_of_the_signature_is_the_partial_derivative_by_it(head):
    v = verify(head + r" = 4xy+\frac2{3x}", define=F)
    assert v.verdict == "proved" and "y is a variable of f(x, y), not an index" in v.message
    assert verify(head + r" = 4xy+\frac2{3x^2}", define=F).verdict == "wrong"


def test_two_subscript_letters_are_the_second_partial_derivative():
    assert verify(r"f_{xy}(x,y) = 6xy^2", define=G).verdict == "proved"
    assert verify(r"f_{xx}(x,y) = 2 + 2y^3", define=G).verdict == "proved"
    assert verify(r"f_{xx}(x,y) = 2 + 2y^2", define=G).verdict == "wrong"


@pytest.mark.parametrize("head", ["Df(x)", "D f(x)", "D_x f(x)"])
def test_d_before_a_defined_function_is_its_derivative(head):
    v = verify(head + r" = (A + A^\top)x", define=QUADRATIC)
    assert v.verdict == "proved" and "D is defined" in v.message
    assert verify(head + " = 2Ax", define=QUADRATIC).verdict == "wrong"  # only for a symmetric A


def test_a_bracketed_d_with_a_subscript_is_one_component_of_the_derivative():
    assert verify(r"[Df(x)]_k = \sum_i[A_{ik} + A_{ki}]x_i", define=QUADRATIC).verdict == "proved"
    assert verify(r"[Df(x)]_k = \sum_i 2A_{ik}x_i", define=QUADRATIC).verdict == "wrong"


NORM = [r"f(\vec{x}) = \|\vec{x} - \vec{a}\|"]  # https://newbetuts.com ... 4269434


def test_a_nabla_without_a_variable_is_the_gradient_by_the_one_functions_parameter():
    right = r"\frac{\vec{x} - \vec{a}}{\| \vec{x} - \vec{a} \|_2}"
    v = verify(r"\nabla\|\vec{x} - \vec{a}\| = " + right, define=NORM)
    assert v.verdict == "proved" and r"\nabla with no variable read as the gradient by x" in v.message
    assert verify(right, of=r"\nabla\|\vec{x} - \vec{a}\|", define=NORM).verdict == "proved"
    assert verify(right.replace("- \\vec{a}}{", "+ \\vec{a}}{"), of=r"\nabla\|\vec{x} - \vec{a}\|",
                  define=NORM).verdict == "wrong"


SOFTMAX = [r"S_i = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}"]  # https://eli.thegreenplace.net/2016/the-softmax-function-and-its-derivative/


def test_the_reference_softmax_jacobian():
    a = np.array([0.2, -1.0, 0.7])
    s = np.exp(a) / np.exp(a).sum()
    J = np.stack([grad(lambda a, i=i: anp.exp(a[i]) / anp.sum(anp.exp(a)))(a) for i in range(3)])
    assert np.allclose(J, np.diag(s) - np.outer(s, s), atol=1e-12)


@pytest.mark.parametrize("head", ["D_j S_i", "D_jS_i", "D_{j} S_i"])
def test_an_indexed_d_before_a_defined_name_is_the_derivative_by_that_element_of_its_input(head):
    v = verify(head + r" = S_i(\delta_{ij} - S_j)", define=SOFTMAX)
    assert v.verdict == "proved" and "read as the derivative by a_j" in v.message
    assert verify(head + r" = S_i(1 - S_j)", define=SOFTMAX).verdict == "wrong"


def test_an_indexed_d_applied_to_parentheses_in_plain_text():
    # https://geekanswers (softmax, plain text): d_i(p_j) with p_j = exp(o_j) / Sum_k(exp(o_k))
    define = [r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}"]
    assert verify(r"d_i(p_j) = p_j(\delta_{ij} - p_i)", define=define).verdict == "proved"
    assert verify(r"d_i(p_j) = p_j(\delta_{ij} - p_j)", define=define).verdict == "wrong"
