"""--of in words naming the derivative of "the function" (English, or Chinese, Japanese or Korean words saying to
differentiate): the one defined function's derivative by its variable."""

import symgrad
from symgrad.read.derivative_of_the_function import names_the_function

SIGMOID = [r"f(x) = \frac{1}{1 + e^{-x}}"]
NORMALIZE = [r"f(x) = \frac{x}{\lVert x \rVert }"]
ENTRIES = (r"a_{ij} = \begin{cases} \frac{1}{\lVert x \rVert} - \frac{x_i^2}{\lVert x \rVert^3} & i = j \\ "
           r"{OFF} &i \neq j \end{cases}")


def test_words_that_name_the_function_without_writing_it():
    assert names_the_function("the jacobian of the following function")
    assert names_the_function("시그모이드 함수를 수식적으로 미분해보자")
    assert not names_the_function("the derivative of error")
    assert not names_the_function("对 x 求导")


def test_korean_words_differentiating_the_one_function_name_its_derivative():
    v = symgrad.verify(r"f(x)(1 - f(x))", of="시그모이드 함수를 수식적으로 미분해보자", define=SIGMOID)
    assert v.verdict == "proved"
    assert "the one function defined" in v.message


def test_chinese_words_and_a_wrong_value_are_wrong():
    assert symgrad.verify(r"f(x)(1 + f(x))", of="对函数求导", define=SIGMOID).verdict == "wrong"


def test_with_two_functions_defined_the_words_stay_refused():
    v = symgrad.verify(r"f(x)(1 - f(x))", of="函数求导", define=[*SIGMOID, r"g(x) = x^2"])
    assert v.verdict == "unreadable"


def test_the_jacobian_of_the_following_function_normalizing_a_vector():
    given = [r"x \in \mathbb{R}^3"]
    of = "the jacobian of the following function"
    right = ENTRIES.replace("{OFF}", r"-\frac{x_i x_j}{\lVert x \rVert^3}")
    assert symgrad.verify(right, of=of, define=NORMALIZE, given=given).verdict == "proved"
    wrong = ENTRIES.replace("{OFF}", r"\frac{x_i x_j}{\lVert x \rVert^3}")
    assert symgrad.verify(wrong, of=of, define=NORMALIZE, given=given).verdict == "wrong"
