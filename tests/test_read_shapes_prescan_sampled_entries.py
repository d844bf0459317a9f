"""``x_j^{(i)}`` is entry j of sample i (a row per sample, which the reader makes of the two), so it does not make x a
vector of j's size in the scan of all inputs: beside ``h_\\theta(x) = \\sigma(\\theta^\\top x)`` (x bare, h's own
parameter) the scan read x as a vector, and every ``x_j^{(i)}`` after it was refused ('x takes 1 indices, got 2')."""

from symgrad.read import Context
from symgrad.read.shapes_prescan import declare_indexed, indexed_letters

HYPOTHESIS = r"h_\theta(x) = \sigma(\theta^\top x)"
CLAIM = r"\frac{\partial J}{\partial \theta_j} = \sum_i x_j^{(i)} (h_\theta(x^{(i)}) - y^{(i)})"


def test_an_entry_of_a_sample_is_no_vector_index():
    assert "x" not in indexed_letters([CLAIM, r"\sum_i x_{j}^{(i)}"])
    assert indexed_letters([r"\sum_j x_j w_j"])["x"] == {"j"}  # an entry without a sample still is


def test_a_sampled_entry_beside_a_bare_letter_declares_no_vector():
    ctx = Context()
    declare_indexed(ctx, [CLAIM, HYPOTHESIS], [HYPOTHESIS])
    assert "x" not in ctx.tensors
