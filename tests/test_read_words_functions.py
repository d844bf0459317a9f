"""Which function a letter is, said in words, is its definition; sentences that set a meaning symgrad already gives
(layout, natural log), fix an index by context or only name the claim are noted; a function named with no letter, or
a log to another base, is refused."""

import pytest

from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.verify import verify


@pytest.mark.parametrize("given, name", [
    ("The $sig$ is the element-wise sigmoid function", "sig"),  # math.techqa.club 3855747
    (r"$\phi$ is the sigmoid function", r"\phi"),  # grindskills.com (Goodfellow ch. 6: y = ϕ(z), ϕ the sigmoid)
    (("If you are using logistic sigmoid for the activation function, then if g(x) is the sigmoid output for "
      "activation x"), "g"),  # stackoverflow 22134750
])
def test_a_letter_said_to_be_the_sigmoid_has_the_derivative_s_times_one_minus_s(given, name):
    claim = rf"\frac{{dL}}{{dw}} = {name}(w)(1 - {name}(w))"
    define = [rf"L = {name}(w)"]
    assert verify(claim, define=define, given=[given]).verdict == "proved"
    assert verify(rf"\frac{{dL}}{{dw}} = {name}(w)(1 + {name}(w))", define=define, given=[given]).verdict == "wrong"


def test_g_said_to_be_tanh_has_the_derivative_one_minus_g_squared():
    assert verify(r"\frac{dL}{dw} = 1 - g(w)^2", define=["L = g(w)"], given=["g is the tanh function"]).verdict == "proved"


@pytest.mark.parametrize("given", ["Pour la sigmoid", "for the sigmoid", "with a sigmoid activation"])
def test_a_function_named_with_no_letter_is_refused(given):
    """gthvn1 (French): "Pour la sigmoid" says which function, not which letter it is."""
    with pytest.raises(ParseError, match="not the letter"):
        parse_given(given, Context())


_SOFTMAX_CE = ["p_i = exp(z_i) / Σ_k exp(z_k)", "L = -log p_y"]


@pytest.mark.parametrize("given", [
    "y is the true class index",  # lynx cortex-lab notes
    "$y$ is the index of the correct class",
    "(Remember $log$ is the natural log, not base $10$.)",  # venhance 18.02 notes
    "The convention is denominator layout.",
    "the first derivative of the loglikelihood function",  # statsmodels Poisson notes
])
def test_a_sentence_setting_symgrads_own_meaning_is_noted_and_imposes_nothing(given):
    right = verify(r"\frac{\partial L}{\partial z_j} = p_j - \mathbb{1}[j = y]", define=_SOFTMAX_CE, given=[given])
    assert right.verdict == "proved" and f"'{given.strip('.').split('$')[0]}" in right.message.replace("$", "")
    assert verify(r"\frac{\partial L}{\partial z_j} = p_j", define=_SOFTMAX_CE, given=[given]).verdict == "wrong"


@pytest.mark.parametrize("given", ["log is base 2", "log is the logarithm to base 10"])
def test_a_log_to_another_base_is_refused(given):
    with pytest.raises(ParseError, match="natural log"):
        parse_given(given, Context())
