"""Bold groups that are products of matrices (read/bold): ``\\mathbf{WHH}^T`` is W H H^T, as typeset (the superscript
sits on the last letter), when each capital is a name of the problem; an acronym (``\\mathbf{MSE}``) stays one name.
Judged: the gradient of ||WH - X||_F^2 by W is 2 W H H^T - 2 X H^T (the Matrix Cookbook, eq. 116 with A = H)."""

from __future__ import annotations

import pytest

import symgrad
from symgrad.read.bold import spread_bold
from symgrad.read.tokens import _tokens


def _spread(text: str, known: frozenset[str] = frozenset()) -> str | None:
    toks = list(_tokens(text))
    pos = max(k for k, t in enumerate(toks) if t.text == r"\mathbf")
    out = spread_bold(toks, pos, lambda letter: letter in known)
    return None if out is None else " ".join(t.text for t in out[0][:-1])


def test_a_superscript_after_a_product_written_together_is_on_its_last_letter():
    assert _spread(r"\mathbf{XH}^T") == r"\mathbf { X } \mathbf { H } ^ T"


def test_three_capitals_are_a_product_only_where_each_is_a_name():
    assert _spread(r"\mathbf{WH} - 2\mathbf{WHH}^T") == \
        r"\mathbf { W H } - 2 \mathbf { W } \mathbf { H } \mathbf { H } ^ T"
    assert _spread(r"2\mathbf{MWW}^T", frozenset("MW")) == r"2 \mathbf { M } \mathbf { W } \mathbf { W } ^ T"
    assert _spread(r"\mathbf{MSE} + 1") is None


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\nabla_{W}||\mathbf{WH} - \mathbf{X}||_F^2 = 2\mathbf{WHH}^T - 2 \mathbf{XH}^T", "proved"),
    (r"\nabla_{W}||\mathbf{WH} - \mathbf{X}||_F^2 = 2\mathbf{WHH}^T - \mathbf{XH}^T", "wrong"),
])
def test_the_frobenius_gradient_written_in_bold_groups(claim, verdict):
    assert symgrad.verify(claim).verdict == verdict
