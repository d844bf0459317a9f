"""One meaning per letter (issue 10, item 3): e, \\pi, \\Gamma, \\sigma and i each read both ways, by context,
and a use with two readings is refused naming both; a reading that context decided is noted."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_claim, parse_definition, parse_expression, parse_given

z, y, x = sp.symbols("z y x")


def define(text: str, *facts: str) -> tuple[sp.Expr, Context]:
    ctx = Context()
    for fact in facts:
        parse_given(fact, ctx)
    return parse_definition(text, ctx).rhs, ctx


def test_e_is_eulers_number_while_no_name_e_is_declared():
    rhs, _ = define(r"L = e^{z}")
    assert rhs == sp.exp(z)


@pytest.mark.parametrize("fact", [r"V \in \mathbb{R}^{m \times e}", r"e \in \mathbb{R}"])
def test_e_power_is_refused_naming_both_readings_once_e_is_declared(fact):
    with pytest.raises(ParseError, match=r"e has two readings here: Euler's number, or the name e .*\\exp"):
        define(r"L = e^{z}", fact)


def test_e_declared_later_in_the_same_formula_is_refused_too():
    with pytest.raises(ParseError, match="two readings"):
        define(r"L = e^{z} + \sum_{i=1}^{e} x_i")


def test_a_declared_e_standing_alone_is_the_name_and_exp_is_still_the_exponential():
    rhs, _ = define(r"L = \exp(z) e", r"e \in \mathbb{R}")
    assert rhs == sp.exp(z) * sp.Symbol("e")


def test_pi_is_the_number_until_a_scalar_pi_is_declared():
    rhs, _ = define(r"L = \log(2\pi) x")
    assert rhs == sp.log(2 * sp.pi) * x
    with pytest.raises(ParseError, match=r"\\pi has two readings here: the number 3.14159"):
        define(r"L = 2\pi x", r"\pi \in \mathbb{R}")


def test_pi_with_an_index_is_the_declared_weights_and_without_one_the_number_noted():
    rhs, ctx = define(r"L = \sum_k \pi_k \frac{1}{\sqrt{2\pi}}", r"\pi \in \mathbb{R}^K")
    k = ctx.ranges["k"]
    assert rhs == sp.Sum(ctx.tensors["pi"][k] / sp.sqrt(2 * sp.pi), (k, 1, k.upper))
    assert any(r"\pi without an index read as the number" in n for n in ctx.notes)


def test_gamma_applied_is_the_gamma_function_noted():
    rhs, ctx = define(r"L = \log\Gamma(y + 1)")
    assert rhs == sp.log(sp.gamma(y + 1))
    assert ctx.notes == [r"\Gamma(...) read as the gamma function"]


def test_gamma_declared_as_a_name_and_applied_is_refused_naming_both():
    with pytest.raises(ParseError, match=r"\\Gamma has two readings here: the gamma function"):
        define(r"L = \Gamma(y + 1)", r"\Gamma \in \mathbb{R}")


def test_sigma_applied_is_the_sigmoid_while_undeclared_and_noted():
    rhs, ctx = define(r"L = \sigma(z)")
    assert rhs == 1 / (1 + sp.exp(-z))
    assert any("logistic sigmoid" in n for n in ctx.notes)


def test_sigma_as_a_value_times_a_bracket_is_a_product_noted():
    rhs, ctx = define(r"L = \sigma(x - 1)", r"\sigma > 0")
    assert rhs == sp.Symbol("sigma") * (x - 1)
    assert any(r"\sigma is a value here" in n for n in ctx.notes)


def test_sigma_times_one_minus_sigma_is_judged_right_when_sigma_is_a_value():
    v = verify(r"\sigma (1 - \sigma)", of=r"\frac{d\sigma}{dz}", define=[r"\sigma = \frac{1}{1+e^{-z}}"])
    assert v.verdict == "proved"


def test_i_bound_by_a_sum_is_the_index():
    rhs, ctx = define(r"L = \sum_i i x_i")
    i = ctx.ranges["i"]
    assert rhs == sp.Sum(i * ctx.tensors["x"][i], (i, 1, i.upper))


def test_i_free_and_unbound_is_refused_as_symgrad_has_no_imaginary_unit():
    with pytest.raises(ParseError, match="i is not an index here .* no imaginary unit"):
        define(r"L = e^{i x}")


def test_i_declared_as_a_scalar_is_that_scalar():
    rhs, _ = define(r"L = e^{i x}", r"i \in \mathbb{R}")
    assert rhs == sp.exp(sp.Symbol("i") * x)


@pytest.mark.parametrize(("claim", "define_"), [
    (r"\sigma'(z) = \sigma(z)(1-\sigma(z))", [r"\sigma(z) = \frac{1}{1+e^{-z}}"]),
    (r"\sigma’(z) = \sigma(z)(1-\sigma(z))", [r"\sigma(z) = \frac{1}{1+e^{-z}}"]),
    (r"\sigma'(z) = \sigma(z)(1-\sigma(z))", []),
    (r"f'(z) = f(z)(1-f(z))", [r"f(z) = \frac{1}{1+e^{-z}}"]),
])
def test_a_prime_on_a_function_is_its_derivative(claim, define_):
    assert verify(claim, define=define_).verdict == "proved"


def test_a_prime_away_from_the_parameter_is_the_derivative_there():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}", ctx)
    parse_definition(r"f(t) = t^3", ctx)
    (m,) = parse_claim(r"f'(2 x)", ctx)
    assert m.value == 3 * (2 * x) ** 2


def test_a_wrong_prime_claim_is_wrong():
    assert verify(r"\sigma'(z) = \sigma(z)(1+\sigma(z))").verdict == "wrong"


@pytest.mark.parametrize("latex", ["1/(1+e-x)", "e-2x", "1 + e-(x+1)"])
def test_e_minus_written_together_is_refused_naming_the_lost_superscript(latex):
    with pytest.raises(ParseError, match=r"written together has two readings: e - .*, or e\^\{-.*\} with its superscript"):
        parse_expression(latex, Context())


def test_e_minus_with_spaces_or_braces_reads():
    assert parse_expression("e - x", Context()) == sp.E - sp.Symbol("x")
    assert parse_expression("e^{-x}", Context()) == sp.exp(-sp.Symbol("x"))


@pytest.mark.parametrize("latex", ["ln(1+ex)", r"\frac{ex}{1+ex}", "1/(1+ex)"])
def test_e_and_a_letter_written_together_is_refused_naming_the_lost_superscript(latex):
    with pytest.raises(ParseError, match=r"ex written together has two readings: e times x, or e\^x"):
        parse_expression(latex, Context())


def test_e_and_a_letter_with_a_space_or_a_superscript_reads():
    x = sp.Symbol("x")
    assert parse_expression("1 + e x", Context()) == 1 + sp.E * x
    assert parse_expression("1 + e^x", Context()) == 1 + sp.exp(x)
