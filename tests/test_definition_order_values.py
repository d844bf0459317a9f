"""Definitions are read each after the definitions of the values it uses, whatever order the page writes them in: a
matrix named by a later definition (L = 1/2 ||R - \\hat{R}||^2, then \\hat{R} = U V^\\top) has its shape where L uses
it (before, \\hat{R} read as a number in L and as a matrix in its own definition)."""

import symgrad
from symgrad.verify.claim_order import _functions_first

_DEFINE = [r"L = \frac{1}{2}||R- \hat{R}||^2", r"\hat{R}  = U V^\top", r"E = \hat{R} - R"]
_GIVEN = [r"U \in \mathbb{R}^{N \times F}", r"V \in \mathbb{R}^{M \times F}"]


def test_a_value_is_read_before_the_definition_that_uses_it():
    assert _functions_first(_DEFINE) == [_DEFINE[1], _DEFINE[0], _DEFINE[2]]


def test_definitions_that_use_each_other_stay_in_the_order_written():
    define = [r"A = B + 1", r"B = A^2", r"C = 2"]
    assert _functions_first(define) == define


def test_a_small_letter_is_left_in_place_it_may_be_eulers_e():
    define = [r"f = e^{x}", r"e = y - t"]
    assert _functions_first(define) == define


def test_matrix_factorization_gradient_by_u_is_e_v():
    right = symgrad.verify(claim=r"\frac{\partial L}{\partial U} = EV", define=_DEFINE, given=_GIVEN)
    assert right.verdict == "proved"
    wrong = symgrad.verify(claim=r"\frac{\partial L}{\partial U} = -EV", define=_DEFINE, given=_GIVEN)
    assert wrong.verdict == "wrong"
