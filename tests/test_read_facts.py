"""symgrad.read facts (``--given``) in the forms real pages write them (issue 9, item 2)."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read import Context, parse_claim, parse_definition, parse_given


def given(*facts: str) -> Context:
    ctx = Context()
    for fact in facts:
        parse_given(fact, ctx)
    return ctx


def shape(ctx: Context, name: str) -> tuple:
    t = ctx.tensors[name]
    return tuple(map(str, t.shape)) if isinstance(t, sp.IndexedBase) else ()


def span(ctx: Context, index: str) -> tuple:
    i = ctx.ranges[index]
    return str(i.lower), str(i.upper)


@pytest.mark.parametrize("text", [
    r"x, w \in \mathbb{R}^n, \quad b \in \mathbb{R}",
    r"x, w \in \mathbb{R}^n; \; b \in \mathbb{R}",
    r"x, w \in \mathbb{R}^n \text{ and } b \in \mathbb{R}",
    r"\text{where } x, w \in \mathbb{R}^{n}, b \in \mathbb{R}",
])
def test_several_facts_in_one_string_each_declare_their_names(text):
    ctx = given(text)
    assert shape(ctx, "x") == shape(ctx, "w") == ("n",)
    assert ctx.tensors["b"] == sp.Symbol("b")


@pytest.mark.parametrize(("text", "index", "bounds"), [
    (r"i = 1, \dots, N", "i", ("1", "N")),
    (r"k = 0, \dots, m-1", "k", ("0", "m - 1")),
    (r"k = 1, 2, \ldots, K", "k", ("1", "K")),
    (r"1 \le i \le n", "i", ("1", "n")),
    (r"0 \le k < m", "k", ("0", "m - 1")),
    (r"i \in [n]", "i", ("1", "n")),
    (r"i \in \{1, \dots, n\}", "i", ("1", "n")),
])
def test_index_ranges_in_every_spelling(text, index, bounds):
    assert span(given(text), index) == bounds


def test_set_powers_give_a_shape_and_a_binary_domain():
    ctx = given(r"y \in \{0, 1\}^{n}", r"Y \in \{0,1\}^{N \times C}")
    assert shape(ctx, "y") == ("n",) and shape(ctx, "Y") == ("N", "C")
    assert ctx.domains["y"] == ctx.domains["Y"] == sp.FiniteSet(0, 1)


@pytest.mark.parametrize(("text", "name", "domain"), [
    (r"p_j > 0", "p", sp.Interval.open(0, sp.oo)),
    (r"0 < \hat{y}_i < 1", "yhat", sp.Interval.open(0, 1)),
    (r"\sigma > 0", "sigma", sp.Interval.open(0, sp.oo)),
    (r"n \geq 3", "n", sp.Interval(3, sp.oo)),
    (r"0 \le p_i \le 1", "p", sp.Interval(0, 1)),
    (r"1 > q", "q", sp.Interval.open(-sp.oo, 1)),
    (r"\lambda \in \mathbb{R}_{>0}", "lambda", sp.Interval.open(0, sp.oo)),
    (r"\epsilon \in (0, 1)", "epsilon", sp.Interval.open(0, 1)),
])
def test_inequalities_and_intervals_are_domains(text, name, domain):
    assert given(text).domains[name] == domain


def test_positive_definiteness_is_noted_not_dropped_silently():
    ctx = given(r"\Sigma \succ 0")
    assert ctx.notes == [r"\Sigma is positive definite: recorded, not used"]


def test_a_point_removed_from_a_space_keeps_its_shape():
    assert shape(given(r"x \in \mathbb{R}^n \setminus \{0\}"), "x") == ("n",)


def test_a_tuple_declares_a_vector_of_its_last_subscript():
    assert shape(given(r"\mathbf{x} = (x_1, \dots, x_n) \in \mathbb{R}^{1 \times n}"), "x") == ("n",)
    assert shape(given(r"p = (p_1, \ldots, p_K)"), "p") == ("K",)


@pytest.mark.parametrize("text", [
    r"w_k \in \mathbb{R}^{D} \text{ for } k = 1, \dots, K",
    r"k = 1, \dots, K, \quad w_k \in \mathbb{R}^{D}",
])
def test_per_class_vectors_are_the_rows_of_a_matrix(text):
    ctx = given(text)
    assert shape(ctx, "w") == ("K", "D") and span(ctx, "k") == ("1", "K")


def test_a_per_sample_vector_used_in_a_definition_is_a_row():
    ctx = given(r"x^{(i)} \in \mathbb{R}^{d}, \; i = 1, \dots, m", r"w \in \mathbb{R}^d")
    assert shape(ctx, "x") == ("m", "d")
    d = parse_definition(r"z_i = w^T x^{(i)}", ctx)
    x, w, (i,) = ctx.tensors["x"], ctx.tensors["w"], d.lhs.indices
    (k, lo, hi), = d.rhs.limits
    assert d.rhs.function == w[k] * x[i, k] and (lo, hi) == (1, sp.Symbol("d", integer=True, positive=True))


def test_a_per_sample_vector_without_a_range_is_refused_with_the_fix_when_n_names_a_number():
    with pytest.raises(ParseError, match=r"range of i \(i = 1, \\dots, N\)"):
        given(r"N \in \mathbb{R}", r"x^{(i)} \in \mathbb{R}^{d}")


def test_a_signature_records_its_sizes():
    ctx = given(r"\ell \colon \mathbb{R}^N \to \mathbb{R}")
    assert "N" in ctx.sizes and "ell" not in ctx.tensors


def test_an_entry_declared_real_leaves_the_vector_shape_alone():
    ctx = given(r"z \in \mathbb{R}^K", r"z_i \in \mathbb{R}")
    assert shape(ctx, "z") == ("K",)


def test_a_constraint_after_a_shape_is_kept_with_its_own_text():
    ctx = given(r"\mathbf{y} \in \{0, 1\}^K, \sum_k y_k = 1")
    (c,) = ctx.constraints
    assert c.reason == r"\sum_k y_k = 1" and c.rhs == 1


def test_facts_read_in_one_string_let_a_claim_be_read():
    ctx = given(r"z \in \mathbb{R}^K, \quad y \in \{0,1\}^K \text{ with } \sum_k y_k = 1")
    parse_definition(r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", ctx)
    parse_definition(r"L = -\sum_k y_k \log p_k", ctx)
    (m,) = parse_claim(r"p_j - y_j", ctx)
    j = ctx.ranges["j"]
    assert m.value == ctx.definitions["p"].lhs.base[j] - ctx.tensors["y"][j] and j.upper == sp.Symbol("K", integer=True, positive=True)


@pytest.mark.parametrize(("text", "where"), [
    (r"x, w", 1),
    (r"y \sim \mathcal{N}(0, 1)", 3),
    (r"x \in \mathbb{C}^n", 7),
])
def test_unreadable_facts_name_the_column(text, where):
    with pytest.raises(ParseError) as e:
        given(text)
    assert e.value.column == where


@pytest.mark.parametrize(("sentence", "name", "dims"), [
    (r"$X$ is a real $m \times n$ matrix", "X", ("m", "n")),
    (r"$y$ is an $m \times 1$ column vector", "y", ("m",)),
    (r"$X$ is $\mathbb{R}^{n \times (p+1)}$", "X", ("n", "p + 1")),
    (r"where $X$ is a matrix in $\mathbb{R}^{n\times n}$", "X", ("n", "n")),
    ("Given a vector x∈Rn", "x", ("n",)),
    (r"Given a scalar $k$", "k", ()),
    (r"Taking the derivative with respect to $w_1$ and treating $\lambda$ as a constant number", "lambda", ()),
])
def test_facts_written_as_sentences_declare_their_shapes(sentence, name, dims):
    assert shape(given(sentence), name) == dims


def test_a_sentence_symgrad_does_not_know_is_refused_not_guessed():
    with pytest.raises(ParseError):
        given("y is close to the target")


@pytest.mark.parametrize("sentence", ["y is the one-hot target", "y is the one-hot encoded target vector",
                                      "y is the one-hot true label"])
def test_the_one_hot_target_reads_as_a_one_hot_vector(sentence):
    assert [name for name, _ in given(sentence).one_hot] == ["y"]


@pytest.mark.parametrize(("sentence", "name", "dims"), [
    (r"the matrix \boldsymbol{A} is a square matrix with dimension n\times n", "A", ("n", "n")),
    (r"\boldsymbol{x} a vector of length n", "x", ("n",)),
    (r"x a $N \times 1$ vector , with elements $x_i$", "x", ("N",)),
    (r"A a $M \times N$ matrix , with elements $a_{ij}$ ( Symmetric matrix - Block Circulant )", "A", ("M", "N")),
])
def test_more_sentences_of_real_pages(sentence, name, dims):
    assert shape(given(sentence), name) == dims


def test_a_braced_bold_name_is_declared():
    assert shape(given(r"{\boldsymbol \beta }\in \mathbb {R}^2"), "beta") == ("2",)


PER_SAMPLE = [r"x^{(i)} \in \mathbb{R}^{d}", r"w \in \mathbb{R}^{d}"]
SQUARES = [r"L = \frac{1}{2}\sum_{i=1}^{N} (w^T x^{(i)} - y^{(i)})^2"]


def test_a_per_sample_vector_without_a_range_runs_over_n_noted_and_is_proved_against_autograd():
    import autograd
    import autograd.numpy as anp
    import numpy as np

    from symgrad.verify import verify

    rng = np.random.default_rng(5)
    x, y, w = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=3)
    truth = autograd.grad(lambda v: 0.5 * anp.sum((x @ v - y) ** 2))(w)
    assert np.allclose(truth, x.T @ (x @ w - y), rtol=1e-12)
    right = r"\frac{\partial L}{\partial w_j} = \sum_{i=1}^{N} (w^T x^{(i)} - y^{(i)}) x^{(i)}_j"
    v = verify(right, define=SQUARES, given=PER_SAMPLE)
    assert v.verdict == "proved" and "nothing gives the range of i" in v.message
    assert verify(right.replace("- y^{(i)}) x", "+ y^{(i)}) x"), define=SQUARES, given=PER_SAMPLE).verdict == "wrong"
    other = verify(right.replace("^{N}", "^{m}"), define=[SQUARES[0].replace("^{N}", "^{m}")], given=PER_SAMPLE)
    # the sums say m: the size N invented for i gives way to the first bound written, noted (read/provisional)
    assert other.verdict == "proved" and "the size N that the reader gave an index nothing sized is m" in other.message
    wrong = right.replace("^{N}", "^{m}").replace("- y^{(i)}) x", "+ y^{(i)}) x")
    assert verify(wrong, define=[SQUARES[0].replace("^{N}", "^{m}")], given=PER_SAMPLE).verdict == "wrong"


@pytest.mark.parametrize("fact", [r"\beta = (\beta_1, \beta_2)^T", r"\beta = [\beta_1, \beta_2]^\top",
                                  r"\beta = (\beta_1, \beta_2)"])
def test_a_vector_by_its_components_written_as_a_transposed_row_has_that_many_entries(fact):
    from symgrad import verify

    ctx = Context()
    parse_given(fact, ctx)
    assert ctx.tensors["beta"].shape == (2,)
    of = r"\frac{\partial}{\partial \beta} \sum_k \beta_k^2"
    assert verify(r"2\beta", of=of, given=[fact]).verdict in ("proved", "agrees")
    assert verify(r"\beta", of=of, given=[fact]).verdict == "wrong"
