"""A bold line of words among the facts (``**My suggestion to correct it:**``, as issue threads head a part) is a
heading: noted as ignored where it names nothing and states nothing; one naming a name or stating a property stays
unread."""

import pytest

from symgrad import verify

SIGMOID = [r"s = \frac{1}{1 + e^{-z}}"]


@pytest.mark.parametrize(("claim", "verdict"), [("s (1 - s)", "proved"), ("s (1 + s)", "wrong")])
def test_a_bold_heading_is_ignored(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{ds}{dz}", define=SIGMOID, given=["**My suggestion to correct it:**"])
    assert v.verdict == verdict
    assert "ignored: a heading" in v.message or verdict == "wrong"


@pytest.mark.parametrize("given", ["**The gradient for biases defined does not work**", "**y is one-hot**"])
def test_a_bold_line_saying_something_is_not_ignored(given: str) -> None:
    assert verify("s (1 - s)", of=r"\frac{ds}{dz}", define=SIGMOID, given=[given]).verdict == "unreadable"
