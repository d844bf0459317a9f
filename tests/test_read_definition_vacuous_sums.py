"""A definition chain one of whose sides sums over an index its terms do not use (``f(w) = \\sum^n_{i=1}(y-\\hat{y})^2
= \\lVert \\mathbf{y}-\\mathbf{\\hat{y}} \\rVert^2``: the subscripts lost) is defined by its other side, noted; and a
bold name under an accent (``\\mathbf{\\hat{y}}``, ``\\hat{\\mathbf{y}}``) is a vector as a bold name is. Held out 10
fresh10-backprop-techqa3550977-answer-dyhat: a right claim was judged 'a factor n is missing' (side 1 read as written:
n times one scalar term)."""

from __future__ import annotations

import sympy as sp

import symgrad
from symgrad import parse
from symgrad.read.tokens import _tokens
from symgrad.read.vacuous_sums import vacuous_sum

CHAIN = r"f(w) = \sum^n_{i=1}(y-\hat{y})^2 = \lVert \mathbf{y}-\mathbf{\hat{y}} \rVert^2"


def test_a_sum_whose_terms_do_not_use_its_index_is_found():
    assert vacuous_sum(_tokens(r"\sum^n_{i=1}(y-\hat{y})^2")) == "i"
    assert vacuous_sum(_tokens(r"\sum_i x")) == "i"
    for used in (r"\sum_{i=1}^n (y_i - \hat{y}_i)^2", r"\sum_i x_i", r"\sum_{k} e^{z_k}", r"\sum_{i=1}^{n} x^{(i)}"):
        assert vacuous_sum(_tokens(used)) is None, used


def test_the_chain_is_defined_by_its_side_that_uses_its_indices():
    ctx = parse.Context()
    d = parse.parse_definition(CHAIN, ctx)
    y, yhat = ctx.tensors["y"], ctx.tensors["yhat"]
    assert isinstance(y, sp.IndexedBase) and isinstance(yhat, sp.IndexedBase)  # both bold: vectors
    assert "side 1's sum over i does not use i" in " ".join(ctx.notes)
    (term, (i, _, _)), = [(s.function, s.limits[0]) for s in d.rhs.atoms(sp.Sum)]
    assert term == (y[i] - yhat[i]) ** 2


def test_the_right_gradient_is_proved_and_a_dropped_factor_two_is_wrong():
    right = symgrad.verify(r"\frac{\partial f}{\partial \hat{y}} = -2(\mathbf{y}-\mathbf{\hat{y}} )", define=[CHAIN])
    assert right.verdict == "proved", str(right)
    slip = symgrad.verify(r"\frac{\partial f}{\partial \hat{y}} = -(\mathbf{y}-\mathbf{\hat{y}} )", define=[CHAIN])
    assert slip.verdict == "wrong", str(slip)


def test_a_chain_with_no_other_side_keeps_the_sum_as_written():
    ctx = parse.Context()
    d = parse.parse_definition(r"g = \sum_{i=1}^{n} c", ctx)
    assert str(d.rhs.doit()) == "c*n"  # n times c: read as written, nothing else to read
    assert not any("does not use" in n for n in ctx.notes)
