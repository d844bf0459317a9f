"""A label and its values in words ('$y_i$ the correct label (1 or -1)', 'y is actual label (..., 0 or 1, ...)'):
the set of those values, y_i in {-1, 1}."""

from symgrad import verify
from symgrad.read.prose import from_prose


def test_a_label_with_its_values_in_parentheses_is_their_set():
    assert from_prose(r"$y\_i$ the correct label (1 or -1)")[0] == r"y_i \in \{-1, 1\}"
    assert from_prose("$y$ is actual label(result of classification,$0 or 1$, 0 represents category A, 1 represents "
                      "category B)")[0] == r"y \in \{0, 1\}"
    assert from_prose("t is the target, either 0 or 1")[0] == r"t \in \{0, 1\}"


def test_a_label_said_to_be_one_or_minus_one_is_judged_on_those_values():
    define = [r"L = (1 - y x)^2"]
    right = verify(r"\frac{\partial L}{\partial x} = 2 (x - y)", define=define, given=["$y$ the label (1 or -1)"])
    wrong = verify(r"\frac{\partial L}{\partial x} = 2 (x + y)", define=define, given=["$y$ the label (1 or -1)"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
