"""MathJax's HTML extensions copied with a formula (``\\cssId{id}{X}``, ``\\class{c}{X}``) show X: the command, its
first argument and X's braces go (read/html_wrappers), so an operator wrapped alone applies to what follows it; the
braces stay where a superscript follows the group."""

from __future__ import annotations

import symgrad
from symgrad.read.tokens import _tokens


def test_the_wrapper_and_its_braces_go():
    texts = [t.text for t in _tokens(r"\cssId{diff-var}{\tfrac{d}{dx}}\left[x^3\right]") if t.kind != "end"]
    assert r"\cssId" not in texts and texts[0] == r"\tfrac" and texts.count("{") == texts.count("}") == 2


def test_a_wrapped_operator_applies_to_the_bracket_after_it():
    assert symgrad.verify(r"\cssId{a}{\tfrac{d}{dx}}\left[x^3\right] = 3x^2").verdict == "proved"
    assert symgrad.verify(r"\cssId{a}{\tfrac{d}{dx}}\left[x^3\right] = 3x").verdict == "wrong"


def test_a_group_with_a_superscript_keeps_its_braces():
    assert symgrad.verify(r"\frac{d}{dx} \class{c}{x + 1}^2 = 2(x+1)").verdict == "proved"
    assert symgrad.verify(r"\frac{d}{dx} \class{c}{x + 1}^2 = 2x").verdict == "wrong"
