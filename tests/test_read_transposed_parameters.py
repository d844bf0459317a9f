"""A transposed sum of names nothing shapes whose vector is a function's parameter (``J(w) = \\frac{1}{2m}(Xw - y)^T(Xw -
y)``): read as arrays by the usual convention (X a matrix, w and y vectors; read.array_roles), the parameter w with
them; and refused where another capital the convention leaves unshaped would be read as a number (U in
``(Xw - y)^T U (Xw - y)``: a claim right for a number U is not right for the matrix U)."""

from __future__ import annotations

import pytest

from symgrad.verify import verify

_DEFINE = [r"J(w) = \frac{1}{2m}(Xw - y)^T(Xw - y)"]


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{1}{m}X^T(Xw - y)", "proved"),
                                                (r"\frac{1}{m}X^T(y - Xw)", "wrong"),
                                                (r"\frac{1}{m}(Xw - y)^T X", "proved")])
def test_least_squares_gradient_by_the_parameter_of_j_is_x_transpose_residual_over_m(claim: str, verdict: str) -> None:
    """https://gdsc (a study group's notes): the parameter w is a vector of the columns' size, noted."""
    v = verify(rf"\frac{{\partial}}{{\partial{{w}}}}J(w) = {claim}", define=_DEFINE)
    assert v.verdict == verdict, str(v)
    assert "w a vector of size d" in str(v), str(v)


def test_a_capital_between_transposed_residuals_that_nothing_shapes_keeps_the_refusal() -> None:
    v = verify(r"\nabla_w J(w) = 2 U X^T (Xw - y)", define=[r"J(w) = (Xw - y)^T U (Xw - y)"])
    assert v.verdict == "unreadable" and "two readings" in str(v), str(v)
