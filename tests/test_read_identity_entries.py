"""``I_{kj}`` in a claim, of an I nothing defines or declares, its subscript two indices: an entry of the identity
matrix, the Kronecker delta (noted); in a definition it stays an array."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.read import Context, parse_expression
from symgrad.read.claims import parse_definition
from symgrad.read.facts import parse_given
from symgrad.verify import verify


def test_an_entry_of_the_identity_is_the_kronecker_delta() -> None:
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^n", ctx)
    e = parse_expression(r"I_{kj} x_j", ctx, strict=True)
    (delta,) = e.atoms(sp.KroneckerDelta)
    (x,) = e.atoms(sp.Indexed)
    assert {str(i) for i in delta.args} == {"j", "k"} and e == delta * x and str(x) == "x[j]"
    assert any("entry of the identity" in n for n in ctx.notes)


def test_in_a_definition_an_undefined_i_stays_an_array() -> None:
    ctx = Context()
    d = parse_definition(r"y_{ij} = w I_{ij} + b", ctx)  # an input image I: no identity
    assert not d.rhs.atoms(sp.KroneckerDelta) and not ctx.notes


@pytest.mark.parametrize(("value", "verdict"), [("y_k (I_{kj} - y_j)", "proved"), ("y_k (I_{kj} - y_k)", "wrong")])
def test_the_softmax_jacobian_written_with_the_identity(value: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial y_k}}{{\partial a_j}} = {value}",
               define=[r"y_k = \frac{\exp(a_k)}{\sum_j \exp(a_j)}"])
    assert v.verdict == verdict, str(v)
    assert "identity" in v.message
