"""A loss named with a label subscript (L_C, D_{KL}) is one name when its right side never writes the subscript's
letters, with shapes declared or not; it reads back wherever it is written, in LaTeX or in text."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

import symgrad
from symgrad import parse
from symgrad.read.context import Context


@pytest.mark.parametrize("given", [[], [r"\mu \in \mathbb{R}^{J}", r"s \in \mathbb{R}^{J}"]])
def test_a_kl_divergence_named_d_kl_derives_with_or_without_declared_shapes(given):
    d = symgrad.derive(loss=r"D_{KL} = \frac{1}{2}\sum_{j=1}^{J}\left(\mu_j^2 + e^{s_j} - s_j - 1\right)",
                       given=given, wrt=[r"\mu", "s"])
    rng = np.random.default_rng(0)
    mu, s = rng.normal(size=5), rng.normal(size=5)
    _, grads = d.compile().value_and_grad(mu=mu, s=s)
    loss = lambda mu, s: 0.5 * anp.sum(mu**2 + anp.exp(s) - s - 1)
    np.testing.assert_allclose(grads["mu"], grad(loss, 0)(mu, s), rtol=1e-12)
    np.testing.assert_allclose(grads["s"], grad(loss, 1)(mu, s), rtol=1e-12)


def test_an_index_the_right_side_uses_stays_an_index():
    v = symgrad.verify(r"\frac{\partial L_i}{\partial w} = -2 x_i (y_i - w x_i)", define=[r"L_i = (y_i - w x_i)^2"])
    assert v.verdict == "proved"


def test_the_labelled_name_reads_back_in_latex_and_in_text():
    ctx = Context()
    parse.parse_definition(r"L_C = \frac{1}{2}\sum_{i=1}^{m}(x_i - c)^2", ctx)
    for written in (r"2 L_C", "2 L_C", r"2 L_{C}"):
        back = parse.parse_expression(written, ctx)
        assert {str(s) for s in back.free_symbols} == {"L_C"}
