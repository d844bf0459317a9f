"""\\nabla with no subscript before an expression written in one variable is the gradient by it, noted
(read/nabla_sole_variable): \\nabla \\|x\\|^2 = 2x (by hand: d/dx_i sum_j x_j^2 = 2 x_i). With two variables
(\\nabla (x^T A x): by x or by A) nothing decides and the reader asks for the subscript."""

from __future__ import annotations

import pytest

import symgrad

X = [r"x \in \mathbb{R}^n"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\nabla \|x\|^2 = 2x", "proved"),
                                                (r"\nabla \|x\|^2 = x", "wrong"),  # a factor 2 lost
                                                (r"\nabla (x^T x) = 2x^T x", "wrong")])
def test_the_gradient_by_the_one_variable(claim, verdict):
    v = symgrad.verify(claim, given=X)
    assert v.verdict == verdict and "the one variable it is written in" in str(v), str(v)


def test_two_variables_still_ask_for_the_subscript():
    v = symgrad.verify(r"\nabla (x^T A x) = (A + A^T)x", given=[r"x \in \mathbb{R}^n, A \in \mathbb{R}^{n \times n}"])
    assert v.verdict == "unreadable" and r"\nabla needs a variable" in str(v), str(v)
