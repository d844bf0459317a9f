"""Upstream gradients said in words: ``dout is the derivative of loss function wrt prediction``
(https://datascience.stackexchange.com/questions/80698 ), ``dlogits is the gradient of the loss with respect to
logits``, ``delta is dL/dz``: read as dL/dy = g, the loss known only through its gradient (the vector-Jacobian product
with g); the claim about the layer before is then judged, right or wrong."""

from __future__ import annotations

import pytest

from symgrad import verify


@pytest.mark.parametrize("fact", [
    "dout is the derivative of the loss function wrt y",
    "$g$ is the gradient of $L$ w.r.t. $y$",
    "delta is dL/dy",
])
def test_the_weight_gradient_of_a_scalar_linear_layer_is_the_input_times_the_upstream_gradient(fact):
    name = {"dout": "dout", "$g$": "g", "delta": r"\delta"}[fact.split()[0]]
    assert verify(rf"\frac{{\partial L}}{{\partial w}} = x {name}", define=["y = x w + b"],
                  given=[fact]).verdict == "proved"
    assert verify(rf"\frac{{\partial L}}{{\partial w}} = w {name}", define=["y = x w + b"],
                  given=[fact]).verdict == "wrong"


def test_a_word_of_several_letters_is_one_upright_name_as_code_writes_it():
    fact = "dlogits is the gradient of the loss with respect to logits"
    assert verify("dw = f @ dlogits", define=["logits = f @ w + b"], given=[fact]).verdict == "proved"
    assert verify("dw = w @ dlogits", define=["logits = f @ w + b"], given=[fact]).verdict == "wrong"
