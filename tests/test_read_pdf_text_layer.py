"""Mathematics as a pdf's text layer gives it (PRML's appendix C in a page viewer): a derivative's fraction on lines of
its own (∂ over ∂x, the bar lost), an inverse with its minus before the caret (A−^1), the equation's number after the
formula ((C.19)), and a product of capitals with its transpose's caret lost (ABAT: A B A^T). By hand: d/dx x^T a = a,
d/dA Tr(AB) = B^T."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.read.code_pasted import flattened_transposes, repaired
from symgrad.read.tokens import _tokens

C19 = "∂\n∂x\n(\nxTa\n)\n=a. (C.19)"


def _text(src: str) -> str:
    return " ".join(t.text for t in _tokens(src))


def test_a_fraction_on_lines_of_its_own_is_the_derivative():
    assert _text("∂\n∂x\n(\nx\n)").startswith(r"\frac { \partial } { \partial x }")
    assert r"\frac { \partial A } { \partial x }" in _text("=−B\n∂A\n∂x\nB")
    assert r"\frac" not in _text("∂x ∂y")  # one line: no fraction


def test_a_minus_before_the_caret_and_an_equation_number():
    assert repaired("A−^1 = B").startswith("A^−1")
    assert repaired(r"\frac{a}{b}-^1") == r"\frac{a}{b}-^1"  # LaTeX is left as written
    assert repaired("=a. (C.19)").rstrip() == "=a."
    assert flattened_transposes("Tr(ABAT)") == [6] and flattened_transposes("softmaxT") == []


@pytest.mark.parametrize(("claim", "verdict"), [(C19, "proved"), (C19.replace("=a.", "=2a."), "wrong")])
def test_the_appendix_identity_is_judged(claim, verdict):
    v = symgrad.verify(claim)
    assert v.verdict == verdict and "its bar lost" in v.message, str(v)
