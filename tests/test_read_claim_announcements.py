"""Words announcing a claim whose formula names its own derivative (``The first derivative is softsign'(x) = ...``)."""

import symgrad
from symgrad.read.claim_announcements import without_announcement
from symgrad.read.context import Context

SOFTSIGN = ["softsign(x) = x / (1 + |x|)"]


def test_the_announcing_words_are_blanked_with_their_width():
    text = "The first derivative is softsign'(x) = 1 / (1 + |x|)^2."
    out = without_announcement(text, Context())
    assert len(out) == len(text)
    assert out.strip() == "softsign'(x) = 1 / (1 + |x|)^2."


def test_words_before_a_value_that_names_no_derivative_stay():
    text = "the derivative should be 2 * w * (x * w - t)"
    assert without_announcement(text, Context()) == text


def test_softsign_derivative_after_words_is_proved():
    v = symgrad.verify("The first derivative is softsign'(x) = 1 / (1 + |x|)^2.", define=SOFTSIGN)
    assert v.verdict == "proved"
    assert "announcing the claim" in v.message


def test_softsign_derivative_without_the_square_after_words_is_wrong():
    assert symgrad.verify("The first derivative is softsign'(x) = 1 / (1 + |x|).", define=SOFTSIGN).verdict == "wrong"


def test_words_around_a_written_derivative_read_as_its_equals():
    given = [("If you are using logistic sigmoid for the activation function, then if f(x) is the sigmoid output for "
              "activation x")]
    assert symgrad.verify("the derivative df/dx is equal to f(x)(1 - f(x)).", given=given).verdict == "proved"
    assert symgrad.verify("the derivative df/dx is equal to f(x)(1 + f(x)).", given=given).verdict == "wrong"


def test_a_derivative_in_words_then_its_value():
    square = ["(y-(b+ax))^2"]
    assert symgrad.verify("Taking the derivative with respect to b would then give, 2(ax+b-y)",
                          define=square).verdict == "proved"
    v = symgrad.verify("Taking the derivative with respect to b would then give, -2(ax+b-y)", define=square)
    assert v.verdict == "wrong"
    assert v.diagnosis == "sign"
