"""Layer labels by role (issue 9, item 3): ``A^{O} = Softmax(Z^{O})`` (the output layer, https://datascience.stackexchange.com/q/64746),
``W^o_{ki}`` and ``W^h_{im}`` (output and hidden weights, a math.stackexchange question on backpropagation with several
outputs): the superscript O, o, H or h is a layer's name, not a power, where nothing gives the letter a value and it
stands only as such a tag (noted), as l and L do."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition


def _softmax_cross_entropy_gradient(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    return grad(lambda z: -anp.sum(t * (z - anp.log(anp.sum(anp.exp(z))))))(z)


@pytest.mark.parametrize("label", ["{O}", "O", "{o}"])
def test_the_output_layer_label_makes_a_name_of_its_own(label):
    z, t = np.array([0.2, -1.0, 0.7]), np.array([0.0, 1.0, 0.0])
    p = np.exp(z) / np.exp(z).sum()
    assert np.allclose(_softmax_cross_entropy_gradient(z, t), p - t)  # the claim's value, by autograd
    define = [rf"A^{label}_i = \frac{{e^{{Z^{label}_i}}}}{{\sum_j e^{{Z^{label}_j}}}}", rf"E = -\sum_i T_i \log A^{label}_i"]
    claim = rf"\frac{{\partial E}}{{\partial Z^{label}_i}} = A^{label}_i - T_i"
    v = verify(claim, define=define, given=[r"\sum_i T_i = 1"])
    assert v.verdict in ("proved", "agrees") and "read as a layer label" in v.message
    assert verify(claim.replace("- T_i", "+ T_i"), define=define, given=[r"\sum_i T_i = 1"]).verdict == "wrong"


def test_hidden_and_output_weights_are_two_names():
    """(the page names the hidden activations h_i too; with h a name of its own, W^h is refused, as below)"""
    define = [r"y_k = \sum_i W^o_{ki} a_i", r"a_i = \sigma(\sum_m W^h_{im} x_m)", r"J = \frac{1}{2}\sum_k (y_k - t_k)^2"]
    v = verify(r"(y_k - t_k) a_i", of=r"\frac{\partial J}{\partial W^o_{ki}}", define=define)
    assert v.verdict in ("proved", "agrees"), v.message


def test_a_letter_written_as_a_name_too_is_no_label():
    ctx = Context()
    parse_definition(r"o = 3", ctx)
    with pytest.raises(ParseError, match="two readings"):
        parse_definition(r"a^o = x + o", ctx)
