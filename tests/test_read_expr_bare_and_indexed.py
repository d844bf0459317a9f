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



def test_a_bare_vector_differentiated_by_its_element_with_a_second_index_written_is_the_whole_vector():
    """``\\partial(\\gamma v + \\beta)/\\partial v_i = \\gamma \\delta_{ij}`` (a page's affine layer): v is the whole
    vector, its element j; autograd's Jacobian of gamma v + beta is gamma times the identity."""
    import autograd.numpy as anp
    import numpy as np
    from autograd import jacobian

    gamma, beta = 1.7, -0.3
    assert np.allclose(jacobian(lambda v: gamma * v + beta)(anp.array([0.2, -1.0, 0.5])), gamma * np.eye(3))
    right = symgrad.verify(r"\partial (\gamma v + \beta ) / \partial v_i = \gamma \delta _{ij}")
    assert right.verdict == "proved" and "whole vector v" in right.message
    assert symgrad.verify(r"\partial (\gamma v + \beta ) / \partial v_i = \gamma \delta _{ij} + \beta").verdict == "wrong"


def test_a_bare_name_differentiated_by_its_element_with_no_other_index_is_refused_naming_both_readings():
    v = symgrad.verify(r"\frac{\partial (v^2)}{\partial v_i} = 2 v_i")
    assert v.verdict == "unreadable"
    assert "the whole vector v" in v.message and "v_i with its index lost" in v.message and "\n" not in v.message
