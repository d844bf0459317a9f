"""A fact that fixes a plain name to a number (``x = 2``, ``\\gamma = \\frac{3}{10}``, ``y = 1``): the numeric search
draws every point with that value, and the verdict says so. Before, such a fact was a constraint the search could not
impose, and a claim that differed from the derivative was refused instead of judged."""

from __future__ import annotations

import pytest

import symgrad

CUBE = {"of": r"\frac{dy}{dx}", "define": ["y = x^3"], "given": ["x = 2"]}  # dy/dx = 3x^2 = 12 at x = 2
LOG = {"define": [r"f = \log(\gamma + x^2)"], "given": [r"\gamma = \frac{3}{10}"]}  # df/dx = 2x / (3/10 + x^2)
BCE = {"define": [r"L = -(y \log p + (1 - y) \log(1 - p))"], "given": ["y = 1"]}  # dL/dp = -1/p when y = 1


@pytest.mark.parametrize(("claim", "context", "verdict"), [
    ("3x^2 = 12", CUBE, "agrees"),
    ("3x^2 = 8", CUBE, "wrong"),  # the page's slip: 8 is x^3 at 2, not the derivative
    (r"\frac{\partial f}{\partial x} = \frac{2x}{\gamma + x^2}", LOG, "proved"),
    (r"\frac{\partial f}{\partial x} = \frac{2x}{0.3 + x^2}", LOG, "agrees"),
    (r"\frac{\partial f}{\partial x} = \frac{2x}{0.4 + x^2}", LOG, "wrong"),
    (r"\frac{\partial L}{\partial p} = -\frac{1}{p}", BCE, "agrees"),
    (r"\frac{\partial L}{\partial p} = \frac{1}{1 - p}", BCE, "wrong"),
])
def test_a_name_fixed_to_a_number_is_drawn_at_that_number(claim, context, verdict):
    v = symgrad.verify(claim, **context)
    assert v.verdict == verdict, v.message
    if verdict != "proved":
        assert "the numeric search draws every point with" in v.message


def test_a_decimal_fixes_the_name_as_its_fraction():
    v = symgrad.verify(r"\frac{\partial f}{\partial x} = \frac{2x}{0.3 + x^2}", define=LOG["define"],
                       given=[r"\gamma = 0.3"])
    assert v.verdict == "agrees" and "γ = 3/10" in v.message, v.message
