"""Sum bounds as pages write them. A bound named with a subscript is one size (deeplearning.ai's ``n_x``, the input
size: ``z = \\sum_{i=1}^{n_x} w_i x_i + b``, community.deeplearning.ai 105921; ``\\sum_{t=1}^{T_y}``,
theintrance.github.io deep-learning-specialization notes; ``N_{train}``), the same size a space's power names
(``x \\in \\mathbb{R}^{n_x}``); never the letter n with an index x. A letter a claim writes only as a bound
(``\\sum_{b=1}^{B}``, the rmsnorm kernel notes of hyperdrive) is a size, as it is in a definition."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given


@pytest.mark.parametrize(("written", "size"), [(r"z = \sum_{i = 1}^{n_x} w_i x_i + b", "n_{x}"),
                                               (r"z = \sum_{i=1}^{n_{x}} w_i x_i + b", "n_{x}"),
                                               (r"z = \sum_{t=1}^{T_y} w_t x_t + b", "T_{y}"),
                                               (r"z = \sum_{i=1}^{N_{train}} w_i x_i + b", "N_{train}")])
def test_a_subscripted_bound_is_one_size(written, size):
    d = parse_definition(written, Context())
    (total,) = d.rhs.atoms(sp.Sum)
    assert str(total.limits[0][2]) == size
    assert {str(e.base.shape[0]) for e in total.function.atoms(sp.Indexed)} == {size}


def test_a_subscripted_bound_is_the_size_a_space_declares():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^{n_x}", ctx)
    d = parse_definition(r"z = \sum_{i = 1}^{n_x} w_i x_i + b", ctx)
    (total,) = d.rhs.atoms(sp.Sum)
    assert str(total.limits[0][2]) == "n_{x}" and str(ctx.tensors["x"].shape[0]) == "n_{x}"


def test_the_logistic_unit_gradient_by_w_1_is_x_1():
    x = np.array([0.3, -1.2, 2.0])
    assert grad(lambda w: anp.dot(w, x) + 0.5)(np.ones(3))[0] == x[0]  # autograd
    define = [r"z = \displaystyle \sum_{i = 1}^{n_x} w_i x_i + b"]
    assert symgrad.verify(r"\frac {\partial z}{\partial w_1} = x_1", define=define).verdict == "proved"
    assert symgrad.verify(r"\frac {\partial z}{\partial w_1} = w_1", define=define).verdict == "wrong"


def test_a_letter_the_claim_writes_only_as_a_bound_is_a_size():
    rng = np.random.default_rng(4)
    x, w, g = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(3, 4))

    def loss(w):
        r = anp.sqrt(anp.mean(x ** 2, axis=1) + 1e-5)
        return anp.sum(g * w * x / r[:, None])  # L known through dL/dy = g

    r = np.sqrt(np.mean(x ** 2, axis=1) + 1e-5)
    assert np.allclose(grad(loss)(w), np.sum(g * x / r[:, None], axis=0))
    define = [r"y_{ij} = \frac{w_j x_{ij}}{r_i}", r"r_i = \sqrt{ \frac{1}{H} \sum_{h=1}^H x_{ih}^2 + \epsilon }"]
    right = symgrad.verify(r"\frac{\partial L}{\partial w_j} = \sum_{b=1}^{B} \frac{\partial L}{\partial y_{bj}} "
                           r"\frac{x_{bj}}{r_b}", define=define)
    assert right.verdict == "proved"
    wrong = symgrad.verify(r"\frac{\partial L}{\partial w_j} = \sum_{b=1}^{B} \frac{\partial L}{\partial y_{bj}} "
                           r"x_{bj} r_b", define=define)
    assert wrong.verdict == "wrong"


def test_a_bound_written_before_the_subscript_is_the_upper_bound_not_a_subscripted_size():
    d = parse_definition(r"f = \sum^N_{i} \sum^N_{j} x_i a_{ij} x_j", Context())  # notion.so quadratic-form notes
    assert {str(limit[2]) for s in d.rhs.atoms(sp.Sum) for limit in s.limits} == {"N"}
