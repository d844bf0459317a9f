"""The terminal text of a derivation is plain Unicode mathematics: nothing of LaTeX or SymPy leaks into it.

Every catalog entry and a few user losses typed the way people write them (a decimal
constant, π, an accented name, a KL divergence) are derived and their text scanned.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp
from test_roundtrip import USER_CASES, equal, user_derivation

import symgrad
from symgrad import catalog
from symgrad.latex import latex_to_text, to_latex, to_text

# what must never appear in text output, with the reason it is there
LEAKS = {
    r"\\": "a LaTeX command",
    r"\b(Piecewise|Abs|Max|Min|Heaviside|KroneckerDelta|Sum|Derivative|Indexed\w*|Idx|Symbol|Rational|Integer|"
    r"Float|Mul|Add|Pow|Interval|Eq|Ne|Lt|Le|Gt|Ge|ExprCondPair)\(|\b(zoo|nan|oo)\b": "a SymPy class name",
    r"\bTrue\b|\bFalse\b": "a SymPy truth value",
    r"\*\*|>=|<=|!=|==": "Python operator spelling",
    r"mathrm|operatorname|frac|mathbf|circ\b": "LaTeX markup without its backslash",
    r"\b\d+/\d{3,}\b": "a decimal constant printed as a fraction",
    r"δδ": "a name δ run into a Kronecker δ",
}

USER_LOSSES = {
    "gelu": {"loss": r"L = \sum_{n=1}^{N} \frac{x_n}{2} (1 + \tanh(\sqrt{2/\pi} (x_n + 0.044715 x_n^3)))",
                 "given": [r"x \in \mathbb{R}^{N}"], "wrt": ["x"]},
    "gaussian-nll": {"loss": r"L = \sum_{n=1}^{N} (\frac{1}{2}\log(2\pi s) + \frac{(y_n - m_n)^2}{2 s})",
                         "given": [r"y \in \mathbb{R}^{N}", r"m \in \mathbb{R}^{N}"], "wrt": ["s", "m"]},
    "kl-hat": {"loss": r"D_{\mathrm{KL}} = \sum_{k=1}^{K} p_k \log \frac{p_k}{\hat{q}_k}",
                   "given": [r"p \in \mathbb{R}^{K}", r"\hat{q} \in \mathbb{R}^{K}"], "wrt": ["p"]},
    "smooth-l1": {"loss": r"L = \sum_{n=1}^{N} \begin{cases} 0.5 r_n^2 & |r_n| < 1 \\ |r_n| - 0.5 & \text{otherwise} \end{cases}",
                      "given": [r"r \in \mathbb{R}^{N}"], "wrt": ["r"]},
}


def leaks(text: str) -> list[str]:
    """Each line of ``text`` with something raw in it, and what."""
    return [f"{why}: {line.strip()}" for line in text.splitlines() for pattern, why in LEAKS.items()
            if re.search(pattern, line) and not re.fullmatch(r"=+", line)]  # a title's underline is no ==


@pytest.mark.parametrize("name", catalog.names())
def test_catalog_text_output_has_no_latex_or_sympy_in_it(name: str) -> None:
    assert leaks(symgrad.derive(name).text()) == []


@pytest.mark.parametrize("name", sorted(USER_LOSSES))
def test_user_loss_text_output_has_no_latex_or_sympy_in_it(name: str) -> None:
    text = symgrad.derive(**USER_LOSSES[name]).text()
    body = text.split("\n", 2)[2]  # the title is the loss API's (test_the_kl_divergence_is_named_d_kl reads it)
    assert leaks(body) == []


def test_a_decimal_constant_stays_decimal_in_text_and_latex() -> None:
    text = symgrad.derive(**USER_LOSSES["gelu"]).text()
    assert "0.044715·x_n³" in text and "0.134145·x_i²" not in text.replace("0.134145·x_n²", "")
    assert "8943" not in text
    x = sp.Symbol("x")
    assert to_latex(sp.Rational(8943, 200000) * x) == "0.044715 x"
    assert to_text(-sp.Rational(3, 1000) * x) == "−0.003·x"
    # a fraction a person writes as a fraction stays one
    assert to_text(sp.Rational(1, 2) * x) == "x/2" and to_text(sp.Rational(3, 1024)) == "3/1024"


def test_pi_prints_as_pi_and_its_root_without_brackets() -> None:
    assert to_text(sp.sqrt(2 / sp.pi)) == "√2/√π"
    assert "log(2·s·π)/2" in symgrad.derive(**USER_LOSSES["gaussian-nll"]).text()
    assert to_text(sp.E ** sp.Symbol("t") + sp.EulerGamma) == "e^{t} + γ"


def test_cases_absolute_values_and_max_read_as_mathematics() -> None:
    r, delta = sp.Symbol("r"), sp.Symbol("delta")
    huber = sp.Piecewise((r**2 / 2, delta >= sp.Abs(r)), (delta * (sp.Abs(r) - delta / 2), True))
    assert to_text(huber) == "{r²/2 if δ ≥ |r|; δ·(|r| − δ/2) otherwise}"
    assert to_text(sp.Max(0, 1 - r)) == "max(0, 1 − r)"
    assert to_text(sp.Heaviside(r)) == "heaviside(r)"


def test_hubers_threshold_delta_is_not_run_into_a_kronecker_delta() -> None:
    text = symgrad.derive("huber").text()
    assert "δ·[i = n]·sign(r_i)" in text and "δ_in" not in text
    assert "delta ∈ ℝ" not in text and "δ ∈ ℝ" in text
    # without a name δ the Kronecker delta keeps its usual spelling
    assert "p_i·(δ_ij − p_j)" in symgrad.derive("softmax").text()


def test_accented_and_upright_names_print_as_unicode() -> None:
    text = symgrad.derive(**USER_LOSSES["kl-hat"]).text()
    assert "∂D_KL/∂p_i = log(p_i/q̂_i) + 1" in text
    assert to_text(sp.Symbol("xhat")) == "x̂"


@pytest.mark.parametrize(("tex", "text"), [
    (r"\operatorname{diag}(p) - p p^{\top}", "diag(p) − p pᵀ"),
    (r"\frac{1}{2 N} \frac{1}{v} - \frac{1}{2 N} \frac{\left(y - \mu\right)^{\circ 2}}{v^{\circ 2}}",
     "1/(2 N) 1/v − 1/(2 N) ((y − μ)∘²)/v∘²"),
    (r"\frac{1}{N} \tanh\left(r\right)", "1/N tanh(r)"),
    (r"\hat{x}_{n} + \sqrt{\epsilon}", "x̂_n + √ε"),
    (r"i \neq j", "i ≠ j"),
])
def test_matrix_forms_and_conditions_read_as_unicode(tex: str, text: str) -> None:
    assert latex_to_text(tex) == text


def test_the_kl_divergence_is_named_d_kl() -> None:
    """Its title too, which the loss API makes from the name the reader gives it."""
    assert leaks(symgrad.derive(**USER_LOSSES["kl-hat"]).text()) == []


@pytest.mark.parametrize("case_id", [c.id for c in USER_CASES])
def test_user_loss_suite_text_output_has_no_latex_or_sympy_in_it(case_id: str) -> None:
    text = user_derivation(case_id).text()
    body = text.split("\n", 2)[2]  # the title is the loss API's (test_the_kl_divergence_is_named_d_kl reads it)
    assert leaks(body) == []


def test_declared_domains_print_in_the_inputs_line_as_unicode() -> None:
    d = symgrad.derive(loss=r"L = \sum_{n=1}^{N} (\frac{y_n - x_n}{\sqrt{s + \epsilon}})^2",
                       given=[r"x \in \mathbb{R}^{N}", r"y \in \{0, 1\}^{N}", r"\epsilon \in (0, 1)", r"s \geq 0"],
                       wrt=["x"])
    line = next(x for x in d.text().splitlines() if x.startswith("  inputs: "))
    assert line == "  inputs: x ∈ ℝ^{N}, y ∈ {0, 1}^{N}, s ∈ [0, ∞), ε ∈ (0, 1)"
    assert not leaks(line)


def test_a_sum_numerator_before_a_sum_factor_keeps_its_brackets() -> None:
    """(a − μ)/(σH)·Σ c_i once printed as (a − μ/(H·σ))·Σ c_i: the reader, rightly, read μ/(Hσ)."""
    a, mu, s, h = sp.symbols("a mu sigma H", positive=True)
    i = sp.Idx("i", (1, h))
    expr = (a - mu) / (s * h) * sp.Sum(sp.IndexedBase("c")[i], (i, 1, h))
    text = to_text(expr)
    assert text.startswith("((a − μ)/")
    assert equal(symgrad.parse.parse_expression(text, symgrad.parse.Context()), expr)


@pytest.mark.parametrize("expr, text", [(sp.gamma(sp.Symbol("y") + 1), "Γ(y + 1)"),
                                        (sp.loggamma(sp.Symbol("y")), "log(Γ(y))"),
                                        (sp.polygamma(0, sp.Symbol("y")), "ψ(y)")])
def test_the_gamma_family_prints_as_greek_letters_that_read_back(expr: sp.Expr, text: str) -> None:
    assert to_text(expr) == text
    assert equal(symgrad.parse.parse_expression(text, symgrad.parse.Context()), expr)
