"""A derivation's lines joined by implication arrows with no relation on either side read as the chain's =."""

import symgrad
from symgrad.read.claim_implications import implications_as_equals
from symgrad.read.context import Context

SIGMOID = [r"f(x) = \frac{1}{1 + e^{-x}}"]
LINES = r"\Rightarrow & \frac{e^{-x}}{(1+e^{-x})^2} \\ \Rightarrow & \frac{1}{1+e^{-x}} \cdot {X} \\ \Rightarrow & f(x)(1-f(x))"


def test_arrows_between_bare_lines_become_equals_of_the_same_width():
    text = r"\Rightarrow a + b \\ \Rightarrow c"
    out = implications_as_equals(text, Context())
    assert len(out) == len(text)
    assert out.split() == [r"\Rightarrow", "a", "+", "b", "\\\\", "=", "c"]


def test_an_arrow_beside_a_relation_is_left_alone():
    text = r"x = 1 \Rightarrow w = 0"
    assert implications_as_equals(text, Context()) == text


def test_sigmoid_derivative_lines_are_proved():
    v = symgrad.verify(LINES.replace("{X}", r"\frac{e^{-x}}{1+e^{-x}}"), of=r"\frac{df}{dx}", define=SIGMOID)
    assert v.verdict == "proved"


def test_a_line_with_the_cube_is_wrong():
    v = symgrad.verify(LINES.replace("{X}", r"\frac{1}{(1+e^{-x})^2}"), of=r"\frac{df}{dx}", define=SIGMOID)
    assert v.verdict == "wrong"
