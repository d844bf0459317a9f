"""Claim assembly: how verify puts the claim, its definitions and its facts together before judging."""

import pytest

from symgrad.verify.claim import verify

_LOG_SOFTMAX = [  # the element function written with its subscript: y_i(x) = ..., read before z(x) = log y(x) applies it
    # https://iceory.github.io/page/2 (y_i = e^{x_i} / sum_k e^{x_k}), the fresh3-logsoftmax-mnn page (y_i(x) = ...)
    [r"z(x) = \log y(x)", r"y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}"],
    # https://blatherstrike.blogspot.com/2020/07 (S_i = e^{a_i} / sum_k e^{a_k}, L_i = -log(S_i)), braced subscript
    [r"z(x) = \log y(x)", r"y_{i}(x) = \frac{e^{x_i}}{\sum_{k} e^{x_k}}"],
    # https://553668.com/manong/1173660.html (p_j = exp(o_j) / sum_k exp(o_k)), \left( after the head
    [r"z(x) = \log y(x)", r"y_j \left(x\right) = \frac{\exp(x_j)}{\sum_k \exp(x_k)}"],
]


@pytest.mark.parametrize("define", _LOG_SOFTMAX)
def test_log_softmax_jacobian_is_delta_minus_y_k_with_the_element_function_defined_after_its_use(define):
    on = verify(r"\partial z_i / \partial x_k = y_i^{-1} \cdot y_i \cdot (1 - y_i) = 1 - y_k", define=define,
                assume=["i = k"])
    off = verify(r"\partial z_i / \partial x_k = y_i^{-1} \cdot (-y_i y_k) = - y_k", define=define,
                 assume=[r"i \neq k"])
    assert (on.verdict, off.verdict) == ("proved", "proved"), (on.message, off.message)


def test_log_softmax_off_diagonal_with_the_sign_dropped_is_wrong():
    v = verify(r"\partial z_i / \partial x_k = y_k", define=_LOG_SOFTMAX[0], assume=[r"i \neq k"])
    assert (v.verdict, v.diagnosis) == ("wrong", "sign"), v.message
