"""Plain text and Unicode as a terminal (and symgrad's text printer) writes them: ``p_nc``, ``δ_ij``, ``∂/∂x (…)``,
``x̂``, ``x³``, ``Σ⁻¹_kl``, ``{a if c; b otherwise}``. Each test states the expression a person means."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

x, y, z, N = sp.symbols("x y z N")


def read(text: str, *given: str) -> sp.Expr:
    ctx = Context()
    for g in given:
        parse_given(g, ctx)
    return parse_expression(text, ctx)


def test_two_letters_run_together_after_a_declared_matrix_are_its_two_indices():
    got = read("p_nc", r"p \in \mathbb{R}^{B \times C}")
    assert isinstance(got, sp.Indexed) and [str(i) for i in got.indices] == ["n", "c"]


def test_a_letter_run_after_a_vector_is_still_an_element_times_a_letter():
    got = read("z_kc", r"z \in \mathbb{R}^{K}")
    assert got.is_Mul and sp.Symbol("c") in got.args


def test_kronecker_delta_with_two_letters_run_together_is_delta_of_both():
    got = read("δ_ij")
    assert isinstance(got, sp.KroneckerDelta) and [str(a) for a in got.args] == ["i", "j"]


def test_the_derivative_operator_in_text_applies_to_what_follows():
    assert read("∂/∂x (x²·y)").doit() == 2 * x * y


def test_a_letter_with_a_combining_hat_is_the_hatted_name():
    assert read("x̂ + ŷ") == sp.Symbol("xhat") + sp.Symbol("yhat")


@pytest.mark.parametrize("text, want", [("x³", x**3), ("x²y", x**2 * y), ("x⁻¹", 1 / x), ("x¹²", x**12)])
def test_a_run_of_superscripts_is_one_exponent(text, want):
    assert read(text) == want


def test_an_inverse_mark_then_two_indices_is_an_element_of_the_inverse():
    got = read("Σ⁻¹_kl", r"\Sigma \in \mathbb{R}^{n \times n}")
    assert isinstance(got, sp.Indexed) and [str(i) for i in got.indices] == ["k", "l"] and "-1" in str(got.base)


def test_capital_sigma_with_a_range_is_a_sum_even_where_a_tensor_sigma_is_declared():
    got = read("Σ_{k=1}^{n} Σ_kk", r"\Sigma \in \mathbb{R}^{n \times n}")
    assert isinstance(got, sp.Sum) and isinstance(got.function, sp.Indexed)


def test_capital_sigma_with_two_readings_is_refused():
    with pytest.raises(ParseError, match="two readings"):
        read("Σ_k x_k", r"\Sigma \in \mathbb{R}^{n \times n}", r"x \in \mathbb{R}^{n}")


@pytest.mark.parametrize("text", ["{x² if x > 0; 2x otherwise}", r"\{x^2 \text{ if } x > 0, 2x \text{ otherwise}\}",
                                  "{x² if x > 0; 2x else}"])
def test_plain_text_cases_are_a_piecewise_function(text):
    assert read(text) == sp.Piecewise((x**2, x > 0), (2 * x, True))


def test_the_letters_of_if_are_not_a_product_inside_cases():
    with pytest.raises(ParseError):
        read("{x if}")


def test_subscript_digits_are_the_digit_suffix_of_a_name():
    assert read("θ₀ + θ₁") == sp.Symbol("theta_0") + sp.Symbol("theta_1")


def test_a_digit_of_another_script_is_refused_not_a_crash():
    with pytest.raises(ParseError, match="unexpected character"):
        read("x + ①")


@pytest.mark.parametrize("text, want", [("d/dx x²", 2 * x), ("d/dx (x·y)", y), ("dy/dx", 0)])
def test_plain_text_leibniz_operators_are_derivatives(text, want):
    got = read(text)
    assert got.has(sp.Derivative) and got.doit() == want


@pytest.mark.parametrize("claim, verdict", [
    ("d/dx exp(-x) = -exp(-x)", "proved"), ("d/dx e^(-x) = -e^(-x)", "proved"),
    ("d/dx 1/(1+exp(-x)) = exp(-x)/(1+exp(-x))^2", "proved"), ("d/dx σ(x) = σ(x)·(1 − σ(x))", "proved"),
    ("d/dx x² = x", "wrong"), ("d/dx exp(-x) = exp(-x)", "wrong"),
])
def test_plain_text_derivative_claims_are_judged(claim, verdict):
    assert verify(claim).verdict == verdict


@pytest.mark.parametrize("text", ["1/2x", "a/bc", r"e^{-x^2/2\sigma^2}", "x/2π"])
def test_a_divisor_with_a_value_written_against_it_is_refused_naming_both_readings(text):
    with pytest.raises(ParseError, match="two readings: divided by the whole product"):
        read(text)


@pytest.mark.parametrize("text, want", [("1/2 x", x / 2), ("x/2·y", x * y / 2), ("1/2\\log(x)", sp.log(x) / 2),
                                        ("1/(2x)", 1 / (2 * x))])
def test_a_divisor_set_apart_by_a_space_an_operator_or_a_function_is_read(text, want):
    assert read(text) == want


@pytest.mark.parametrize("text, want", [("e^-x", sp.exp(-x)), ("x^-1", 1 / x), ("e^-(x+1)", sp.exp(-x - 1)),
                                        ("2^-3", sp.Rational(1, 8)), (r"\mathrm x + 1", x + 1)])
def test_a_minus_sign_exponent_without_braces_is_minus_the_next_token(text, want):
    assert read(text) == want


@pytest.mark.parametrize("text", ["e^-2x", "e^-xy", "e^-x^2", "e^x^2", "e^{x}^2"])
def test_an_exponent_with_two_readings_is_refused(text):
    with pytest.raises(ParseError, match="two readings"):
        read(text)


def test_unicode_subscript_and_superscript_letters_are_indices():
    assert str(read("ŷᵢ - yᵢ")) == "-y[i] + yhat[i]"
    got = read("wᵢⱼ")
    assert isinstance(got, sp.Indexed) and [str(i) for i in got.indices] == ["i", "j"]
    assert str(read("x⁽ⁱ⁾")) == "x[i]"


@pytest.mark.parametrize("text, op", [("sum_i x_i", sp.Sum), ("sum_{i=1}^n x_i", sp.Sum), ("prod_i x_i", sp.Product)])
def test_sum_and_prod_spelled_in_letters_before_their_limits_are_the_operators(text, op):
    got = read(text)  # was s·u·m_i·x_i, silently
    assert isinstance(got, op) and str(got.function) == "x[i]"
