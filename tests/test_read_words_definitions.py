"""Definitions as pages state them without an = : in a sentence (``L(\\theta) \\textrm{ would be } ...``), or an
expression with no name, which names the head the claim differentiates or is the expression it differentiates."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.read import Context, parse_statement
from symgrad.read.words_definitions import definition_in_words

SENTENCE = r"\textrm{And the loss function } L(\theta) \textrm{ would be } ||X\theta - Y||^2"
VARIANCE = r"\frac{1}{N}\sum_j (x_j - \mu)^2"


@pytest.mark.parametrize("text, head", [
    (SENTENCE, r"L(\theta)"),
    (r"L would be (y - w x)^2", "L"),
    (r"f(x) \text{ is defined as } \log(1 + e^x)", "f(x)"),
    (r"f(x) is given by \log(1 + e^x)", "f(x)"),
])
def test_the_words_of_a_definition_in_a_sentence_read_as_equals_keeping_columns(text, head):
    spelled, notes = definition_in_words(text)
    assert len(spelled) == len(text) and spelled.split("=")[0].strip() == head and notes


def test_a_sentence_definition_reads_as_the_equation_it_says():
    ctx = Context()
    parse_statement(r"L \text{ is } (y - w x)^2", ctx)
    y, w, x = sp.symbols("y w x")
    assert sp.expand(ctx.definitions["L"].rhs - (y - w * x) ** 2) == 0


LEAST_SQUARES = r"\frac{\partial{L(\theta)}}{\partial{\theta}}"
BY_X_I = r"\frac{\partial}{\partial x_i}\frac{1}{N}\sum_j (x_j - \mu)^2"


@pytest.mark.parametrize("right, wrong, of, define, note", [
    # least squares defined in a sentence: the gradient is 2 X^T times the residual
    (r"2X^T (X\theta - Y)", r"X^T (X\theta - Y)", LEAST_SQUARES, SENTENCE, "'would be' read as ="),
    # the head the claim differentiates, S^2, is what a definition without a name defines
    (r"\frac{\partial S^2}{\partial x_i} = \frac{2(x_i-\mu)}{N}", r"\frac{\partial S^2}{\partial x_i} = \frac{x_i-\mu}{N}",
     None, VARIANCE, "has no name: read as the definition of S^2"),
    # the claim differentiates the definition's expression as written: read there
    (r"\frac{2(x_i-\mu)}{N}", r"\frac{2(x_i-\mu)}{N-1}", BY_X_I, VARIANCE, "it is the expression the claim differentiates"),
])
def test_a_definition_without_an_equals_sign_gives_the_derivative_of_what_it_says(right, wrong, of, define, note):
    v = verify(right, of=of, define=[define])
    assert v.verdict in ("proved", "agrees") and note in v.message
    assert verify(wrong, of=of, define=[define]).verdict == "wrong"


def test_a_definition_without_a_name_whose_claim_differentiates_another_expression_is_refused():
    # the unnamed x^2 is read as the loss (read/claims), but the claim differentiates y^2, and y is nothing defined
    v = verify(r"\frac{\partial}{\partial x} y^2 = 2x", define=["x^2"])
    assert v.verdict == "unreadable" and "name y is not defined" in v.message


CHAIN = r"f(x) = \frac{1}{1 + e^{-x}} = \sigma(x)"


def test_a_fact_chaining_function_heads_to_one_formula_defines_each_head():
    v = verify(r"\frac{d}{dx} f(x) = \sigma(x)(1 - \sigma(x))", given=[CHAIN])
    assert v.verdict in ("proved", "agrees") and "read as the definition f(x) =" in v.message
    assert verify(r"\frac{d}{dx} f(x) = \sigma(x)", given=[CHAIN]).verdict == "wrong"


def test_a_head_the_definitions_reuse_keeps_their_definition_and_the_fact_is_set_aside_noted():
    swish = [r"f(x) = x \cdot \sigma(x)"]  # the page reuses f: here the swish x sigma(x)
    v = verify(r"f'(x) = f(x) + \sigma(x)(1 - f(x))", define=swish, given=[CHAIN])
    assert v.verdict in ("proved", "agrees") and "is set aside" in v.message
    assert verify(r"f'(x) = f(x) + \sigma(x)(1 - \sigma(x))", define=swish, given=[CHAIN]).verdict == "wrong"
