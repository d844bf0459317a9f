"""``--of`` in words naming a function the reader knows (``the derivative of the sigmoid function``): that function's
derivative, by the variable of the page's one function, or the one input of its definitions; refused without one."""

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.claims import parse_definition
from symgrad.read.context import Context
from symgrad.read.derivative_of_the_function import derivative_of_the_function, names_the_function


def test_words_that_name_a_known_function():
    assert names_the_function("The derivative of the sigmoid function")
    assert names_the_function("the gradient of tanh")
    assert not names_the_function("the derivative of error")


def test_read_by_the_one_input_of_the_definitions_and_refused_without_one():
    ctx = Context()
    parse_definition("y = z^2", ctx)
    assert derivative_of_the_function("the derivative of the relu function", ctx) == \
        r"\frac{\partial}{\partial z} \mathrm{relu}(z)"
    with pytest.raises(ParseError, match="names the derivative of sigmoid but no variable"):
        derivative_of_the_function("the derivative of the sigmoid function", Context())


def test_sigmoid_words_judge_right_and_wrong():
    define = ["S(x) = 1/(1+e^{-x})"]
    right = verify("S(x)(1 - S(x))", of="the derivative of the sigmoid function", define=define)
    assert right.verdict == "proved" and "the derivative of sigmoid by x" in right.message
    assert verify("x(1 - x)", of="The derivative of the sigmoid function", define=define).verdict == "wrong"
