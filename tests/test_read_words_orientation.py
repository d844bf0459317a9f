"""A page's orientation of every vector stated in words (read/words_orientation): 'the vectors in this problem
statement are actually *row vectors*' makes each vector a row, so t = x W + b is the row x times the matrix W; read
as columns (the default), x W cannot be formed."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_given
from symgrad.read.words_orientation import orientation_in_words

_SHAPES = [r"x \in \mathbb{R}^{d}", r"W \in \mathbb{R}^{d \times m}", r"b \in \mathbb{R}^{m}"]


@pytest.mark.parametrize(("text", "kind"), [
    ("the vectors in this problem statement are actually *row vectors*", "row"),
    ("All vectors are row vectors.", "row"),
    ("we use row vectors", "row"),
    ("vectors are column vectors", "column"),
    ("x is a row vector", None),
    ("the vectors are normalized", None),
])
def test_the_orientation_a_sentence_states(text, kind):
    said = orientation_in_words(text)
    assert (said and said[0]) == kind


def _context(orientation: str) -> Context:
    ctx = Context()
    ctx.orientation = orientation  # what a stated orientation sets (read/facts)
    for fact in _SHAPES:
        parse_given(fact, ctx)
    return ctx


def test_rows_make_x_w_plus_b_the_row_times_the_matrix():
    ctx = _context("row")
    d = parse_definition("t = x W + b", ctx)
    (k,), (summed,) = d.lhs.indices, d.rhs.atoms(sp.Sum)
    i = summed.variables[0]
    x, w, b = (ctx.tensors[n] for n in "xWb")
    assert d.rhs == b[k] + sp.Sum(w[i, k] * x[i], (i, 1, x.shape[0]))


def test_columns_refuse_x_w():
    with pytest.raises(ParseError, match="cannot multiply"):
        parse_definition("t = x W + b", _context("column"))
