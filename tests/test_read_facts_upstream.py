"""Upstream gradients as facts (issue 12 item 2): ``\\frac{\\partial L}{\\partial y_i} = g_i`` with L not defined makes
every derivative of L the vector-Jacobian product with g, as a layer's backward pass is taught."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

import symgrad
from symgrad import parse
from symgrad.errors import ParseError

TANH_LAYER = r"y_i = \tanh(\sum_{j=1}^{m} W_{ij} x_j)"
SHAPES = r"W \in \mathbb{R}^{n \times m}"


@pytest.mark.parametrize("fact", [
    r"\frac{\partial L}{\partial y_i} = g_i",
    r"\frac{\partial L}{\partial \mathbf{y}} = \mathbf{g}",
    r"\partial L/\partial y = g",
    r"g_i = \frac{\partial L}{\partial y_i}",
    r"\frac{dL}{dy_i} = g_i",
])
def test_a_tanh_layer_backward_with_the_upstream_gradient_is_the_vjp_of_autograd(fact):
    """dL/dx and dL/dW of the compiled derivation equal autograd's vector-Jacobian products with g (1e-12)."""
    c = symgrad.derive(loss=TANH_LAYER, given=[SHAPES, fact], wrt=["x", "W"]).compile()
    rng = np.random.default_rng(0)
    W, x, g = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=3)

    def vjp(W, x):
        return anp.dot(g, anp.tanh(anp.dot(W, x)))

    got = c.grad(W=W, x=x, g=g)
    np.testing.assert_allclose(got["x"], grad(vjp, 1)(W, x), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["W"], grad(vjp, 0)(W, x), rtol=1e-12, atol=1e-12)


def test_the_batchnorm_shift_gradient_is_the_column_sum_of_the_upstream_gradient():
    verdict = symgrad.verify(r"\frac{\partial L}{\partial \beta_j} = \sum_{i=1}^{N} g_{ij}",
                             define=[r"y_{ij} = \gamma_j x_{ij} + \beta_j"],
                             given=[r"x \in \mathbb{R}^{N \times D}", r"\frac{\partial L}{\partial y_{ij}} = g_{ij}"])
    assert verdict.verdict == "proved", verdict.message
    assert "vector-Jacobian product" in verdict.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial \gamma_j} = \sum_{k=1}^N g_{kj} x_{kj}", "proved"),
    (r"\frac{\partial L}{\partial \gamma_j} = g_{ij} x_{ij}", "wrong"),  # the sum over the batch forgotten
])
def test_the_batchnorm_scale_gradient_sums_the_upstream_gradient_over_the_batch(claim, verdict):
    got = symgrad.verify(claim, define=[r"y_{ij} = \gamma_j x_{ij} + \beta_j"],
                         given=[r"x \in \mathbb{R}^{N \times D}", r"\frac{\partial L}{\partial y_{ij}} = g_{ij}"])
    assert got.verdict == verdict, got.message


def test_the_derivative_of_L_by_its_output_is_the_upstream_gradient_itself():
    verdict = symgrad.verify(r"\frac{\partial L}{\partial w_i} = \frac{\partial L}{\partial y_i} x_i = dout_i x_i",
                             define=[r"y_i = w_i x_i"], given=[r"\partial L/\partial y_i = dout_i"])
    assert verdict.verdict == "proved", verdict.message


@pytest.mark.parametrize("sentence", [
    r"Given upstream gradient $\frac{\partial \mathcal{L}}{\partial y_{i}}$ (denoted as $dy_{i}$ or `dout`)",
    r"we are given \(\frac{dL}{dy_i}\) (denoted as \(dy_i\))",
    r"\(dy,\; dx\)Upstream gradient \(\partial L/\partial y\) and downstream gradient \(\partial L/\partial x\)",
])
def test_an_upstream_gradient_stated_in_words_names_the_gradient(sentence):
    ctx = parse.Context()
    parse.parse_given(sentence, ctx)
    assert [(f.loss, f.output, f.gradient) for f in ctx.upstream] == [("L", "y", "dy")]


def test_a_wrong_claim_with_an_upstream_gradient_is_wrong_by_a_factor():
    verdict = symgrad.verify(r"\frac{\partial L}{\partial w_i} = 2 g_i x_i", define=[r"y_i = w_i x_i"],
                             given=[r"\frac{\partial L}{\partial y_i} = g_i"])
    assert verdict.verdict == "wrong" and "factor" in verdict.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial w_i} = g_i x_i", "proved"),
    (r"\frac{\partial L}{\partial w_i} = g_i", "wrong"),
])
def test_a_gradient_given_for_a_defined_loss_names_its_derivative(claim, verdict):
    """With L defined, g_i = dL/dy_i = 2 y_i: a name for the derivative, substituted where the claim uses it."""
    got = symgrad.verify(claim, define=[r"y_i = w_i x_i", r"L = \sum_i y_i^2"],
                         given=[r"\frac{\partial L}{\partial y_i} = g_i"])
    assert got.verdict == verdict, got.message
    assert "g names the derivative of L by y" in got.message


def test_an_upstream_gradient_written_as_an_expression_is_refused_with_its_column():
    with pytest.raises(ParseError, match="a name of its own") as e:
        parse.parse_given(r"\frac{\partial L}{\partial y_i} = 2 (y_i - t_i)", parse.Context())
    assert e.value.column == 35


def test_an_upstream_gradient_with_other_indices_than_its_output_is_refused():
    with pytest.raises(ParseError, match="write them the same"):
        parse.parse_given(r"\frac{\partial L}{\partial y_i} = g_j", parse.Context())


BATCHNORM = [r"\mu = \frac{1}{N}\sum_{i=1}^N x_i", r"v = \frac{1}{N}\sum_{i=1}^N (x_i - \mu)^2",
             r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{v + \epsilon}}", r"y_i = \gamma \hat{x}_i + \beta"]
BATCHNORM_FACTS = [r"x \in \mathbb{R}^N", r"\frac{\partial L}{\partial y_i} = g_i", r"\epsilon > 0"]


def test_the_compact_batchnorm_backward_with_the_upstream_gradient_is_proved():
    """Issue 12: dL/dx_i = gamma / sqrt(v + eps) (g_i - mean_j g_j - xhat_i mean_j g_j xhat_j), proved symbolically."""
    verdict = symgrad.verify(r"\frac{\partial L}{\partial x_i} = \frac{\gamma}{\sqrt{v + \epsilon}} \left(g_i - "
                             r"\frac{1}{N}\sum_j g_j - \frac{\hat{x}_i}{N} \sum_j g_j \hat{x}_j\right)",
                             define=BATCHNORM, given=BATCHNORM_FACTS)
    assert verdict.verdict == "proved", verdict.message


def test_forgetting_that_mean_and_variance_depend_on_x_is_diagnosed_with_a_counterexample():
    verdict = symgrad.verify(r"\frac{\partial L}{\partial x_i} = \frac{\gamma g_i}{\sqrt{v + \epsilon}}",
                             define=BATCHNORM, given=BATCHNORM_FACTS)
    assert verdict.verdict == "wrong" and verdict.counterexample
    assert "depend on x_i" in verdict.message
