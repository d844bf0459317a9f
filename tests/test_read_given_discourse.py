"""Facts as pages lead into them (``First, notice that $i_1 = x$ and $\\hat{y} = a_2$``, ``Throughout the entire paper
$n$ means the amount of samples``, ``Layer 2: W \\in ...``, ``층2: ...``, ``Let function $f : \\mathbb{R}^n \\to
\\mathbb{R}$ be defined by``): the words that only lead in are dropped, the facts read; the word and between two
facts separates them, never a product a n d."""

import pytest

import symgrad
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.prose import from_prose


@pytest.mark.parametrize("claim, verdict", [("2 x", "proved"), ("x", "wrong")])
def test_facts_after_first_notice_that_are_read_each(claim, verdict):
    v = symgrad.verify(claim=rf"\frac{{\partial L}}{{\partial x}} = {claim}", define=["L = i_1^2"],
                       given=[r"First, notice that $i_1 = x$ and $\hat{y} = a_2$."])
    assert v.verdict == verdict, v.message
    assert "i_1 = x (among the facts) read as a definition" in v.message


def test_and_between_two_facts_is_no_product():
    v = symgrad.verify(claim=r"\frac{\partial L}{\partial x} = 2 x", define=["L = i_1^2"], given=[r"i_1 = x and y = 2"])
    assert v.verdict == "proved", v.message


@pytest.mark.parametrize("text", ["Throughout the entire paper $n$ means the amount of samples in the training set.",
                                  "where $m$ denotes the count of examples", "$N$ is the number of samples"])
def test_a_count_of_samples_is_a_size(text):
    ctx = Context()
    parse_given(text, ctx)
    assert len(ctx.sizes) == 1


def test_an_amount_of_something_uncounted_is_no_size():
    assert from_prose(r"$\lambda$ is the amount of regularization")[0] != r"\lambda \in \mathbb{N}"


@pytest.mark.parametrize("text", ["Layer 2: W₂ ∈ ℝᵐˣᵏ, b₂ ∈ ℝᵏ", "층2: W₂ ∈ ℝᵐˣᵏ, b₂ ∈ ℝᵏ"])
def test_a_caption_with_its_number_before_the_facts(text):
    ctx = Context()
    parse_given(text, ctx)
    assert [str(s) for s in ctx.tensors["W_2"].shape] == ["m", "k"]
    assert [str(s) for s in ctx.tensors["b_2"].shape] == ["k"]


def test_a_signature_with_its_words_around():
    ctx = Context()
    parse_given(r"Let function $f : \mathbb{R}^n \to \mathbb{R}$ be defined by", ctx)
    assert "n" in ctx.sizes


@pytest.mark.parametrize("text", [r"$x$ is my input vector and $y_i$ is the corresponding label here.",
                                  "y is the corresponding label"])
def test_a_role_said_with_my_or_corresponding_only_describes(text):
    facts, notes = from_prose(text)
    assert facts == "" and all("describes, states nothing symgrad uses" in n for n in notes) and notes
