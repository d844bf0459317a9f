"""A sentence saying what a function symgrad knows by its name is (``cosh(x) denotes the hyperbolic cosine function
of x``, in Chinese ``其中,cosh(x)表示x的双曲余弦函数。``) sets the reading symgrad gives: noted; one naming another
function for that name is refused."""

import pytest

import symgrad
from symgrad.read.words_cjk import kinds_in_cjk

CJK = "其中,cosh(x)表示x的双曲余弦函数。"


def test_a_chinese_sentence_naming_cosh_is_said_again_in_english():
    assert kinds_in_cjk(CJK) == "where cosh(x) denotes the hyperbolic cosine function of x"


@pytest.mark.parametrize("given", [CJK, "where cosh(x) denotes the hyperbolic cosine function of x",
                                   r"$\cosh$ is the hyperbolic cosine"])
@pytest.mark.parametrize("claim, verdict", [("1 / cosh²(x)", "proved"), ("1 / cosh(x)", "wrong")])
def test_tanh_derivative_with_cosh_said_in_words(given, claim, verdict):
    v = symgrad.verify(claim=f"f'(x) = {claim}", define=["f(x) = tanh(x)"], given=[given])
    assert v.verdict == verdict, v.message
    assert "cosh read as the hyperbolic cosine, symgrad's reading" in v.message


def test_a_known_name_said_to_be_another_function_is_refused():
    v = symgrad.verify(claim="f'(x) = 1 / cosh²(x)", define=["f(x) = tanh(x)"],
                       given=["cosh(x) denotes the hyperbolic sine of x"])
    assert v.verdict == "unreadable" and "sinh for the hyperbolic sine" in v.message
