"""A claim in a sentence whose formulas are markdown inline code (``the gradient of `σ(x)` is `σ(x)(1-σ(x))` ``),
with a reason's conjunction before it (since, because) and a consequence in words after it (and so ...): the claim
is the formula the words say; a condition after it (when ...) is not a consequence and is still refused."""

from __future__ import annotations

from symgrad.read.sentences import claim_in_sentence
from symgrad.verify import verify

TAIL = " and so indeed the formula as you wrote it fixes this."


def test_the_claim_and_the_derivative_named_in_inline_code():
    claim, of, _ = claim_in_sentence("since the gradient of `σ(x)` is `σ(x)(1-σ(x))`" + TAIL)
    assert (claim, of) == ("σ(x)(1-σ(x))", "σ(x)")
    assert claim_in_sentence(r"the derivative of $x^2$ is $2x$ when $x > 0$") is None


def test_the_sigmoids_derivative_said_in_a_comment():
    assert verify("since the gradient of `σ(x)` is `σ(x)(1-σ(x))`" + TAIL).verdict == "proved"
    assert verify("since the gradient of `σ(x)` is `σ(x)(σ(x)-1)`" + TAIL).verdict == "wrong"
