"""A head applying a function the page never defines, standing for its one definition with those arguments (issue 9):
``f''(x)`` with only ``\\tanh(x) = ...`` defined, ``\\nabla_W \\varphi(X, W, Z)`` with ``y = \\|XWZ - X\\|_F^2``, a dot as
the derivative (``\\dot{FL}(p)``), two primes on a defined function; refused where several definitions could be meant.
References from autograd."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import elementwise_grad, grad

import symgrad

SHAPES = r"X \in \mathbb{R}^{a \times b}, \quad W \in \mathbb{R}^{b \times c}, \quad Z \in \mathbb{R}^{c \times b}"
TANH = r"\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}"


def test_the_second_derivative_of_tanh_is_minus_two_tanh_times_one_minus_tanh_squared():
    x = np.linspace(-2, 2, 7)
    got = elementwise_grad(elementwise_grad(anp.tanh))(x)
    np.testing.assert_allclose(got, -2 * np.tanh(x) * (1 - np.tanh(x) ** 2), rtol=1e-10)


@pytest.mark.parametrize(("claim", "verdicts"), [
    (r"f''(x) = -2\tanh(x)\left(1 - \tanh^{2}(x)\right)", ("proved", "agrees")),
    (r"f''(x) = -\tanh(x)\left(1 - \tanh^{2}(x)\right)", ("wrong",)),
])
def test_f_double_prime_with_only_tanh_defined_is_the_second_derivative_of_tanh(claim, verdicts):
    got = symgrad.verify(claim, define=[TANH])
    assert got.verdict in verdicts, got.message
    assert "f (not defined) read as" in got.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\nabla_W \varphi(X, W, Z) = 2X^TXWZZ^T - 2X^TXZ^T", ("proved", "agrees")),
    (r"\nabla_W \varphi(X, W, Z) = 2X^TXWZZ^T - X^TXZ^T", ("wrong",)),
])
def test_a_function_of_x_w_z_stands_for_the_one_definition_of_x_w_z(claim, verdict):
    rng = np.random.default_rng(2)
    X, W, Z = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=(2, 3))
    ref = grad(lambda w: anp.sum((anp.dot(anp.dot(X, w), Z) - X) ** 2))(W)
    np.testing.assert_allclose(ref, 2 * X.T @ X @ W @ Z @ Z.T - 2 * X.T @ X @ Z.T, rtol=1e-10)
    got = symgrad.verify(claim, define=[r"y = \left \| XWZ - X \right \|_{F}^{2}"],
                         given=[SHAPES])
    assert got.verdict in verdict, got.message
    assert "varphi (not defined) read as y" in got.message


def test_the_references_for_a_sigmoid_and_focal_loss_are_autograds():
    s = lambda x: 1 / (1 + anp.exp(-x))
    x = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(elementwise_grad(elementwise_grad(s))(x), s(x) * (1 - s(x)) * (1 - 2 * s(x)), rtol=1e-10)
    g, p = 2.0, 0.3
    ref = grad(lambda p: -(1 - p) ** g * anp.log(p))(p)
    assert ref == pytest.approx(g * (1 - p) ** (g - 1) * np.log(p) - (1 - p) ** g / p, rel=1e-12)


SIGMOID, FOCAL = r"s(x) = \frac{1}{1+e^{-x}}", r"FL(p) = -(1-p)^\gamma \log(p)"


@pytest.mark.parametrize(("define", "claim", "verdict"), [
    (SIGMOID, r"s''(x) = s(x)(1-s(x))(1-2s(x))", "proved"),  # two primes: the second derivative
    (SIGMOID, r"s''(x) = s(x)(1-s(x))", "wrong"),
    (FOCAL, r"\dot{FL}(p) = \gamma(1-p)^{\gamma -1} \log(p) -\frac{(1-p)^\gamma}{p}", "proved"),  # a dot: the derivative
    (FOCAL, r"\dot{FL}(p) = \gamma(1-p)^{\gamma -1} \log(p) +\frac{(1-p)^\gamma}{p}", "wrong"),
])
def test_two_primes_or_a_dot_on_a_defined_function_are_its_derivatives(define, claim, verdict):
    assert symgrad.verify(claim, define=[define]).verdict == verdict


def test_an_undefined_function_that_could_stand_for_two_definitions_is_refused_naming_both():
    got = symgrad.verify("g'(x) = 2x", define=["y = x^2", "z = x^3"])
    assert got.verdict == "unreadable" and "y, z" in got.message


@pytest.mark.parametrize(("of", "claim", "verdict"), [
    (r"l^{\prime}(f(g(h(w))))", r"\frac{-yxe^{-y(wx)}}{1+e^{-y(wx)}}", "proved"),
    (r"l^{\prime}(f(g(h(w))))", r"\frac{-yxe^{-y(wx)}}{1-e^{-y(wx)}}", "wrong"),
    (None, r"l'(f(g(h(w)))) = \frac{-yxe^{-y(wx)}}{1+e^{-y(wx)}}", "proved"),
])
def test_the_prime_of_a_composed_head_is_the_derivative_by_its_one_variable(of, claim, verdict):
    w, x, y = 0.4, 1.3, -0.8
    ref = grad(lambda w: anp.log(1 + anp.exp(-y * w * x)))(w)
    assert ref == pytest.approx(-y * x * np.exp(-y * w * x) / (1 + np.exp(-y * w * x)), rel=1e-12)
    got = symgrad.verify(claim, of=of, define=[r"l(f(g(h(w)))) = \ln(1 + e^{-y(wx)})"])
    assert got.verdict == verdict, got.message
    assert "the one variable its head names" in got.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"\nabla_x = 2A^T(Ax-b)", "proved"), (r"\nabla_x = A^T(Ax-b)", "wrong")])
def test_a_nabla_with_nothing_after_it_is_the_gradient_of_the_one_output(claim, verdict):
    rng = np.random.default_rng(5)
    A, b, x = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=3)
    np.testing.assert_allclose(grad(lambda x: anp.sum((anp.dot(A, x) - b) ** 2))(x), 2 * A.T @ (A @ x - b), rtol=1e-12)
    got = symgrad.verify(claim, define=[r"\|Ax-b\|^2 = (Ax-b)^T(Ax-b)"],
                         given=[r"A \in \mathbb{R}^{m \times n}", r"b \in \mathbb{R}^{m}"])
    assert got.verdict == verdict, got.message
    assert "with nothing after it read as the gradient" in got.message


@pytest.mark.parametrize("define", [[r"f(x) = x^2"], [r"f(x) = x^2", "F = 2"]])
def test_a_function_symgrad_knows_by_name_never_stands_in_for_the_pages_one_definition(define):
    # d/dx sigma(x) is the sigmoid's derivative whatever else the page defines: read as f, it was called wrong
    from symgrad.verify import verify

    assert verify(r"\frac{d}{dx}\sigma(x) = \sigma(x)(1-\sigma(x))", define=define).verdict == "proved"
    assert verify(r"\frac{d}{dx}\tanh(x) = 1 - \tanh^2(x)", define=define).verdict == "proved"
