"""\\delta with one index (backprop's error signal \\delta_j) is no Kronecker delta, which has two: it is element j of
a vector delta, noted (read/kronecker); it was refused as '\\delta_{ij} needs two indices'. Checked on
L = sum_j delta_j z_j, z_j = sum_i W_ji x_i: dL/dx_i = sum_j W_ji delta_j, dL/dW_ij = delta_i x_j (by hand)."""

from __future__ import annotations

import pytest

import symgrad

D = [r"L = \sum_j \delta_j z_j", r"z_j = \sum_i W_{ji} x_i"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial x_i} = \sum_j W_{ji}\delta_j", "proved"),
    (r"\frac{\partial L}{\partial x_i} = \sum_j W_{ij}\delta_j", "wrong"),
    (r"\frac{\partial L}{\partial W_{ij}} = \delta_i x_j", "proved"),
    (r"\frac{\partial L}{\partial W_{ij}} = \delta_j x_i", "wrong"),
])
def test_delta_with_one_index_is_a_vector(claim, verdict):
    v = symgrad.verify(claim, define=D)
    assert v.verdict == verdict, str(v)
    assert "\\delta with one index read as an element of a vector delta" in v.message


def test_the_kronecker_delta_keeps_two_indices():
    assert symgrad.verify(r"\frac{\partial}{\partial x_j} \sum_k \delta_{ik} x_k = \delta_{ij}").verdict == "proved"
    assert symgrad.verify(r"\frac{\partial}{\partial x_j} \sum_k \delta_{ik} x_k = \delta_{jj}").verdict != "proved"


def test_a_layer_number_subscript_is_a_name_too():
    v = symgrad.verify(r"\frac{\partial L}{\partial z} = \delta_3", define=[r"L = \delta_3 z^2"])
    assert v.verdict == "wrong" and "\\delta with one index" in v.message, str(v)
