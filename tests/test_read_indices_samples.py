"""Per-sample vectors: x_i \\in \\mathbb{R}^n makes x a matrix of rows x_i. A glued ``x_iy_i`` is x_i times y_i (the
last letter has a subscript of its own), never the entry x_{iy} followed by a stray ``_i``: the perceptron pages
write ``-w^Tx_iy_i`` (math.stackexchange 3627345), ``y_ix_{ij}`` (shortscience.org, perceptron notes) and
``w_nx_n`` (ai.stackexchange 28365)."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given

SAMPLES = [r"w \in \mathbb{R}^n", r"x_i \in \mathbb{R}^n"]


@pytest.mark.parametrize("written", [r"J = \sum_{i=1}^{M}-w^Tx_iy_i", r"J = \sum_{i=1}^{M}-y_iw^Tx_i",
                                     r"J = -\sum_{i=1}^{M} w^T x_i y_i"])
def test_a_glued_x_i_y_i_is_row_i_of_x_times_y_i(written):
    ctx = Context()
    for fact in SAMPLES:
        parse_given(fact, ctx)
    d = parse_definition(written, ctx)
    entries = {(str(e.base), tuple(str(i) for i in e.indices)) for e in d.rhs.atoms(sp.Indexed)}
    (k,) = {e[1][1] for e in entries if e[0] == "x"}
    assert entries == {("w", (k,)), ("x", ("i", k)), ("y", ("i",))}  # x_i^T w y_i: no x_{iy}


def test_the_perceptron_gradient_over_glued_samples_is_proved_and_its_lost_sign_is_wrong():
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(4, 3)), rng.choice([-1.0, 1.0], size=4)
    assert np.allclose(grad(lambda w: -anp.sum((x @ w) * y))(rng.normal(size=3)), -(y @ x))  # autograd
    define, of = [r"J(w) = \sum_{i=1}^{M}-w^Tx_iy_i"], r"\frac{\partial J(w)}{\partial w}"
    assert symgrad.verify(r"\sum_{i=1}^{M}-x_iy_i", of=of, define=define, given=SAMPLES).verdict == "proved"
    assert symgrad.verify(r"\sum_{i=1}^{M}x_iy_i", of=of, define=define, given=SAMPLES).verdict == "wrong"
