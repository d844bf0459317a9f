"""reStructuredText's math markup (Sphinx sources): the ``.. math::`` directive before a display and the inline role
``:math:`...```, which only say "this is math"."""

from __future__ import annotations

from symgrad.verify import verify

TANH = r".. math:: \text{tanh}(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}"


def test_a_math_directive_before_a_definition_and_a_claim_only_marks_the_mathematics():
    v = verify(r".. math:: \frac{d}{dx} tanh(x) = 1 - tanh^2(x)", define=[TANH])
    assert v.verdict == "proved", v.message
    assert ".. math::" in v.message
    assert verify(r".. math:: \frac{d}{dx} tanh(x) = 1 + tanh^2(x)", define=[TANH]).verdict == "wrong"


def test_a_math_directive_on_its_own_line_before_an_indented_display():
    define = ".. math::\n\n   y = \\frac{1}{1 + e^{-x}}"
    assert verify(r"\frac{dy}{dx} = y(1 - y)", define=[define]).verdict == "proved"
    assert verify(r"\frac{dy}{dx} = y(1 + y)", define=[define]).verdict == "wrong"


def test_the_inline_math_role_stands_as_dollars():
    define = r"The output is :math:`y = \frac{1}{1 + e^{-x}}`."
    v = verify(r"\frac{dy}{dx} = y(1 - y)", define=[define])
    assert v.verdict == "proved", v.message
    assert verify(r"\frac{dy}{dx} = y(1 + y)", define=[define]).verdict == "wrong"
