"""A fact giving the derivative of a defined name by an expression (du/dx = ... beside u = ...): checked against the
definition, read as a restatement where it agrees and refused where it does not."""

from symgrad import verify

_GELU = [r"\text{GELU}(x) = \frac{x}{2}\left[1 + \tanh\left(\sqrt{\frac{2}{\pi}}\left(x + 0.044715 x^3\right)\right)\right]",
         r"u = \sqrt{\frac{2}{\pi}}(x + 0.044715x^3)"]
_CLAIM = r"\text{GELU}'(x) = \frac{1}{2}(1 + \tanh u) + \frac{x}{2}(1 - \tanh^2 u) \cdot \frac{du}{dx}"


def test_a_rate_the_definition_gives_is_a_restatement_and_the_claim_is_judged():
    right = verify(_CLAIM, define=_GELU, given=[r"\frac{du}{dx} = \sqrt{\frac{2}{\pi}}(1 + 0.134145x^2)"])
    wrong = verify(_CLAIM.replace(r"\frac{1}{2}(1", r"\frac{1}{3}(1"), define=_GELU,
                   given=[r"\frac{du}{dx} = \sqrt{\frac{2}{\pi}}(1 + 0.134145x^2)"])
    assert right.verdict in ("proved", "agrees") and "restatement" in right.message
    assert wrong.verdict == "wrong"


def test_a_rate_the_definition_does_not_give_is_refused():
    v = verify(_CLAIM, define=_GELU, given=[r"\frac{du}{dx} = \sqrt{\frac{2}{\pi}}(1 + 0.13x^2)"])
    assert v.verdict == "unreadable" and "the definition of u gives" in v.message


def test_a_rate_of_a_name_nothing_defines_stays_refused():
    v = verify(r"\frac{\partial L}{\partial x} = 2 x", define=["y = x^2"], given=[r"\frac{\partial L}{\partial y} = 2 y"])
    assert v.verdict == "unreadable" and "a name of its own" in v.message
