"""A layer named in words with its parts given roles (``let $x$ be the input vector, $y$ the output vector of
LayerNorm, $w$ the weight vector of LayerNorm, ...``, or the same in Chinese): the output is defined by the layer's
formula; a part the formula needs that the page does not name is refused."""

import pytest

import symgrad
from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.read.words_upstream import upstream_in_words

WORDS = (r"let $x$ be the input vector, $y$ the output vector of LayerNorm, $w$ the weight vector of LayerNorm, $b$ the "
         r"bias vector of LayerNorm, $N$ the vector dimension, $\epsilon$ a very small constant")
CJK = (r"设$x$为输入向量,$y$为LayerNorm的输出向量,$w$为LayerNorm的权重向量,$b$为LayerNorm的偏置向量,$N$为向量维度,"
       r"$\epsilon$为一个很小的常数,用于避免除以零的情况。")
MEAN = r"\mu = \frac{1}{N}\sum_{i=1}^N x_i"
SIGMA = r"\sqrt{\frac{1}{N}\sum_{k=1}^N (x_k - \mu)^2 + \epsilon}"


def test_the_chinese_roles_are_said_again_in_english():
    assert kinds_in_cjk(CJK).startswith("let $x$ be the input vector, $y$ be the output vector of LayerNorm, ")


@pytest.mark.parametrize("given", [WORDS, CJK])
@pytest.mark.parametrize("claim, verdicts", [
    (rf"\delta_{{ij}} \frac{{x_i - \mu}}{{{SIGMA}}}", ("proved", "agrees")),
    (rf"\frac{{x_j - \mu}}{{{SIGMA}}}", ("wrong",)),  # y_i does not depend on w_j for j != i
])
def test_the_output_of_layernorm_differentiated_by_its_weight(given, claim, verdicts):
    v = symgrad.verify(claim=rf"\frac{{\partial y_i}}{{\partial w_j}} = {claim}", define=[MEAN], given=[given])
    assert v.verdict in verdicts, v.message
    assert "y read as the output of LayerNorm of x" in v.message


def test_a_layer_without_its_constant_named_is_refused():
    v = symgrad.verify(claim=r"\frac{\partial y_i}{\partial b_j} = \delta_{ij}", define=[MEAN],
                       given=[WORDS.replace(r", $\epsilon$ a very small constant", "")])
    assert v.verdict == "unreadable" and "small constant not named" in v.message, v.message


def test_the_derivative_said_to_be_the_upstream_gradient_gets_a_name_of_its_own():
    said = r"\frac{\partial L}{\partial y_j} is the gradient of the loss function L with respect to y_j"
    assert upstream_in_words(said) == r"\frac{\partial L}{\partial y_j} = \mathrm{dLdy}_j"
    assert upstream_in_words(said.replace("y_j", "y_k", 1)) is None


def test_an_output_named_with_a_letter_of_mean_still_defined():
    given = WORDS.replace("$y$ the output", "$a$ the output")
    v = symgrad.verify(claim=r"\frac{\partial a_i}{\partial b_j} = \delta_{ij}", define=[MEAN], given=[given])
    assert v.verdict in ("proved", "agrees") and r"\mathrm{MEAN}" in v.message, v.message
