"""The entries of a matrix named by its lowercase letter: a_{ij} beside A is A's entry where a is written only so
(noted); a written alone as well is refused naming both readings; without A written, a is a name of its own."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression
from symgrad.verify import verify

QUADRATIC = r"\frac{\partial}{\partial a_{i,j}} (x^\top A x)"
CROSS_ENTROPY = (r"\mathcal{L}(\hat{Y}, Y) = \frac{1}{m}\sum_{i=1}^m\left(-\sum_{j=1}^Cy^{(i)}_j"
                 r"\log\hat{y}^{(i)}_j \right)")


def at_random(expr: sp.Expr, sizes: dict[str, int]) -> float:
    """``expr`` with its sizes set and every entry of every array drawn at random."""
    expr = expr.xreplace({i: sp.Symbol(str(i.label), integer=True) for i in expr.atoms(sp.Idx)})
    expr = expr.subs({s: sizes[s.name] for s in expr.free_symbols if s.name in sizes}).doit()
    rng = np.random.default_rng(0)
    entries = {e: rng.normal() for e in expr.atoms(sp.Indexed)}
    return float(expr.xreplace(entries))


def test_a_ij_beside_the_matrix_A_is_its_entry_so_the_sum_is_the_quadratic_form():
    read = parse_expression(r"x^\top A x - \sum_{i=1}^n\sum_{j=1}^n a_{ij} x_i x_j", Context())
    assert {str(e.base) for e in read.atoms(sp.Indexed)} == {"A", "x"}
    assert at_random(read, {"n": 3}) == pytest.approx(0.0, abs=1e-12)


def test_the_entrywise_derivative_of_x_T_A_x_is_x_i_x_j_through_the_entries_sum():
    v = verify(QUADRATIC + r" = \frac{\partial}{\partial a_{i,j}} \sum_{i'=1}^n \sum_{j'=1}^n a_{i', j'}x_{i'} "
               r"x_{j'} = x_i x_j")
    assert v.verdict == "proved", v.message
    assert "entries of the matrix A" in v.message


def test_a_wrong_entrywise_derivative_of_x_T_A_x_is_wrong():
    v = verify(QUADRATIC + " = x_j x_j")
    assert v.verdict == "wrong", v.message


def test_cross_entropy_of_sample_entries_has_gradient_minus_Y_over_m_Yhat():
    v = verify(r"\nabla_{\hat{Y}}\mathcal{L}(\hat{Y},Y) = -\frac{1}{m}\frac{Y}{\hat{Y }}", define=[CROSS_ENTROPY])
    assert v.verdict in ("proved", "agrees"), v.message


def test_cross_entropy_gradient_without_its_one_over_m_is_wrong():
    v = verify(r"\nabla_{\hat{Y}}\mathcal{L}(\hat{Y},Y) = -\frac{Y}{\hat{Y}}", define=[CROSS_ENTROPY])
    assert v.verdict == "wrong", v.message


def test_a_written_alone_beside_its_entries_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match="two readings"):
        parse_expression(r"x^\top A x + \sum_{i=1}^n\sum_{j=1}^n a_{ij} + a", Context())


def test_without_the_capital_written_a_ij_is_a_matrix_of_its_own():
    read = parse_expression(r"\sum_{i=1}^n\sum_{j=1}^n a_{ij} x_i x_j", Context())
    assert {str(e.base) for e in read.atoms(sp.Indexed)} == {"a", "x"}


def test_a_vector_entry_a_i_beside_A_is_not_read_as_a_matrix_entry():
    read = parse_expression(r"\sum_{i=1}^n a_i x_i + x^\top A x", Context())
    assert "a" in {str(e.base) for e in read.atoms(sp.Indexed)}
