"""A definition headed by a likelihood written with square brackets after a roman word (``\\ln \\mathrm{MLE} [X \\mid
\\mu, \\sigma^2] = ...``): the head, as written, names the value; the claim's same head differentiates it."""

import symgrad
from symgrad.read.context import Context
from symgrad.read.expression_heads import unknown_application
from symgrad.read.tokens import _tokens

HEAD = r"\ln \mathrm{MLE} [X \mid \mu, \sigma^2]"
VALUE = r"- \frac{n}{2} \ln \sigma^2 - \frac{1}{2 \sigma^2} \sum_{i=1}^n (x_i - \mu)^2"


def test_a_roman_word_applied_with_square_brackets_is_a_head():
    assert unknown_application(list(_tokens(HEAD))[:-1], Context()) == ("lnMLE", "E")


def test_square_brackets_grouping_are_no_application():
    assert unknown_application(list(_tokens(r"\ln [a b]"))[:-1], Context()) is None
    assert unknown_application(list(_tokens(r"\ln a [b + c]"))[:-1], Context()) is None


def test_the_mean_of_the_gaussian_log_likelihood():
    of = rf"\frac{{\partial}}{{\partial \mu}} {HEAD}"
    right = r"\frac{1}{\sigma^2} \sum_{i=1}^n (x_i - \mu)"
    assert symgrad.verify(right, of=of, define=[f"{HEAD} = {VALUE}"]).verdict == "proved"
    assert symgrad.verify(r"\frac{2}{\sigma^2} \sum_{i=1}^n (x_i - \mu)", of=of,
                          define=[f"{HEAD} = {VALUE}"]).verdict == "wrong"
