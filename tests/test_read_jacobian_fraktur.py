"""``\\mathfrak{J} = ...`` (a Jacobian in Fraktur, as Russian seminars write it), nothing defining J: the Jacobian of
the page's one vector function."""

from __future__ import annotations

from symgrad.read import Context
from symgrad.read.claims import parse_definition
from symgrad.read.facts import parse_given
from symgrad.read.jacobians import jacobian_named
from symgrad.read.tokens import _tokens
from symgrad.verify import verify

_DEFINE, _GIVEN = "f(x) = x x^T x", r"x \in \mathbb{R}^n"


def test_a_fraktur_j_names_the_jacobian() -> None:
    ctx = Context()
    parse_given(_GIVEN, ctx)
    parse_definition(_DEFINE, ctx)
    head = _tokens(r"\mathfrak{J}")[:-1]
    assert jacobian_named(r"\mathfrak{J} = 0", head, ctx) == r"\frac{\partial f_{i}}{\partial x_{j}}"


def test_the_jacobian_of_x_xt_x() -> None:
    right = verify(r"\mathfrak{J} = x^Tx I_n + 2 x x^T", define=[_DEFINE], given=[_GIVEN])
    wrong = verify(r"\mathfrak{J} = x^Tx I_n + x x^T", define=[_DEFINE], given=[_GIVEN])
    assert (right.verdict, wrong.verdict) == ("proved", "wrong"), (str(right), str(wrong))
