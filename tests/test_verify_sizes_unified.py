"""A defined function's parameter and the declared input of one name are one array of one size: f(x) = x/||x||
beside x in R^n gave the parameter's x the new size of f, the two were apart, d x_i/d x_j of them was 0, and verify
raised the engine's self-check error (an internal error) instead of a verdict."""

import pytest

import symgrad

GIVEN = [r"x \in \mathbb{R}^n"]
RIGHT = r"\frac{\partial f}{\partial x} = \frac{1}{||x||_2^3}(||x||_2^2 I_n - xx^T)"


@pytest.mark.parametrize("define", [r"f(x) := \frac{x}{||x||_2}", r"f(x) = \frac{x}{\|x\|}"])
def test_the_normalisation_jacobian_through_a_function_of_x_is_proved_and_noted(define):
    v = symgrad.verify(RIGHT, define=[define], given=GIVEN)
    assert v.verdict == "proved", v.message
    assert "one array, one shape" in v.message


def test_a_jacobian_without_its_identity_term_is_wrong():
    v = symgrad.verify(r"\frac{\partial f}{\partial x} = -\frac{xx^T}{||x||_2^3}", define=[r"f(x) = \frac{x}{||x||_2}"],
                       given=GIVEN)
    assert v.verdict == "wrong"
