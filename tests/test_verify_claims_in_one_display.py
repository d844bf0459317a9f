"""A display that states several derivatives, parted by a comma (``[\\log \\sigma(x)]' = 1 - \\sigma(x), \\quad
[\\log(1 - \\sigma(x))]' = -\\sigma(x)``): each judged as a claim, the display right only when each is."""

import symgrad
from symgrad.verify.displays import claims_in

SIGMOID = [r"\sigma(x) = \frac{1}{1 + e^{-x}}"]


def test_two_derivatives_after_a_comma_are_two_claims_with_their_columns():
    text = r"[\log \sigma(x)]' = 1 - \sigma(x), \quad [\log(1 - \sigma(x))]' = -\sigma(x)"
    first, second = claims_in(text)
    assert len(first) == len(second) == len(text)
    assert first.strip() == r"[\log \sigma(x)]' = 1 - \sigma(x)"
    assert second.strip() == r"\quad [\log(1 - \sigma(x))]' = -\sigma(x)"


def test_a_case_after_the_comma_stays_in_its_claim():
    text = r"\frac{\partial p_i}{\partial a_j} = p_i(1 - p_i), \quad i = j"
    assert claims_in(text) == [text]


def test_both_log_sigmoid_derivatives_right_is_proved():
    v = symgrad.verify(r"[\log \sigma(x)]' = 1 - \sigma(x), \quad [\log(1 - \sigma(x))]' = -\sigma(x)",
                       define=SIGMOID)
    assert v.verdict == "proved"
    assert "states 2 derivatives" in v.message


def test_the_second_derivative_without_its_minus_makes_the_display_wrong():
    v = symgrad.verify(r"[\log \sigma(x)]' = 1 - \sigma(x), \quad [\log(1 - \sigma(x))]' = \sigma(x)",
                       define=SIGMOID)
    assert v.verdict == "wrong"
    assert v.diagnosis == "sign"
