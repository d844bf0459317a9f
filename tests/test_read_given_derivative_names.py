"""A fact that names a derivative of a defined name, ``\\delta^l_j \\equiv \\frac{\\partial C}{\\partial z^l_j}`` (Nielsen's
notation, as http://neuralnetworksanddeeplearning.com/chap2.html and backprop notes copying it write the error of a
neuron), ``dz = \\frac{\\partial L}{\\partial z}``: read after the definitions as a definition, noted, so that the
output-layer error is judged right or wrong."""

from __future__ import annotations

import pytest

from symgrad import verify

_QUADRATIC_COST = [r"C = \frac12 \sum_j (y_j - a^L_j)^2", r"a^l_j = \frac{1}{1 + e^{-z^l_j}}"]


@pytest.mark.parametrize("fact", [r"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}",
                                  r"\delta^l_j := \frac{\partial C}{\partial z^l_j}"])
def test_the_output_error_of_a_quadratic_cost_with_sigmoids_is_a_minus_y_times_sigma_prime(fact):
    right = verify(r"\delta^L_j = (a^L_j - y_j) a^L_j (1 - a^L_j)", define=_QUADRATIC_COST, given=[fact])
    assert right.verdict == "proved" and "a name for a derivative of a defined name" in right.message
    assert verify(r"\delta^L_j = (y_j - a^L_j) a^L_j (1 - a^L_j)", define=_QUADRATIC_COST, given=[fact]).verdict == "wrong"
