"""symgrad.read a per-sample head whose right side uses the sample's label (issue 9): ``L_i = \\sum_{j \\neq y_i}
\\max(0, ...)`` has y_i free on the right, a function of the i the head carries: the head is L_{i, y_i} (noted), and
L_i written again is that element. References are autograd gradients of the multiclass hinge at random points."""

from __future__ import annotations

import numpy as np
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition
from symgrad.read.claims import parse_claim

HINGE = r"L_i = \sum_{j\neq y_i} \max(0, \sum_k w_{jk} x_{ik} - \sum_k w_{y_i k} x_{ik} + \Delta)"
MARGIN = r"\mathbb{1}(\sum_k w_{jk} x_{ik} - \sum_k w_{y_i k} x_{ik} + \Delta > 0)"


def _hinge(W, x, y, delta=1.0):
    scores = W @ x
    others = anp.arange(W.shape[0]) != y
    return anp.sum(others * anp.maximum(0, scores - scores[y] + delta))


def test_the_reference_other_class_gradient_is_the_margin_indicator_times_the_sample():
    rng = np.random.default_rng(3)
    W, x, y, j = rng.normal(size=(4, 3)), rng.normal(size=3), 1, 2
    margin = W[j] @ x - W[y] @ x + 1.0 > 0
    assert np.allclose(grad(_hinge)(W, x, y)[j], margin * x, atol=1e-12)


def test_a_label_of_the_heads_index_joins_the_head():
    ctx = Context()
    d = parse_definition(HINGE, ctx)
    assert d.lhs.base.label == sp.Symbol("L") and [str(k) for k in d.lhs.indices] == ["i", "y_i"]
    assert any("read as L_{i, y_i}" in n for n in ctx.notes)


def test_the_other_class_gradient_of_the_per_sample_hinge_holds_and_its_sign_slip_is_wrong():
    claim = r"\frac{\partial L_i}{\partial w_{jm}} = " + MARGIN + " x_{im}"
    assert verify(claim, define=[HINGE], assume=[r"j \neq y_i"]).verdict in ("proved", "agrees")
    slip = claim.replace("= ", "= -", 1)
    assert verify(slip, define=[HINGE], assume=[r"j \neq y_i"]).verdict == "wrong"


def test_a_vector_claim_for_the_gradient_by_the_labels_row_lies_along_the_row():
    ctx = Context()
    parse_definition(r"L_i = -w_{y_i}^T x_i + \log \sum_j e^{w_j^T x_i}", ctx)
    derivative, claim = parse_claim(r"\nabla_{w_{y_i}} L_i = -x_i", ctx)
    row = derivative.value.var
    assert str(derivative.value.of) == "L[i, y_i]" and str(row.indices[0]) == "y_i"
    (x,) = claim.value.atoms(sp.Indexed)
    assert claim.value == -x and x.base.label == sp.Symbol("x") and x.indices[1] == row.indices[1]
