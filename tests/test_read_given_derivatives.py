"""A fact stating the derivative of a function the definitions define is judged against the definition first:
one that holds is noted and the claim judged, one that does not is refused (never trusted to prove a claim)."""

import pytest

from symgrad.verify import verify

_NETWORK = [r"\sigma(x) = \frac{1}{1+e^{-x}}", r"a = \sigma(w u + b)", r"L = \frac{1}{2}(a - t)^2"]


@pytest.mark.parametrize("given", [
    r"\sigma^\prime(x)=\sigma(x)(1-\sigma(x))",  # math.techqa.club 4064289 (f^\prime(x)=f(x)(1-f(x)))
    "σ′(x) = σ(x)(1 − σ(x))",  # asia.aguea.com/Ubuntu8Touch, Unicode prime
    r"\frac{d}{dx}\sigma(x) = \sigma(x)\bigl(1 - \sigma(x)\bigr)",  # mikel-mg.github.io neural-networks-from-scratch
    r"\sigma'(x)=\frac{d}{dx}\sigma(x)=\sigma(x)(1-\sigma(x))",  # mynote.show sigmoid+function+derivative
])
def test_a_right_stated_sigmoid_derivative_is_checked_and_the_claim_judged(given):
    right = verify(r"\frac{\partial L}{\partial w} = (a - t) a (1 - a) u", define=_NETWORK, given=[given])
    assert right.verdict == "proved" and "checked against the definitions" in right.message
    assert verify(r"\frac{\partial L}{\partial w} = (a - t) a (1 - a)", define=_NETWORK, given=[given]).verdict == "wrong"


def test_a_wrong_stated_derivative_is_refused_not_used():
    """σ'(x) = σ(x)(1 + σ(x)) would make the matching wrong claim look right: it is refused naming the fact."""
    v = verify(r"\frac{\partial L}{\partial w} = (a - t) a (1 + a) u", define=_NETWORK,
               given=[r"\sigma'(x) = \sigma(x)(1 + \sigma(x))"])
    assert v.verdict == "unreadable" and "states a derivative of a defined function" in v.message
