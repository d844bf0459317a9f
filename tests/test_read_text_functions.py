"""Function names written without a backslash, as plain-text pages and code write them: ``log1p(x)``, ``ReLU(x)``.

A word before ``(`` is a function symgrad knows (any case) or refused with its column; it is never split into
letters multiplied together (``gelu(x)`` read as g·e·l·u·x was silently wrong)."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.codegen.cfunctions import log1p

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

x, y = sp.symbols("x y")


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text, want", [
    ("log1p(x)", log1p(x)),
    ("log2(x)", sp.log(x) / sp.log(2)),
    ("log10(x)", sp.log(x) / sp.log(10)),
    ("expm1(x)", sp.exp(x) - 1),
    ("ReLU(x)", sp.Max(0, x)),
    ("Sigmoid(x)", 1 / (1 + sp.exp(-x))),
    ("Tanh(x)", sp.tanh(x)),
    ("logsigmoid(x)", sp.log(1 / (1 + sp.exp(-x)))),
    ("sin x", sp.sin(x)),
    ("sech x", sp.sech(x)),
    (r"\log1p(x)", log1p(x)),
    (r"\log2x", sp.log(2 * x)),
])
def test_a_known_function_word_is_that_function(text, want):
    assert sp.simplify(read(text) - want) == 0


@pytest.mark.parametrize("text, column", [
    ("gelu(x)", 1), ("sinc(x)", 1), ("expit(x)", 1), ("softsign(x)", 1), ("1 + atan2(y, x)", 5), ("mish(x)", 1),
])
def test_an_unknown_function_word_is_refused_at_its_column_never_split_into_letters(text, column):
    with pytest.raises(ParseError, match="is not a function symgrad knows") as info:
        read(text)
    assert info.value.column == column


def test_log_with_digits_glued_on_before_a_bracket_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match="two readings"):
        read(r"\log2(x)")


@pytest.mark.parametrize("text, want", [("xy(1 - x)", x * y * (1 - x)), ("2xy(x + y)", 2 * x * y * (x + y))])
def test_two_letters_before_a_bracket_stay_a_product(text, want):
    assert sp.expand(read(text) - want) == 0


@pytest.mark.parametrize("claim, verdict", [
    (r"\frac{d}{dx} log1p(x) = 1/(1+x)", "proved"),
    (r"\frac{d}{dx} \log1p(x) = \frac{1}{1+x}", "proved"),
    (r"\frac{d}{dx} log2(x) = \frac{1}{x \ln 2}", "proved"),
    (r"\frac{d}{dx} log1p(x) = \frac{1}{x}", "wrong"),
])
def test_a_derivative_of_log1p_or_log2_written_plainly_is_judged_as_that_function(claim, verdict):
    assert verify(claim).verdict == verdict


@pytest.mark.parametrize("claim, verdict", [
    (r"\frac{\partial}{\partial z_j} \mathrm{logsumexp}(z) = \mathrm{softmax}(z)_j", "proved"),
    (r"\frac{\partial}{\partial z_j} logsumexp(z) = \frac{e^{z_j}}{\sum_k e^{z_k}}", "proved"),
    (r"\frac{\partial}{\partial z_j} \mathrm{LSE}(z) = e^{z_j}", "wrong"),
])
def test_logsumexp_of_a_vector_is_log_of_the_sum_of_exponentials(claim, verdict):
    assert verify(claim).verdict == verdict


def test_sum_and_mean_of_a_vector_written_as_code_are_its_sum_and_mean():
    ctx = Context()
    parse_given(r"z \in \mathbb{R}^{3}", ctx)
    values = {1: sp.Integer(1), 2: sp.Integer(2), 3: sp.Integer(4)}

    def at(text: str) -> sp.Expr:
        e = parse_expression(text, ctx)
        e = e.subs({i: 1 for i in e.free_symbols if isinstance(i, sp.Idx)}).doit()
        return e.xreplace({a: values[int(a.indices[0])] for a in e.atoms(sp.Indexed)})

    assert at("exp(z_i)/sum(exp(z))") == sp.E / (sp.E + sp.E**2 + sp.E**4)
    assert at("mean(z)") == sp.Rational(7, 3)
    with pytest.raises(ParseError, match="needs a vector"):
        parse_expression("sum(z_j^2)", ctx)
