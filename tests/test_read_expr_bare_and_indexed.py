"""A name written with an index and without one in the same expression has two readings: the whole vector
(elementwise, so a Jacobian follows) or the element with its index lost. The reader refuses it naming both
(a page's `\\log(1 - \\hat y)` beside `\\hat y_i` was judged 'wrong: case' for a right claim)."""

import symgrad


def test_an_element_and_its_bare_vector_in_one_sum_are_refused_naming_both_readings():
    v = symgrad.verify(r"\frac{d}{dx_i} (\log x_i + \log x) = 1/x_i")
    assert v.verdict == "unreadable"
    assert "with an index" in v.message and "without one" in v.message and "\n" not in v.message


def test_the_same_claim_with_the_index_written_on_each_is_proved():
    assert symgrad.verify(r"\frac{d}{dx_i} (\log x_i + \log(1 - x_i)) = \frac{1}{x_i} - \frac{1}{1 - x_i}").verdict \
        == "proved"


def test_a_product_of_an_element_and_its_bare_vector_is_refused_too():
    assert symgrad.verify(r"\frac{d}{dx_i} (x_i x) = x").verdict == "unreadable"

