"""A glossary of names as pages list them: ``m = number of instances in the dataset``, ``x = input vector for the
prediction`` (https://stats.stackexchange.com/questions/517820, Géron's notation), ``m = number of training examples``,
``x = "input" variable`` (https://velog.io/@pos1504/courseramachinelearning), ``$x$ - the input variable, the input
feature``, ``$m$ - the total number of the training examples (training data points)`` (https://fxfyfz.blogspot.com/),
``X = input variable / feature (in this case, Size)`` (rashida048, in
https://huggingface.co/datasets/nvidia/Nemotron-CC-Math-v1). A count is a size; a role is noted and dropped; words
that state a constraint (one-hot) are not dropped as a role."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


def _read(given: str) -> tuple[dict, dict, list]:
    ctx = Context()
    parse_given(given, ctx)
    return dict(ctx.tensors), dict(ctx.sizes), ctx.notes


@pytest.mark.parametrize("words", ["m = number of instances in the dataset", "m = number of training examples",
                                   "$m$ - the total number of the training examples (training data points)",
                                   "m: number of samples"])
def test_a_count_in_a_glossary_is_the_natural_number_its_formula_says(words):
    assert _read(words)[:2] == _read(r"m \in \mathbb{N}")[:2]


@pytest.mark.parametrize("words", ["x = input vector for the prediction", "y = label for the input vector",
                                   'x = "input" variable', "$x$ - the input variable, the input feature",
                                   "X = input variable / feature (in this case, Size)",
                                   "Y = output variable / target variable (in this case, Price)"])
def test_a_role_in_a_glossary_adds_no_fact_and_is_noted(words):
    tensors, sizes, notes = _read(words)
    assert not tensors and not sizes and any("describes, states nothing symgrad uses" in n for n in notes)


@pytest.mark.parametrize("words", ["y = label of the one-hot class", "y = labels (one-hot)"])
def test_a_role_whose_words_state_a_constraint_is_not_dropped(words):
    with pytest.raises(ParseError):
        parse_given(words, Context())


def test_the_mse_gradient_with_a_glossary_given_is_two_over_m_times_the_residuals_times_x():
    given = ["m = number of instances in the dataset", "x = input vector for the prediction",
             "y = label for the input vector"]
    define = [r"J(\theta) = \frac{1}{m} \sum_{i=1}^m (\theta x_i - y_i)^2"]
    of = r"\frac{\partial J}{\partial \theta}"
    right = verify(r"\frac{2}{m} \sum_{i=1}^m (\theta x_i - y_i) x_i", of=of, define=define, given=given)
    assert right.verdict in ("proved", "agrees"), right.message
    assert verify(r"\frac{1}{m} \sum_{i=1}^m (\theta x_i - y_i) x_i", of=of, define=define,
                  given=given).verdict == "wrong"
