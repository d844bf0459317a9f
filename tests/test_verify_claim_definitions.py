"""A claim that first defines the name it differentiates (``Then L = ... and dL/dW = ...``): the definition read as one."""

import symgrad
from symgrad.verify.claim_definitions import definition_before

RESIDUAL = ["Let r = Wx − y (the residual)."]


def test_the_definition_before_and_is_parted_from_the_claim_with_its_columns():
    text = "Then L = (1/N)‖r‖² and ∂L/∂W = (2/N)·r·xᵀ"
    definition, claim = definition_before(text, RESIDUAL)
    assert definition == "L = (1/N)‖r‖²"
    assert len(claim) == len(text)
    assert claim.strip() == "∂L/∂W = (2/N)·r·xᵀ"


def test_a_name_defined_elsewhere_or_a_case_stays_in_the_claim():
    assert definition_before("L = x^2 and dL/dx = 2x", ["L = x^2"]) is None
    assert definition_before(r"\frac{\partial L}{\partial w} = 2x, \quad i = j", []) is None


def test_mean_squared_residual_by_the_weights():
    v = symgrad.verify("Then L = (1/N)‖r‖² and ∂L/∂W = (2/N)·r·xᵀ.", define=RESIDUAL)
    assert v.verdict == "proved"
    assert "read as the definition" in v.message


def test_mean_squared_residual_without_the_two_is_wrong():
    v = symgrad.verify("Then L = (1/N)‖r‖² and ∂L/∂W = (1/N)·r·xᵀ.", define=RESIDUAL)
    assert v.verdict == "wrong"
    assert v.diagnosis == "factor"


def test_a_function_defined_then_an_implication_then_its_derivative():
    definition, claim = definition_before(r"f(x) = \cos(ax) \Rightarrow \frac{df}{dx} = -a\sin(ax)", [])
    assert definition == r"f(x) = \cos(ax)"
    assert claim.strip() == r"\frac{df}{dx} = -a\sin(ax)"
    assert symgrad.verify(r"f(x) = \exp(ax) \Rightarrow \frac{df}{dx} = a\exp(ax)").verdict == "proved"
    assert symgrad.verify(r"f(x) = \cos(ax) \Rightarrow \frac{df}{dx} = a\sin(ax)").verdict == "wrong"


def test_a_value_before_an_implication_is_a_point_not_a_definition():
    assert definition_before(r"x = 1 \Rightarrow \frac{\partial y}{\partial x} = 3", ["y = x^2 + x"]) is None
