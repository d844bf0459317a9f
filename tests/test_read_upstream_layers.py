"""An upstream gradient by a layer-tagged output whose value is an expression (issue 9, round 9b):
``\\frac{\\partial \\mathcal{L}}{\\partial z^L} = \\hat y - y`` with ``z^L = W^L a^{L-1} + b^L`` defined. The calligraphic
loss is a glyph apart from the layer label L, z^L is the defined name (not z to a power), and the claim is judged
against autograd's gradient of (yhat - y) z^L, the loss with that gradient.
Spellings: https://github.com/gauravreddy08/everything-from-scratch (notes/MLP.md, z^L, \\mathcal{L}),
https://github.com/behnamasadi/PyTorchTutorial (the same chain with C_0 and z^{(L)}: the fenced tag among the facts is
still read as a sample index by the facts' reader, not covered here)."""

import numpy as np
import pytest
from autograd import grad

import symgrad

W, A, B, YH, Y = 0.7, -1.3, 0.4, 0.8, 1.0


def _reference(k):
    """autograd's derivative by W (k = 0) or b (k = 1) of (yhat - y) z, z = W a + b: the loss whose upstream is yhat - y."""
    return grad(lambda w, b: (YH - Y) * (w * A + b), k)(W, B)


def test_the_references_are_the_output_layer_gradients():
    assert np.isclose(_reference(0), (YH - Y) * A) and np.isclose(_reference(1), YH - Y)
    assert not np.isclose(_reference(0), 2 * (YH - Y) * A)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial \mathcal{L}}{\partial W^L} = (\hat{y} - y) \cdot (a^{L-1})^T", "proved"),  # _reference(0)
    (r"\frac{\partial \mathcal{L}}{\partial W^L} = 2(\hat{y} - y) (a^{L-1})^T", "wrong"),
    (r"\frac{\partial \mathcal{L}}{\partial b^L} = \hat{y} - y", "proved"),  # _reference(1)
    (r"\frac{\partial \mathcal{L}}{\partial b^L} = \hat{y}", "wrong"),
])
def test_an_upstream_gradient_by_a_layer_tagged_output_reads_its_expression(claim, verdict):
    got = symgrad.verify(claim, define=["z^L = W^L a^{L-1} + b^L"],
                         given=[r"\frac{\partial \mathcal{L}}{\partial z^L} = \hat{y} - y"])
    assert got.verdict == verdict, got.message
    assert "calligraphic" in got.message or verdict == "wrong"


@pytest.mark.parametrize("fact", [
    r"\frac{\partial \mathcal{L}}{\partial z^L} = \hat{y} - y",
    r"\frac{\partial \mathcal{L}}{\partial a^L} \cdot \frac{\partial a^L}{\partial z^L} = \hat{y} - y",
])
def test_the_layer_tagged_output_is_never_refused_as_a_power_already_defined(fact):
    got = symgrad.verify(r"\frac{\partial \mathcal{L}}{\partial W^L} = 2(\hat{y} - y) \cdot (a^{L-1})^T",
                         define=["z^L = W^L a^{L-1} + b^L"], given=[fact])
    assert "already defined" not in got.message
    assert got.verdict in ("wrong", "unreadable"), got.message
