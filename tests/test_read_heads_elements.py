"""A definition whose head applies a name to an indexed input (``f(z_i^l) = \\frac{\\exp(z_i^l)}{\\sum_m \\exp(z_m^l)}``)
defines the element f_i; the claim's ``f(z_j^l)`` is the element f_j (noted), and a layer tag written after a subscript
(``z_i^l``) tags the name, as ``z^l_i`` does. Reference Jacobians come from autograd."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad

SOFTMAX = r"f(z_i^l) = \frac{\exp{(z_i^l)}}{\sum_{m=1}^K\exp{(z_m^l)}}"


def _softmax(z):
    return anp.exp(z) / anp.sum(anp.exp(z))


@pytest.mark.parametrize(("claim", "expected"), [
    (r"\frac{\partial f(z_i^l)}{\partial z_j^l}= f(z_i^l)\left(\delta_{ij}-f(z_j^l)\right)", ("proved", "agrees")),
    (r"\frac{\partial f(z_i^l)}{\partial z_j^l}= f(z_i^l)\left(\delta_{ij}-f(z_i^l)\right)", ("wrong",)),
])
def test_softmax_head_on_z_i_names_element_f_j_where_the_claim_writes_z_j(claim, expected):
    """https://compphysics.github.io/MachineLearning/doc/pub/week42/html/._week42-bs008.html (f(z_i^l) softmax, its
    derivative f(z_i^l)(\\delta_{ij} - f(z_j^l))); the mutated claim has f(z_i^l) in place of f(z_j^l)."""
    z = np.array([0.3, -1.2, 2.0])
    p = _softmax(z)
    assert np.allclose(autograd.jacobian(_softmax)(z), np.diag(p) - np.outer(p, p))
    v = symgrad.verify(claim, define=[SOFTMAX])
    assert v.verdict in expected
    assert "its element at the index written in place of i" in v.message


@pytest.mark.parametrize("head", [r"a_j^l = \sigma(z_j^l)", r"a^l_j = \sigma(z^l_j)"])
def test_layer_tag_after_a_subscript_tags_the_name(head):
    """Nielsen writes a^l_j = \\sigma(z^l_j) (http://neuralnetworksanddeeplearning.com/chap2.html), the compphysics
    notes z_j^l: both are the element j of the layer-l names, so \\partial a_j^l / \\partial z_j^l is sigma's derivative."""
    s = 1 / (1 + np.exp(-0.4))
    assert np.isclose(autograd.grad(lambda x: 1 / (1 + anp.exp(-x)))(0.4), s * (1 - s))
    v = symgrad.verify(r"\frac{\partial a_j^l}{\partial z_j^l} = a_j^l (1 - a_j^l)", define=[head])
    assert v.verdict in ("proved", "agrees")
    assert "l read as a layer label" in v.message
