"""A diagonal matrix written by its entries among the facts (``\\Lambda = \\operatorname{diag}(\\lambda_1, \\lambda_2,
..., \\lambda_{d^{\\prime}}) \\in \\mathbb{R}^{d^{\\prime} \\times d^{\\prime}}``, the Pumpkin Book's PCA multiplier,
https://github.com/datawhalechina/pumpkin-book/blob/HEAD/docs/chapter10/chapter10.md): the diagonal matrix of the
vector of those entries, of the size the last subscript names; a primed letter in a space's power is a size (d')."""

from __future__ import annotations

from symgrad import verify
from symgrad.read.context import Context
from symgrad.read.facts import parse_given

_FACT = (r"$\boldsymbol{\Lambda}=\operatorname{diag}(\lambda_1,\lambda_2,...,\lambda_{d^{\prime}})\in "
         r"\mathbb{R}^{d^{\prime} \times d^{\prime}}$")


def test_a_diagonal_matrix_by_its_entries_is_the_diagonal_matrix_of_a_vector_of_d_prime_entries():
    ctx = Context()
    parse_given(_FACT, ctx)
    assert [str(d) for d in ctx.tensors["lambda"].shape] == ["d'"]
    assert "Lambda" in ctx.definitions
    assert any("the diagonal matrix of the vector" in note for note in ctx.notes)


def test_the_gradient_of_the_multiplier_trace_is_2_w_lambda_as_the_diagonal_multiplier_is_symmetric():
    define = [r"L = \mathrm{tr}(\boldsymbol{\Lambda}^T W^T W)"]
    claim = r"\frac{\partial L}{\partial W} = 2 W \boldsymbol{\Lambda}"
    assert verify(claim, define=define, given=[_FACT]).verdict in ("proved", "agrees")
    assert verify(claim.replace("2 W", "W"), define=define, given=[_FACT]).verdict == "wrong"
