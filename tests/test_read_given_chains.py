"""A fact that defines a name and restates it in the same line, ``\\hat y = Xw = \\sum_{k=1}^{p} x_k w_k`` (as lasso
notes write ``RSS(\\theta) = RSS^{OLS}(\\theta) + \\lambda\\|\\theta\\|_1 = ...``,
https://stats.stackexchange.com/questions/123672 ): the definition of the name by its first side, the restatement
noted as not checked; it was refused as no fact."""

from __future__ import annotations

import pytest

from symgrad import verify

_OF = r"\frac{\partial}{\partial w} (\hat y - y)^2"


@pytest.mark.parametrize("fact", [r"\hat y = wx + b = b + xw", r"\hat{y} = w x + b = x w + b = b + w x"])
def test_the_squared_error_gradient_by_w_through_a_name_defined_in_a_chain_is_2_residual_x(fact):
    right = verify(r"2(\hat y - y) x", of=_OF, given=[fact])
    assert right.verdict == "proved" and "other sides of its = chain are not checked" in right.message
    assert verify(r"2(\hat y - y)", of=_OF, given=[fact]).verdict == "wrong"


_TWO_LAYER = [r"\ell(w) := \sum_{i=1}^{m} ( y_i - \sigma(u_i) )^2", r"\sigma(x) := \frac{1}{1+e^{-x}}"]


@pytest.mark.parametrize("fact", ["u_i = w z_i", "u^{(i)} = w z^{(i)}", "(u_i) = w z_i"])
def test_a_per_sample_fact_defines_the_name_so_the_squared_sigmoid_loss_gradient_carries_z(fact):
    """``(u^i) = w^Tz^i`` given beside the loss (https://math.stackexchange.com/questions/4075404 ): a definition per
    sample, as ``z_i = g(b_i)`` with ``b_i = \\sum_j A_{ij} x_j`` is in backprop notes."""
    of = r"\frac{\partial \ell}{\partial w}"
    claim = r"- \sum_{i=1}^m 2(y_i - \sigma(u_i))\sigma(u_i)(1-\sigma(u_i)) z_i"
    right = verify(claim, of=of, define=_TWO_LAYER, given=[fact])
    assert right.verdict in ("proved", "agrees") and "(among the facts) read as a definition" in right.message
    assert verify(claim.lstrip("- "), of=of, define=_TWO_LAYER, given=[fact]).verdict == "wrong"


def test_a_data_model_with_an_indexed_noise_term_is_no_definition():
    verdict = verify(r"\sum_{i=1}^N 2 (y_i - w x_i)(-x_i)", of=r"\frac{\partial}{\partial w} \sum_{i=1}^N (y_i - w x_i)^2",
                     given=[r"y_i = w x_i + \epsilon_i"])
    assert "read as a definition" not in verdict.message


_UPSTREAM_GIVEN = [r"x \in \mathbb{R}^n", r"W \in \mathbb{R}^{k \times n}"]


@pytest.mark.parametrize("product", [r"\frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z} = \delta",
                                     r"\frac{\partial L}{\partial a} \frac{\partial a}{\partial z} = \delta",
                                     (r"\frac{\partial L}{\partial h} \times \frac{\partial h}{\partial a} \cdot "
                                     r"\frac{\partial a}{\partial z} = \delta")])
def test_a_chain_rule_product_given_is_the_gradient_it_telescopes_to(product):
    """The product as https://github.com/gauravreddy08 (backprop notes) writes the output layer's gradient: the gradient
    of L by z, the last denominator; the weight gradient is then delta x^T."""
    given = [product, *_UPSTREAM_GIVEN]
    right = verify(r"\frac{\partial L}{\partial W} = \delta x^T", define=["z = W x"], given=given)
    assert right.verdict == "proved" and "the chain rule's product" in right.message
    assert verify(r"\frac{\partial L}{\partial W} = 2 \delta x^T", define=["z = W x"], given=given).verdict == "wrong"


def test_a_product_whose_factors_do_not_chain_is_not_read_as_one_gradient():
    from symgrad.read.given_chains import telescoped

    assert telescoped(r"\frac{\partial L}{\partial a} \cdot \frac{\partial b}{\partial z} = \delta") is None
