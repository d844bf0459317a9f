"""\\nabla^2 f(x) of a function of one vector is read as the Hessian; set equal to a number it may mean the
Laplacian (the Hessian's trace), so such a claim is refused naming both readings, never judged wrong as a Hessian
(verify.laplacian_reading). A matrix claim stays judged as the Hessian."""

from __future__ import annotations

import symgrad

SQUARES = ["f(x) = x^T x"]
VECTOR = [r"x \in \mathbb{R}^n"]


def test_a_number_claimed_for_nabla_squared_is_refused_naming_the_hessian_and_the_laplacian():
    v = symgrad.verify(r"\nabla^2 f(x) = 2n", define=SQUARES, given=VECTOR)  # the Laplacian of x^T x: right
    assert v.verdict == "unreadable", v.message
    assert "two readings: the Hessian" in v.message and "or the Laplacian (its trace" in v.message, v.message


def test_a_matrix_claimed_for_nabla_squared_is_judged_as_the_hessian():
    assert symgrad.verify(r"\nabla^2 f(x) = 2I", define=SQUARES, given=VECTOR).verdict == "proved"
    assert symgrad.verify(r"\nabla^2 f(x) = I", define=SQUARES, given=VECTOR).verdict == "wrong"
