"""``\\nabla^2 f(x)`` of a defined function of one vector, at its parameter, its names in a font or not
(``\\nabla^2 \\mathcal{L}(\\mathbf{w})``): the Hessian (the optimiser's reading; noted, naming the Laplacian)."""

from __future__ import annotations

from symgrad.read.claims import parse_definition
from symgrad.read.context import Context
from symgrad.read.heads_partials import partial_heads
from symgrad.read.tokens import _tokens
from symgrad.verify import verify

PENALTY = r"\mathcal{L}(\mathbf{w})=\lambda \mathbf{w}^\top\mathbf{w}"


def test_the_head_is_written_as_the_second_derivative_by_the_vector():
    ctx = Context()
    parse_definition(PENALTY, ctx)
    toks = partial_heads("", _tokens(r"\nabla^{2} \mathcal{L}(\mathbf{w}) = 2\lambda I"), ctx)
    assert "".join(t.text for t in toks).startswith(r"\frac{\partial^2L(w)}{\partialw^2}=")
    assert any("not the Laplacian" in n for n in ctx.notes)


def test_the_hessian_of_a_ridge_penalty():
    v = verify(r"\nabla^2 \mathcal{L}(\mathbf{w}) = 2\lambda I", define=[PENALTY])
    assert v.verdict == "proved", v.message
    assert verify(r"\nabla^2 \mathcal{L}(\mathbf{w}) = \lambda I", define=[PENALTY]).verdict == "wrong"
