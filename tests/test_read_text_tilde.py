"""A tilde accent copied from a page's display as a ``~`` after its letter (``s~ = x - log(sum(exp(x)))``: s̃) reads as
``\\tilde{s}``, said in the verdict; ``x~N(0, 1)`` ("distributed as") is not an accent. Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import jacobian

from symgrad.read.code_pasted import copied_tildes
from symgrad.verify import verify

VECTOR = [r"x \in \mathbb{R}^n"]


def _log_softmax(x):
    return x - anp.log(anp.sum(anp.exp(x)))


@pytest.mark.parametrize("define", ["s~=x−log(sum_k exp(x_k))", "s~ = x - log(sum(exp(x)))"])
@pytest.mark.parametrize("entry, verdict", [("x_j", "proved"), ("x_i", "wrong")])
def test_log_softmax_named_s_tilde_is_judged_as_autograd_says(define, entry, verdict):
    claim = rf"\frac{{\partial \tilde{{s}}_i}}{{\partial x_j}} = \delta_{{ij}} - \frac{{e^{{{entry}}}}}{{\sum_k e^{{x_k}}}}"
    v = verify(claim, define=[define], given=VECTOR)
    x = np.random.default_rng(5).normal(size=4)
    p = np.exp(x) / np.exp(x).sum()
    claimed = np.eye(4) - (p[None, :] if entry == "x_j" else p[:, None])  # row i, column j
    assert v.verdict == verdict
    assert np.allclose(jacobian(_log_softmax)(x), claimed) == (verdict == "proved")
    assert r"a ~ glued after a letter (s~) read as its tilde accent, \tilde{s}" in v.message


@pytest.mark.parametrize("text", ["x~N(0, 1)", "z ~ N(0, 1)", "x~p(x)", r"a~\sim b", "s ~ t"])
def test_a_tilde_that_is_distributed_as_or_a_latex_space_is_no_accent(text):
    assert copied_tildes(text) == []


def test_distributed_as_is_still_refused_not_read_as_an_accent():
    v = verify(r"\frac{\partial L}{\partial x} = 2x", define=["L = x^2", "x~N(0,1)"])
    assert v.verdict == "unreadable" and "tilde" not in v.message
