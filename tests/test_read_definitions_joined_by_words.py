"""Two definitions in one --define joined by words (``\\text{Let } u = 1 + e^{-x}, \\text{ then } \\sigma(x) =
u^{-1}``) are two statements; a function restated through a name defined before it (u) agrees with its first
definition where the name written out gives the same body, the page's x being the parameter, and a restatement in
another letter (``\\sigma(t) = u^{-1}``, constant in t) differs and is refused."""

from __future__ import annotations

import pytest

from symgrad.verify import verify
from symgrad.verify.claim_statements import _statements

_SIGMA = r"\sigma(x) = \frac{1}{1 + e^{-x}}"
_CLAIM = r"\frac{\partial u^{-1}}{\partial x} = \frac{\partial \sigma(x)}{\partial x} = "


def test_the_words_between_two_definitions_only_join_them() -> None:
    text = r"\text{Let } u = 1 + e^{-x}, \text{ then } \sigma(x) = u^{-1}"
    first, second = _statements(text)
    assert first == r"\text{Let } u = 1 + e^{-x}" and second.strip() == r"\sigma(x) = u^{-1}"
    assert len(second) == len(text)  # its columns kept
    assert _statements(r"u = 1 + e^{-x}, \text{ if } \sigma(x) = u^{-1}") == [r"u = 1 + e^{-x}, \text{ if } \sigma(x) = u^{-1}"]


@pytest.mark.parametrize(("value", "verdict"), [(r"\frac{e^{-x}}{(1 + e^{-x})^2}", "proved"),
                                                (r"\frac{e^{-x}}{(1 - e^{-x})^2}", "wrong")])
def test_a_function_restated_through_a_defined_name(value: str, verdict: str) -> None:
    v = verify(_CLAIM + value, define=[_SIGMA, r"\text{Let } u = 1 + e^{-x}, \text{ then } \sigma(x) = u^{-1}"])
    assert v.verdict == verdict, str(v)


def test_a_restatement_in_another_letter_than_the_name_uses_differs() -> None:
    v = verify(_CLAIM + r"\frac{e^{-x}}{(1 + e^{-x})^2}",
               define=[_SIGMA, r"\text{Let } u = 1 + e^{-x}, \text{ then } \sigma(t) = u^{-1}"])
    assert v.verdict == "unreadable" and "differ as read" in v.message, str(v)
