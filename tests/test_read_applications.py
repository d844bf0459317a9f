"""A name applied to a parenthesised argument and then indexed, ``[S(y)]_w`` or ``S(y)_w``: where a definition's head
writes it so, the name is that vector function everywhere, its element where indexed (never S times y)."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import jacobian

import symgrad

SOFTMAX = r"\frac{e^{y_w}}{\sum_j e^{y_j}}"


def _log_softmax_jacobian_diagonal_minus_softmax() -> bool:
    """Autograd's d log S_w / d y_i equals delta_iw - S_i (the right claim) at a random point."""
    y = np.random.default_rng(0).normal(size=4)
    s = np.exp(y) / np.exp(y).sum()
    jac = jacobian(lambda v: anp.log(anp.exp(v) / anp.sum(anp.exp(v))))(y)
    return np.allclose(jac, np.eye(4) - s[None, :], atol=1e-12)


@pytest.mark.parametrize("head, element", [
    (r"[S(y)]_w", r"[S(y)]_{%s}"),  # the bracketed head, as lecture notes on the softmax write it
    (r"S(y)_w", r"S(y)_{%s}"),
    (r"\left[S(y)\right]_w", r"\left[S(y)\right]_{%s}"),
])
def test_log_softmax_derivative_is_delta_minus_softmax_with_an_applied_indexed_head(head, element):
    """``[S(y)]_w = e^{y_w} / \\sum_j e^{y_j}`` defines the softmax S; ``\\log([S(y)]_w)`` in the claim is log S_w, not
    log(S y_w). The mnn docs write the same head, ``y_i(x) = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}``
    (https://github.com/w32zhong/mnn/blob/master/docs/mnn.layer.SoftmaxLayer.md)."""
    assert _log_softmax_jacobian_diagonal_minus_softmax()
    lhs = rf"\frac{{\partial \log({element % 'w'})}}{{\partial y_i}}"
    right = symgrad.verify(rf"{lhs} = \delta_{{iw}} - {element % 'i'}", define=[f"{head} = {SOFTMAX}"])
    wrong = symgrad.verify(rf"{lhs} = \delta_{{iw}} + {element % 'i'}", define=[f"{head} = {SOFTMAX}"])
    assert right.verdict in ("proved", "agrees"), right
    assert wrong.verdict == "wrong", wrong
