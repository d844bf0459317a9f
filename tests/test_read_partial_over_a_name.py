"""``\\frac{\\partial}{\\theta} J(\\theta)``: the operator with its denominator's \\partial lost (a gradient-descent page,
https://github.com/shunliz/Machine-Learning): \\partial alone over one name is no quotient, so it is the derivative by that
name, noted. Anything else over \\partial alone keeps its refusal."""

from __future__ import annotations

from symgrad import verify


def test_partial_over_a_name_is_the_derivative_by_it():
    define = [r"J(\theta) = \theta^3"]
    right = verify(r"\frac {\partial}{\theta}J(\theta) = 3\theta^2", define=define)
    assert right.verdict == "proved" and "the denominator's \\partial lost" in right.message
    assert verify(r"\frac {\partial}{\theta}J(\theta) = 3\theta", define=define).verdict == "wrong"


def test_partial_over_a_number_is_still_refused():
    assert verify(r"\frac {\partial}{2}J(\theta) = 3\theta^2", define=[r"J(\theta) = \theta^3"]).verdict == "unreadable"
