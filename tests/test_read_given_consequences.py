"""A definition and its derivative in one fact, ``g(x) = 1 + e^{-px} \\Rightarrow g'(x) = -pe^{-px}`` (as the sigmoid
slope derivation at quebrandoanorma writes it, also with \\implies and \\frac{dh}{dx}): the definition is read, the
derivative after it noted and not used - symgrad differentiates the definition itself, so a slip in the stated
derivative changes no verdict."""

from __future__ import annotations

import pytest

from symgrad import verify

_S = [r"S(x) = \frac{1}{g(x)}"]
_RIGHT = r"S'(x) = \frac{p e^{-px}}{(1 + e^{-px})^2}"


@pytest.mark.parametrize("given", [r"g(x) = 1 + e^{-px} \Rightarrow g'(x) = -pe^{-px}",
                                   r"g(x) = 1 + e^{-px} \implies \frac{dg}{dx} = -p e^{-px}",
                                   r"g(x) = 1 + e^{-px} \Rightarrow g'(x) = pe^{-px}"])
def test_the_sigmoid_slope_with_p_follows_from_g_defined_whatever_its_stated_derivative(given):
    right = verify(_RIGHT, define=_S, given=[given])
    assert right.verdict in ("proved", "agrees") and "this line not used" in right.message
    assert verify(r"S'(x) = \frac{-p e^{-px}}{(1 + e^{-px})^2}", define=_S, given=[given]).verdict == "wrong"


def test_a_consequence_that_is_no_derivative_of_the_defined_function_is_not_dropped():
    from symgrad.read.given_consequences import premise_and_note

    assert premise_and_note(r"g(x) = 1 + e^{-px} \Rightarrow h'(x) = 0") is None
    assert premise_and_note(r"g(x) = 1 + e^{-px} \Rightarrow p > 0") is None
