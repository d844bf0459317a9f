"""--of in Chinese, Japanese or Korean words that say to differentiate: the one function's derivative by its variable."""

import symgrad

SIGMOID = [r"f(x) = \frac{1}{1 + e^{-x}}"]


def test_korean_words_differentiating_the_one_function_name_its_derivative():
    v = symgrad.verify(r"f(x)(1 - f(x))", of="시그모이드 함수를 수식적으로 미분해보자", define=SIGMOID)
    assert v.verdict == "proved"
    assert "words saying to differentiate" in v.message


def test_chinese_words_and_a_wrong_value_are_wrong():
    assert symgrad.verify(r"f(x)(1 + f(x))", of="对函数求导", define=SIGMOID).verdict == "wrong"


def test_with_two_functions_defined_the_words_stay_refused():
    v = symgrad.verify(r"f(x)(1 - f(x))", of="函数求导", define=[*SIGMOID, r"g(x) = x^2"])
    assert v.verdict == "unreadable"
