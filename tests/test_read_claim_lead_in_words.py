"""Words a page writes before a claim, in ``\\text{}`` with their comma inside (``\\text{Thus, }``): set aside, the
columns kept."""

from __future__ import annotations

from symgrad.read.prose import without_lead_in


def test_a_lead_in_word_with_its_comma_inside_the_braces_is_blanked() -> None:
    text = r"\text{Thus, } \frac{\partial L}{\partial b} = -2(y - t)"
    read = without_lead_in(text)
    assert len(read) == len(text) and read.lstrip().startswith(r"\frac") and "Thus" not in read
    assert without_lead_in(r"\text{Thus, } = 2") == r"\text{Thus, } = 2"
