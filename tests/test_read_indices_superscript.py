"""Indices written up, as tensor notation writes them: ``A^{ij}`` of a matrix is its element A_ij (a matrix power is
no reading, so the two letters can only be indices; noted), and ``\\delta^j_m`` is the Kronecker delta. On a scalar
the superscript stays a power."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import jacobian

import symgrad
from symgrad.read import Context, parse_definition

PRODUCT = [r"O_{ib} = \sum_j A_{ij} V_{jb}"]


def test_the_jacobian_of_a_matrix_product_by_its_right_factor_is_a_times_delta_written_up():
    rng = np.random.default_rng(1)
    A, V = rng.normal(size=(3, 4)), rng.normal(size=(4, 2))
    jac = jacobian(lambda V: anp.dot(A, V))(V)  # autograd: d O_ib / d V_mn, shape (3, 2, 4, 2)
    assert np.allclose(jac, np.einsum("im,bn->ibmn", A, np.eye(2)))
    v = symgrad.verify(r"\frac{\partial O^{ib}}{\partial V^{mn}} = A^{im} \delta^b_n", define=PRODUCT)
    assert v.verdict == "proved" and "A^{im} read with subscript indices" in v.message


@pytest.mark.parametrize("claim", [r"A^{in} \delta^b_m", r"A^{im} \delta^b_m", r"A^{mi} \delta^b_n"])
def test_a_slip_in_indices_written_up_is_wrong(claim):
    assert symgrad.verify(r"\frac{\partial O_{ib}}{\partial V_{mn}} = " + claim, define=PRODUCT).verdict == "wrong"


@pytest.mark.parametrize("delta", [r"\delta^b_n", r"\delta_n^b", r"\delta^{b}_{n}"])
def test_a_delta_with_one_index_up_is_the_kronecker_delta(delta):
    v = symgrad.verify(r"\frac{\partial O_{ib}}{\partial V_{mn}} = A_{im} " + delta, define=PRODUCT)
    assert v.verdict == "proved"


def test_a_sum_over_a_delta_written_up_contracts():
    claim = r"\frac{\partial O_{ib}}{\partial V_{mn}} = \sum_j A^{ij} \delta^j_m \delta^b_n"
    assert symgrad.verify(claim, define=PRODUCT).verdict == "proved"


def test_a_superscript_of_letters_on_a_scalar_stays_a_power():
    a, m, n = sp.symbols("a m n")
    assert parse_definition(r"L = a^{mn}", Context()).rhs == a ** (m * n)
