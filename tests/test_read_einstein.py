"""Tensor notation: a page that writes indices up (``O^{ib} = A^{ij} V^{jb}``) reads them as subscripts and sums an
index written twice in one product and absent on the left (Einstein's convention), noted; an index written three
times is refused; a page that writes its indices down keeps refusing a stray repeated index."""

import numpy as np
import pytest
import sympy as sp
from autograd import jacobian

import symgrad
from symgrad.read import Context, parse_definition

PRODUCT = [r"O^{ib} = A^{ij} V^{jb}"]
RNG = np.random.default_rng(11)
A, V = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2))


def test_a_definition_in_tensor_notation_is_the_matrix_product_summed_over_the_repeated_index():
    ctx = Context()
    d = parse_definition(PRODUCT[0], ctx)
    (j,) = [s for s in d.rhs.atoms(sp.Sum)][0].variables
    i, b = d.lhs.indices
    assert str(j) == "j" and d.rhs == sp.Sum(ctx.tensors["A"][i, j] * ctx.tensors["V"][j, b], (j, j.lower, j.upper))
    assert any("Einstein's convention" in n for n in ctx.notes)


def test_the_derivative_of_o_by_v_is_a_times_a_delta_and_swapped_indices_are_wrong():
    truth = jacobian(lambda v: A @ v)(V)  # autograd: dO_ib/dV_mn, shape (3, 2, 4, 2)
    expected = np.einsum("im,bn->ibmn", A, np.eye(2))
    assert np.allclose(truth, expected, rtol=1e-12)
    chain = r"\frac{\partial O^{ib}}{\partial V^{mn}} = A^{ij} \delta^j_m \delta^b_n = A^{im} \delta^b_n"
    right = symgrad.verify(chain, define=PRODUCT)
    assert right.verdict == "proved" and "Einstein" in right.message
    assert symgrad.verify(r"\frac{\partial O^{ib}}{\partial V^{mn}} = A^{mi} \delta^b_n", define=PRODUCT).verdict == \
        "wrong"


def test_the_derivative_of_o_by_a_is_a_delta_times_v():
    truth = jacobian(lambda a: a @ V)(A)  # autograd: dO_ib/dA_mn = delta_im V_nb
    assert np.allclose(truth, np.einsum("im,nb->ibmn", np.eye(3), V), rtol=1e-12)
    of = r"\frac{\partial O^{ib}}{\partial A^{mn}}"
    assert symgrad.verify(rf"{of} = \delta^i_m V^{{nb}}", define=PRODUCT).verdict == "proved"
    assert symgrad.verify(rf"{of} = \delta^i_m V^{{bn}}", define=PRODUCT).verdict == "wrong"


def test_an_index_written_three_times_in_one_product_is_refused():
    with pytest.raises(symgrad.ParseError, match="three times"):
        parse_definition(r"O^{ib} = A^{ij} V^{jb} C^{jb}", Context())


def test_without_indices_written_up_a_repeated_index_is_not_summed_silently():
    with pytest.raises(symgrad.ParseError, match="index j is free on the right"):
        parse_definition(r"O_{ib} = A_{ij} V_{jb}", Context())


def test_a_set_power_is_no_index_written_up():
    ctx = Context()
    parse_definition(r"L = \sum_i \sum_j W_{ij}^2", ctx)
    assert not any("tensor notation" in n for n in ctx.notes)
