"""Tensor notation: a page that writes indices up (``O^{ib} = A^{ij} V^{jb}``) reads them as subscripts and sums an
index written twice in one product and absent on the left (Einstein's convention), noted; an index written three
times is refused; a page that writes its indices down keeps refusing a stray repeated index."""

import autograd.numpy as anp
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
    (j,) = next(iter(d.rhs.atoms(sp.Sum))).variables
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


ROW_SOFTMAX = [r"$$A^{ij} = \text{softmax}_j(S^{ij})$$"]


def test_a_softmax_over_a_named_index_is_taken_along_that_index_and_its_jacobian_is_proved():
    S = RNG.normal(size=(2, 3))
    A = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    truth = jacobian(lambda s: anp.exp(s) / anp.sum(anp.exp(s), axis=1, keepdims=True))(S)  # autograd
    expected = np.einsum("im,ij,ijn->ijmn", np.eye(2), A, np.eye(3)[None, :, :] - A[:, None, :])
    assert np.allclose(truth, expected, rtol=1e-12)
    of = r"\frac{\partial A^{ij}}{\partial S^{mn}}"
    right = symgrad.verify(rf"{of} = \delta^i_m A^{{ij}} (\delta^j_n - A^{{in}})", define=ROW_SOFTMAX)
    assert right.verdict == "proved" and "softmax over j" in right.message
    assert symgrad.verify(rf"{of} = \delta^i_m A^{{ij}} (\delta^j_n - A^{{jn}})", define=ROW_SOFTMAX).verdict == "wrong"
    assert symgrad.verify(r"\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)",
                          define=[r"p_i = \mathrm{softmax}_i(z_i)"]).verdict == "proved"
