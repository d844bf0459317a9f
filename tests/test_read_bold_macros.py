"""A page's macros for bold letters (read/bold_macros): \\bX, \\bx, \\btheta and \\bb{X} are the bold names, \\bb{R}
after \\in is the blackboard set; \\beta, \\bm{x} and \\bf stay LaTeX's own. Judged: the derivative of the
quadratic x^T A x by x is (A + A^T) x (the Matrix Cookbook, eq. 81), written with the macros."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.read.tokens import _tokens


@pytest.mark.parametrize(("text", "tokens"), [
    (r"\bX^T \bb{1}", r"\mathbf { X } ^ T \mathbf { 1 }"),
    (r"x \in \bb{R}^n", r"x \in \mathbb { R } ^ n"),
    (r"\btheta + \beta", r"\mathbf { \theta } + \beta"),
    (r"\bm{x} + \bar{y}", r"\bm { x } + \bar { y }"),
    (r"a \non", "a"),
])
def test_bold_macros_read_as_bold(text, tokens):
    assert " ".join(t.text for t in _tokens(text)[:-1]) == tokens


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial f}{\partial \bx} = (\bA + \bA^T)\bx", "proved"),
                                                (r"\frac{\partial f}{\partial \bx} = 2\bA\bx", "wrong")])
def test_a_quadratic_form_in_macros(claim, verdict):
    v = symgrad.verify(claim, define=[r"f = \bx^T \bA \bx"], given=[r"\bx \in \bb{R}^n, \bA \in \bb{R}^{n \times n}"])
    assert v.verdict == verdict, str(v)
