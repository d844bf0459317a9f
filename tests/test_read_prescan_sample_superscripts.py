"""A letter with a sample superscript (``x^{(i)}``) is sample i, not the bare letter: beside ``x_j^{(i)}`` (component j
of sample i) the prescan of all inputs does not make x a vector of j's size, and the reader makes x a matrix with a row
per sample, as it does for one input alone."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.shapes_prescan import declare_indexed
from symgrad.verify import verify

_L = r"l = y^{(i)} \theta^T x^{(i)} - e^{\theta^T x^{(i)}}"


def test_a_sampled_letter_is_not_written_bare() -> None:
    ctx = Context()
    declare_indexed(ctx, [_L, r"\frac{\partial l}{\partial \theta_j} = x_j^{(i)}"], [_L])
    assert "x" not in ctx.tensors
    declare_indexed(ctx, [r"a = x", r"b = x_j"])
    assert "x" in ctx.tensors  # a bare x beside x_j still makes it a vector


@pytest.mark.parametrize(("factor", "verdict"), [("", "proved"), ("2", "wrong")])
def test_the_poisson_log_likelihood_of_one_sample(factor: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial l}}{{\partial \theta_j}} = {factor}(y^{{(i)}} - e^{{\theta^T x^{{(i)}}}}) x_j^{{(i)}}",
               define=[_L])
    assert v.verdict == verdict, str(v)
