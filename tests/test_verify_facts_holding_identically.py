"""A fact that holds identically (a derivative of the sigmoid stated beside its definition) restricts nothing: a wrong
claim is wrong, not refused because the search cannot impose the fact."""

import symgrad

SIGMOID = [r"\sigma(x) = \frac{1}{1 + e^{-x}}"]
RATE = [r"\sigma ^ { \prime } ( x ) = \sigma ( x ) [ 1 - \sigma ( x ) ]"]


def test_log_one_minus_sigmoid_derivative_is_minus_sigmoid_with_the_rate_stated():
    v = symgrad.verify(r"[\log(1 - \sigma(x))]' = -\sigma(x)", define=SIGMOID, given=RATE)
    assert v.verdict == "proved"


def test_a_dropped_minus_is_wrong_although_the_rate_is_stated():
    v = symgrad.verify(r"[\log(1 - \sigma(x))]' = \sigma(x)", define=SIGMOID, given=RATE)
    assert v.verdict == "wrong"


def test_tanh_through_the_sigmoid_without_the_inner_factor_is_wrong():
    given = ["tanh(x) = 2sigmoid(2x) - 1", "sigmoid(x)' = sigmoid(x) * (1 - sigmoid(x))"]
    assert symgrad.verify("tanh'(x) = 4 * sigmoid(2x) * (1 - sigmoid(2x))", given=given).verdict == "proved"
    assert symgrad.verify("tanh'(x) = 2 * sigmoid(2x) * (1 - sigmoid(2x))", given=given).verdict == "wrong"
