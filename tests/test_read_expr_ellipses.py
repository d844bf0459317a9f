"""Sums written out with dots (``x_1 + x_2 + \\dots + x_n``, ``(x_1-a_1)^2+\\cdots +(x_n-a_n)^2``,
``w_0x_0+w_1x_1+...+w_{m-1}x_{m-1}``, ``\\theta_1 x_1 + \\theta_2 x_2 + ....``) are the sum over the index that
varies, noted; terms that form no run are refused naming the dots."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad
from test_read_expr_ones import _read  # a definition read after its facts

import symgrad
from symgrad.errors import ParseError

n, m = (sp.Symbol(s, integer=True, positive=True) for s in "nm")


def test_a_distance_written_out_with_cdots_is_the_root_of_a_sum_to_n():
    defn, ctx = _read(r"f = \sqrt{(x_1-a_1)^2+\cdots +(x_n-a_n)^2}", r"x \in \mathbb{R}^n", r"a \in \mathbb{R}^n")
    x, a = ctx.tensors["x"], ctx.tensors["a"]
    i = sp.Idx(sp.Symbol("i", integer=True), (1, n))
    assert defn.rhs.dummy_eq(sp.sqrt(sp.Sum((x[i] - a[i]) ** 2, (i, 1, n))))
    assert any(r"read as \sum_{i=1}^{n}" in note for note in ctx.notes)


def test_a_sum_from_zero_to_m_minus_one_is_the_m_terms_and_a_run_without_a_last_term_takes_the_range_in_play():
    defn, _ = _read(r"y = w_0x_0+w_1x_1+...+w_{m-1}x_{m-1}")
    (s,) = defn.rhs.atoms(sp.Sum)
    k = s.variables[0]
    assert (s.limits[0][1], s.limits[0][2]) == (1, m) and str(s.function) == f"w[{k}]*x[{k}]"
    defn, ctx = _read(r"y = x_1 + x_2 + \dots", r"x \in \mathbb{R}^n")
    i = sp.Idx(sp.Symbol("i", integer=True), (1, n))
    assert defn.rhs.dummy_eq(sp.Sum(ctx.tensors["x"][i], (i, 1, n)))


@pytest.mark.parametrize("written", [r"y = a_1 + b_2 + \dots + a_n", r"y = x_1 + x_2 + \dots + y_n", r"y = x_1 + \dots"])
def test_terms_that_form_no_run_are_refused_naming_the_dots(written):
    with pytest.raises(ParseError, match=r"\\dots"):
        _read(written)


def test_the_partial_of_a_sigmoid_of_a_linear_form_written_out_is_proved_and_a_lost_x_is_wrong():
    rng = np.random.default_rng(7)
    theta, x = rng.normal(size=4), rng.normal(size=4)
    x[0] = 1.0  # theta_0 is the intercept
    sig = 1 / (1 + np.exp(-theta @ x))
    assert np.allclose(grad(lambda t: 1 / (1 + anp.exp(-t @ x)))(theta)[1:], sig * (1 - sig) * x[1:], rtol=1e-12)
    define = [r"z = \theta_0 + \theta_1 x_1 + \theta_2 x_2 + ...."]
    right = symgrad.verify(r"\frac{\partial}{\partial\theta_i} \sigma(z) = \sigma(z) (1 - \sigma(z)) x_i", define=define)
    assert right.verdict == "proved" and r"read as \sum_{i} \theta_ix_i" in right.message
    wrong = symgrad.verify(r"\frac{\partial}{\partial\theta_i} \sigma(z) = \sigma(z) (1 - \sigma(z))", define=define)
    assert wrong.verdict == "wrong"


def test_an_empty_upper_bound_is_no_bound_and_primed_indices_are_letters_of_their_own():
    defn, ctx = _read(r"L = \sum_{k}^{ } a_k", r"a \in \mathbb{R}^n")
    k = sp.Idx(sp.Symbol("k", integer=True), (1, n))
    assert defn.rhs.dummy_eq(sp.Sum(ctx.tensors["a"][k], (k, 1, n)))
    defn, ctx = _read(r"q = \sum_{i'=1}^n \sum_{j'=1}^n a_{i', j'} x_{i'} x_{j'}")
    a, x = ctx.tensors["a"], ctx.tensors["x"]
    (s,) = [e for e in defn.rhs.atoms(sp.Sum) if len(e.limits) == 2] or [defn.rhs]
    u, v = (lim[0] for lim in s.limits)
    assert defn.rhs.dummy_eq(sp.Sum(a[v, u] * x[v] * x[u], *s.limits)) or defn.rhs.dummy_eq(
        sp.Sum(a[u, v] * x[u] * x[v], *s.limits))
    assert any("i' read as" in note for note in ctx.notes)


def test_the_gradient_of_a_quadratic_form_with_primed_indices_is_proved_and_2ax_is_not():
    rng = np.random.default_rng(8)
    A, x = rng.normal(size=(3, 3)), rng.normal(size=3)
    assert np.allclose(grad(lambda x: x @ A @ x)(x), (A + A.T) @ x, rtol=1e-12)  # autograd
    define = [r"q = \sum_{i'=1}^n \sum_{j'=1}^n a_{i', j'} x_{i'} x_{j'}"]
    given = [r"a \in \mathbb{R}^{n \times n}", r"x \in \mathbb{R}^{n}"]
    right = symgrad.verify(r"\frac{\partial q}{\partial x_m} = \sum_{k=1}^n (a_{mk} + a_{km}) x_k", define=define,
                           given=given)
    assert right.verdict == "proved"
    wrong = symgrad.verify(r"\frac{\partial q}{\partial x_m} = 2\sum_{k=1}^n a_{mk} x_k", define=define, given=given)
    assert wrong.verdict == "wrong"


def test_the_entries_of_a_vector_written_out_are_the_vector_and_the_gradient_of_its_square_is_proved():
    defn, ctx = _read(r"y = 2(x_1,\ldots,x_n)", r"x \in \mathbb{R}^n")
    assert defn.rhs == 2 * ctx.tensors["x"][defn.lhs.indices[0]]
    x = np.array([0.4, -1.3, 2.2])
    assert np.allclose(grad(lambda v: v @ v)(x), 2 * x)  # autograd
    assert symgrad.verify(r"\nabla x^Tx = 2(x_1,\ldots,x_n)=2x").verdict == "proved"
    assert symgrad.verify(r"\nabla x^Tx = 3(x_1,\ldots,x_n)").verdict == "wrong"
