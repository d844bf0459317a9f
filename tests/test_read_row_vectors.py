"""Row vectors as pages declare them (read/row_vectors): ``h \\in \\mathbb{R}^{1 \\times m}`` is a row, so ``h W`` is
the row h times the matrix W, and ``z = h W + b`` defines a row z. Judged: for z = hW + b, u = z V and
L = sum_j g_j u_j (g fixed), dL/dh = g V^T W^T (row layout); the order W^T V^T is ill-formed, so wrong."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.read import Context, parse_definition, parse_given
from symgrad.read.row_vectors import is_row

_GIVEN = [r"h \in \mathbb{R}^{1 \times m}", r"W \in \mathbb{R}^{m \times n}", r"b \in \mathbb{R}^{1 \times n}",
          r"V \in \mathbb{R}^{n \times k}", r"g \in \mathbb{R}^{1 \times k}"]
_DEFINE = [r"z = h W + b", r"u = z V", r"L = \sum_j g_j u_j"]


def test_a_space_of_one_row_declares_a_row_vector_and_its_product_defines_one():
    ctx = Context()
    for fact in _GIVEN[:3]:
        parse_given(fact, ctx)
    assert is_row(ctx, "h") and ctx.tensors["h"].shape == ctx.tensors["W"].shape[:1]
    parse_definition(_DEFINE[0], ctx)
    assert is_row(ctx, "z")


def test_a_column_stays_a_column():
    ctx = Context()
    parse_given(r"h \in \mathbb{R}^{m \times 1}", ctx)
    assert not is_row(ctx, "h")


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial L}{\partial h} = g V^T W^T", "proved"),
                                                (r"\frac{\partial L}{\partial h} = g W^T V^T", "wrong")])
def test_the_gradient_by_a_row_vector_through_two_layers(claim, verdict):
    assert symgrad.verify(claim, define=_DEFINE, given=_GIVEN).verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial L}{\partial h} = W g", "proved"),
                                                (r"\frac{\partial L}{\partial h} = W^T g", "wrong")])
def test_an_upstream_gradient_by_a_defined_row_is_of_the_same_array(claim, verdict):
    given = [r"h \in \mathbb{R}^{1 \times m}", r"W \in \mathbb{R}^{m \times n}", r"\frac{\partial L}{\partial z_k} = g_k"]
    assert symgrad.verify(claim, define=["z = h W"], given=given).verdict == verdict
