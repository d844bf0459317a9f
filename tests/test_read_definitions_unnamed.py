"""Definitions pages write without a name on the left (issue 9, item 3): a bare expression the claim's operator
differentiates (``\\frac1N \\|XW-Y\\|_F^2``, "Taking derivative w.r.t W", https://math.stackexchange.com/q/2128462;
``\\|Ax-b\\|^2``, https://math.techqa.club/what-is-the-gradient-of-ax-b-2-4765085), and a chain that starts with an
expression and names its value at the end (``-\\log p(w_O|w_I) = ... := E``, Rong's word2vec notes as
https://github.com/jli05 restates them; ``=: E``, the mathematician's spelling)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition

RNG = np.random.default_rng(9)


def _least_squares_gradient(a: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    return grad(lambda x: anp.sum((anp.dot(a, x) - b) ** 2))(x)


def test_a_bare_expression_is_the_loss_L_and_says_so():
    ctx = Context()
    d = parse_definition(r"\frac{1}{2}(x - 3)^2 + \log x", ctx)
    x = sp.Symbol("x")
    assert d.lhs == sp.Symbol("L") and sp.simplify(d.rhs - ((x - 3) ** 2 / 2 + sp.log(x))) == 0
    assert any("has no name: read as the loss, L" in n for n in ctx.notes)


@pytest.mark.parametrize("loss", [r"\|Ax-b\|^2", r"\left\|Ax-b\right\|_2^2", r"\lVert Ax - b \rVert^2"])
def test_the_bare_operator_differentiates_the_unnamed_loss(loss):
    a, b, x = RNG.normal(size=(3, 2)), RNG.normal(size=3), RNG.normal(size=2)
    assert np.allclose(_least_squares_gradient(a, b, x), 2 * a.T @ (a @ x - b))  # the claim's value, by autograd
    given = [r"A \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^{n}", r"b \in \mathbb{R}^{m}"]
    v = verify(r"2A^T(Ax-b)", of=r"\frac{\partial}{\partial x}", define=[loss], given=given)
    assert v.verdict in ("proved", "agrees") and "read as the loss, L" in v.message
    assert verify(r"A^T(Ax-b)", of=r"\frac{\partial}{\partial x}", define=[loss], given=given).verdict == "wrong"


def test_two_definitions_without_a_name_are_refused():
    ctx = Context()
    parse_definition(r"\|x\|^2", ctx)
    with pytest.raises(ParseError, match="only one definition may go without a name"):
        parse_definition(r"x^3", ctx)


def test_a_loss_for_derive_must_still_name_itself():
    with pytest.raises(ParseError, match="a definition needs an ="):
        parse_definition(r"\|x\|^2", Context(stated_values=False))


@pytest.mark.parametrize("chain", [r"-\log q = -\log\sigma(u) - \log\sigma(-v) := E.",
                                   r"-\log q = -\log\sigma(u) - \log\sigma(-v) =: E",
                                   r"\log q = \log\sigma(u) + \log\sigma(-v) := -E."])
def test_a_name_at_the_end_of_a_chain_names_the_side_before_it(chain):
    ctx = Context()
    d = parse_definition(chain, ctx)
    u, v = sp.Symbol("u"), sp.Symbol("v")
    want = -sp.log(1 / (1 + sp.exp(-u))) - sp.log(1 / (1 + sp.exp(v)))
    point = {u: 0.3, v: -1.1}
    assert d.lhs == sp.Symbol("E")
    assert abs(float(d.rhs.subs(point).doit().rewrite(sp.exp).subs(point)) - float(want.subs(point))) < 1e-12
    assert any("at the end of the = chain read as the name" in n for n in ctx.notes)


def test_the_word2vec_error_by_the_output_score_is_sigma_minus_one():
    chain = r"-\log q = -\log\sigma(u) := E."
    assert verify(r"\sigma(u) - 1", of=r"\frac{\partial E}{\partial u}", define=[chain]).verdict in ("proved", "agrees")
    assert verify(r"1 - \sigma(u)", of=r"\frac{\partial E}{\partial u}", define=[chain]).verdict == "wrong"
