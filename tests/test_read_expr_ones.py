"""The vector of ones wherever it stands (``b\\mathbf{1}``, ``\\mathbf{1} - y``, ``\\mathbb{1}_d``, ``1^T z``,
``\\mathbb{1}\\mathbb{1}^\\top``): a column of ones whose length its use (or its subscript) gives, noted; with a
relation after it, an indicator. Bold over a formula (``\\textbf{Xw}``) is bold on each letter."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_given

n, d = (sp.Symbol(s, integer=True, positive=True) for s in "nd")


def _read(definition: str, *given: str) -> tuple[sp.Basic, Context]:
    ctx = Context()
    for fact in given:
        parse_given(fact, ctx)
    return parse_definition(definition, ctx), ctx


def test_a_bias_times_the_ones_vector_adds_b_to_every_row_of_xw():
    defn, ctx = _read(r"z = X w + b\mathbf{1}", r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}")
    X, w = ctx.tensors["X"], ctx.tensors["w"]
    (i,) = defn.lhs.indices
    k = next(iter(defn.rhs.atoms(sp.Sum))).variables[0]
    assert defn.rhs.dummy_eq(sp.Sum(X[i, k] * w[k], (k, 1, d)) + sp.Symbol("b"))
    assert r"\mathbf{1} read as a vector of ones, of the length its use gives" in ctx.notes


def test_one_transposed_times_a_vector_is_its_sum_and_ones_minus_y_is_elementwise():
    defn, ctx = _read(r"f = \frac{1}{1^T z}", r"z \in \mathbb{R}^{n}")
    z = ctx.tensors["z"]
    k = next(iter(defn.rhs.atoms(sp.Sum))).variables[0]
    assert defn.rhs.dummy_eq(1 / sp.Sum(z[k], (k, 1, n)))
    defn, ctx = _read(r"u = \mathbf{1} - y", r"y \in \mathbb{R}^{n}")
    assert defn.rhs == 1 - ctx.tensors["y"][defn.lhs.indices[0]]


def test_the_ones_vector_of_a_stated_length_and_its_outer_product():
    defn, ctx = _read(r"c = x - \mu \mathbb{1}_d", r"x \in \mathbb{R}^{d}")
    assert defn.rhs == ctx.tensors["x"][defn.lhs.indices[0]] - sp.Symbol("mu")
    defn, ctx = _read(r"C = \mathbb{1}\mathbb{1}^\top - x x^T", r"x \in \mathbb{R}^{d}")
    i, j = defn.lhs.indices
    assert defn.lhs.base.shape == (d, d) and defn.rhs == 1 - ctx.tensors["x"][i] * ctx.tensors["x"][j]


def test_a_ones_vector_nothing_gives_a_length_is_refused_and_an_indicator_stays_one():
    with pytest.raises(ParseError, match="length of the ones vector"):
        _read(r"s = \mathbf{1}^T \mathbf{1}")
    defn, ctx = _read(r"L = \mathbb{1}[y_1 > 0]", r"y \in \mathbb{R}^{n}")
    assert defn.rhs == sp.Piecewise((1, ctx.tensors["y"][1] > 0), (0, True))


def test_textbf_over_a_product_is_bold_on_each_letter():
    defn, ctx = _read(r"r = \textbf{Ax - b}")
    assert ctx.tensors["A"].shape == (sp.Symbol("m", integer=True, positive=True), n)
    assert ctx.tensors["b"].shape[0] == ctx.tensors["A"].shape[0]
    defn, ctx = _read(r"L = \textbf{Loss} + 1")
    assert defn.rhs == sp.Symbol("Loss") + 1


def test_the_logistic_bias_gradient_as_ones_transposed_is_proved_and_without_it_is_not():
    rng = np.random.default_rng(6)
    X, y, w, b = rng.normal(size=(5, 3)), rng.integers(0, 2, size=5).astype(float), rng.normal(size=3), 0.3
    def loss(b):
        p = 1 / (1 + anp.exp(-(X @ w + b)))
        return -anp.sum(y * anp.log(p) + (1 - y) * anp.log(1 - p))
    p = 1 / (1 + np.exp(-(X @ w + b)))
    assert np.isclose(grad(loss)(b), np.ones(5) @ (p - y), rtol=1e-12)  # autograd
    given = [r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
    define = [r"p = \sigma(X w + b\mathbf{1})", r"L = -\sum_{i=1}^{n} (y_i \log p_i + (1 - y_i) \log(1 - p_i))"]
    right = symgrad.verify(r"\frac{\partial L}{\partial b} = \mathbf{1}^\top (p - y)", define=define, given=given)
    assert right.verdict == "proved"
    wrong = symgrad.verify(r"\frac{\partial L}{\partial b} = \mathbf{1}^\top (y - p)", define=define, given=given)
    assert wrong.verdict == "wrong"


SOFTMAX_BY_ONES = [r"f(x) = \frac{\exp(x)}{1^T\exp(x)}", r"F = {\rm Diag}(f)"]


def test_the_letter_a_transposed_ones_vector_sums_is_a_vector_and_the_softmax_jacobian_is_diag_minus_outer():
    from autograd import jacobian

    x = np.array([0.3, -1.2, 0.5])
    p = np.exp(x) / np.sum(np.exp(x))
    truth = jacobian(lambda v: anp.exp(v) / anp.sum(anp.exp(v)))(x)  # autograd
    assert np.allclose(truth, np.diag(p) - np.outer(p, p), rtol=1e-12)
    right = symgrad.verify(r"\frac{\partial f}{\partial x} &= F - ff^T", define=SOFTMAX_BY_ONES)
    assert right.verdict == "proved" and "x read as a vector of size m: 1^T sums it" in right.message
    assert symgrad.verify(r"\frac{\partial f}{\partial x} &= F - 2ff^T", define=SOFTMAX_BY_ONES).verdict == "wrong"


def test_a_number_after_a_transposed_ones_vector_is_refused_not_read_as_a_row():
    with pytest.raises(symgrad.ParseError, match="1\\^T v sums a vector"):
        parse_definition(r"h = 1^T x_i", Context())
