"""Facts written as sentences (issue 9 item 2, ``read/prose.py``): shapes, sizes and roles in the words pages use
(structure in words: test_read_facts_statements.py); a description that states no constraint is noted, never
silently taken for one."""

import pytest
import sympy as sp

import symgrad
from symgrad import parse
from symgrad.errors import ParseError


def given(*facts: str) -> parse.Context:
    ctx = parse.Context()
    for fact in facts:
        parse.parse_given(fact, ctx)
    return ctx


def dims(ctx: parse.Context, name: str) -> tuple[str, ...]:
    return tuple(map(str, ctx.tensors[name].shape))


@pytest.mark.parametrize(("sentence", "name", "shape"), [
    (r"X is n \times n", "X", ("n", "n")),
    (r"$X$ is $n \times d$", "X", ("n", "d")),
    (r"$W$ is of size $d \times K$", "W", ("d", "K")),
    (r"Let $X \in \mathbb{R}^{n \times d}$ be the design matrix and $y \in \mathbb{R}^n$ the targets", "y", ("n",)),
    (r"$\boldsymbol{X} \in \mathbb{R}^{N \times N}$ is an $N \times N$ invertible matrix", "X", ("N", "N")),
])
def test_shapes_stated_in_words(sentence, name, shape):
    assert dims(given(sentence), name) == shape


@pytest.mark.parametrize("sentence", [r"$N$ is the batch size", r"$K$ classes", r"$n$ samples and $d$ features",
                                      r"$m$ is the number of training examples"])
def test_counts_in_words_are_sizes(sentence):
    ctx = given(sentence)
    assert ctx.sizes and all(s.is_integer and s.is_positive for s in ctx.sizes.values())


@pytest.mark.parametrize(("sentence", "name", "domain"), [
    (r"$\lambda > 0$ is the regularization parameter", "lambda", sp.Interval.open(0, sp.oo)),
    (r"$\lambda$ is a positive constant", "lambda", sp.Interval.open(0, sp.oo)),
    (r"$y_i \in \{0,1\}$ for $i = 1, \dots, n$", "y", sp.FiniteSet(0, 1)),
])
def test_a_fact_followed_by_its_role_keeps_the_fact(sentence, name, domain):
    assert given(sentence).domains[name] == domain


@pytest.mark.parametrize("sentence", [r"$y_i$ is the true label", r"$I$ is the identity matrix",
                                      r"$\mathbf{1}$ is the vector of ones", r"$\Sigma$ is invertible",
                                      r"$X$ has full column rank", r"$\epsilon$ is a small constant"])
def test_a_description_that_states_no_constraint_is_noted_or_read_as_a_scalar(sentence):
    ctx = given(sentence)
    assert not ctx.constraints and not ctx.domains and not ctx.structured
    assert ctx.notes or ctx.tensors


def test_a_fact_with_a_property_in_its_words_is_not_dropped_as_a_description():
    with pytest.raises(ParseError):
        given(r"$p \in \mathbb{R}^K$ is a probability vector that sums to one")


@pytest.mark.parametrize("sentence", [r"where $\sigma$ is the sigmoid function", r"$g$ is the logistic sigmoid"])
def test_a_function_named_the_sigmoid_is_defined_as_it(sentence):
    name = "sigma" if "sigma" in sentence else "g"
    letter = "\\sigma" if name == "sigma" else "g"
    verdict = symgrad.verify(rf"\frac{{dL}}{{dz}} = {letter}(z) - 1", define=[rf"L = -\log {letter}(z)"],
                             given=[sentence])
    assert verdict.verdict == "proved", verdict.message


@pytest.mark.parametrize("sentence", ["y is a one-hot vector", r"$\mathbf{y}$ is a one-hot encoded vector",
                                      r"the labels $y$ are one-hot"])
def test_one_hot_in_the_words_pages_use(sentence):
    assert [name for name, _ in given(sentence).one_hot] == ["y"]


@pytest.mark.parametrize("fact", [r"the upstream gradient is $\frac{\partial L}{\partial Y} = G$",
                                  r"\frac{\partial L}{\partial Y} = G \in \mathbb{R}^{n \times m}",
                                  r"$G = \nabla_Y L$"])
def test_an_upstream_gradient_in_a_sentence_or_with_its_space_gives_the_matrix_vjp(fact):
    verdict = symgrad.verify(r"\frac{\partial L}{\partial X} = G W^T", define=["Y = XW"],
                             given=[r"W \in \mathbb{R}^{d \times m}", r"X \in \mathbb{R}^{n \times d}", fact])
    assert verdict.verdict == "proved", verdict.message
    wrong = symgrad.verify(r"\frac{\partial L}{\partial X} = G W", define=["Y = XW"],
                           given=[r"W \in \mathbb{R}^{d \times d}", r"X \in \mathbb{R}^{d \times d}", fact])
    assert wrong.verdict == "wrong", wrong.message


def test_a_caption_before_a_fact_or_a_definition_is_not_part_of_it():
    assert dims(given(r"Shapes: $X \in \mathbb{R}^{n \times d}$"), "X") == ("n", "d")
    assert parse.where_clauses(r"Softplus function: f(x) = \ln(1 + e^x)") == (r"f(x) = \ln(1 + e^x)", [])
    verdict = symgrad.verify(r"f'(x) = \frac{e^x}{1 + e^x}", define=[r"Softplus function: f(x) = \ln(1 + e^x)"])
    assert verdict.verdict == "proved", verdict.message
