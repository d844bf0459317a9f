"""A definition headed by an expression of an unknown function (``-\\ln L(\\mu) = R``) names R also where the head is
written without the function's inputs (``\\partial(-\\ln L)/\\partial\\mu``); its minus after a term is its sign."""

from symgrad import verify

DEFINE = [r"-\ln L(\mu) = \frac{1}{2}(x-\mu)^2"]


def test_the_head_without_its_inputs_names_the_definition():
    assert verify(r"\mu - x", of=r"\frac{\partial (-\ln L)}{\partial \mu}", define=DEFINE).verdict == "proved"
    assert verify(r"x - \mu", of=r"\frac{\partial (-\ln L)}{\partial \mu}", define=DEFINE).verdict == "wrong"


def test_the_heads_minus_after_a_term_is_a_sign_not_a_product():
    of = r"\frac{\partial}{\partial \mu}\left(\mu^2 - \ln L\right)"
    assert verify(r"3\mu - x", of=of, define=DEFINE).verdict == "proved"
