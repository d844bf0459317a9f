"""The kind of slip verify names for a wrong claim, where the slip is a power of a size, a product of sizes, a
constraint on a matrix-shaped input, or a claim made under an assumed case. Each expected factor is worked out
by hand from the claim and the derivative (d/dw of (1/N) sum_n (y_n - x_n w)^2 is -(2/N) sum_n (y_n - x_n w) x_n)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from symgrad.verify import verify

MEAN_SQUARES = [r"L = \frac{1}{N}\sum_{n=1}^{N} (y_n - x_n w)^2"]
DLDW = r"\frac{\partial L}{\partial w}"
RESIDUAL = r"\sum_{n=1}^{N} (y_n - x_n w) x_n"


@pytest.mark.parametrize("claim, factor, missing", [
    (rf"-2N{RESIDUAL}", "N**2", "N**(-2)"),  # N^2 times -(2/N) sum
    (rf"-\frac{{2}}{{N^3}}{RESIDUAL}", "N**(-2)", "N**2"),
    (rf"-\frac{{2}}{{N^2}}{RESIDUAL}", "1/N", "N"),
    (rf"-\frac{{6}}{{N}}{RESIDUAL}", "3", None),
    (rf"-4{RESIDUAL}", "2*N", "1/(2*N)"),
    (rf"-{RESIDUAL}", "N/2", "2/N"),
    (rf"2N{RESIDUAL}", "-N**2", "-1/N**2"),
], ids=["n-squared", "one-over-n-squared", "one-over-n", "three", "two-n", "n-over-two", "minus-n-squared"])
def test_mean_squares_claim_off_by_a_power_of_n_is_a_factor_slip_naming_that_power(claim, factor, missing):
    v = verify(claim, of=DLDW, define=MEAN_SQUARES)
    assert (v.verdict, v.diagnosis) == ("wrong", "factor"), str(v)
    assert f"The claim is {factor} × the derivative" in v.message
    if missing:
        assert f"a factor {missing} is missing" in v.message
    cx = v.counterexample
    n = cx["sizes"]["N"]
    ratio = {"N**2": n**2, "N**(-2)": Fraction(1, n**2), "1/N": Fraction(1, n), "3": 3, "2*N": 2 * n,
             "N/2": Fraction(n, 2), "-N**2": -n**2}[factor]
    assert Fraction(cx["claim"]) == ratio * Fraction(cx["derivative"])


BATCH_GIVEN = [r"x \in \mathbb{R}^{B \times D}", r"w \in \mathbb{R}^{D}", r"y \in \mathbb{R}^{B}"]
BATCH = [r"L = \frac{1}{B}\sum_{n=1}^{B} (\sum_{d=1}^{D} x_{nd} w_d - y_n)^2"]
DLDWJ = r"\frac{\partial L}{\partial w_j}"
BATCH_RESIDUAL = r"\sum_{n=1}^{B} x_{nj}(\sum_{d=1}^{D} x_{nd} w_d - y_n)"


@pytest.mark.parametrize("claim, factor", [
    (rf"2D{BATCH_RESIDUAL}", "B*D"),  # B D times (2/B) sum
    (rf"\frac{{2}}{{B^2 D}}{BATCH_RESIDUAL}", "1/(B*D)"),
])
def test_batch_least_squares_claim_off_by_the_product_of_the_sizes_is_a_factor_slip_naming_it(claim, factor):
    v = verify(claim, of=DLDWJ, define=BATCH, given=BATCH_GIVEN)
    assert (v.verdict, v.diagnosis) == ("wrong", "factor"), str(v)
    assert f"The claim is {factor} × the derivative" in v.message
    cx = v.counterexample
    bd = cx["sizes"]["B"] * cx["sizes"]["D"]
    ratio = bd if factor == "B*D" else Fraction(1, bd)
    assert Fraction(cx["claim"]) == ratio * Fraction(cx["derivative"])


def test_batch_least_squares_right_claim_is_proved():
    assert verify(rf"\frac{{2}}{{B}}{BATCH_RESIDUAL}", of=DLDWJ, define=BATCH, given=BATCH_GIVEN).verdict == "proved"


SOFTMAX = [r"p_i = \frac{e^{a_i}}{\sum_{k=1}^N e^{a_k}}"]
DPA = r"\frac{\partial p_i}{\partial a_j}"


def test_wrong_claim_under_the_assumed_case_i_equals_j_is_not_called_a_case_slip_and_shows_a_diagonal_point():
    # for i = j the claim is p_i(1 - p_i) + p_i^2 = p_i, the derivative p_i(1 - p_i): neither a sign nor a factor
    v = verify(r"p_i(1 - p_j) + p_i^2", of=DPA, define=SOFTMAX, assume=["i = j"])
    assert (v.verdict, v.diagnosis) == ("wrong", "other"), str(v)
    cx = v.counterexample
    assert cx["indices"]["i"] == cx["indices"]["j"]
    p_i = Fraction(cx["names"][f"p_{cx['indices']['i']}"])
    assert (Fraction(cx["claim"]), Fraction(cx["derivative"])) == (p_i, p_i * (1 - p_i))


CE_GIVEN = [r"x \in \mathbb{R}^{B \times D}", r"w \in \mathbb{R}^{D \times C}", r"y \in \mathbb{R}^{B \times C}"]
CE = [r"z_{nc} = \sum_{d=1}^{D} x_{nd} w_{dc}", r"p_{nc} = \frac{e^{z_{nc}}}{\sum_{k=1}^{C} e^{z_{nk}}}",
      r"L = -\frac{1}{B}\sum_{n=1}^{B}\sum_{c=1}^{C} y_{nc}\log p_{nc}"]
CE_CLAIM = r"\frac{1}{B}\sum_{n=1}^{B} x_{ni}(p_{nj} - y_{nj})"
DLDWIJ = r"\frac{\partial L}{\partial w_{ij}}"


def test_batch_cross_entropy_gradient_without_one_hot_rows_is_a_case_slip_naming_the_row_constraint_in_a_usable_spelling():
    v = verify(CE_CLAIM, of=DLDWIJ, define=CE, given=CE_GIVEN)
    assert (v.verdict, v.diagnosis) == ("wrong", "case"), str(v)
    spelling = r"\sum_{k} y_{n,k} = 1"
    assert f"holds only if {spelling}" in v.message
    assert verify(CE_CLAIM, of=DLDWIJ, define=CE, given=[*CE_GIVEN, spelling]).verdict == "proved"


def test_mean_squares_sign_slip_and_other_slip_say_so_in_one_sentence():
    sign = verify(rf"\frac{{2}}{{N}}{RESIDUAL}", of=DLDW, define=MEAN_SQUARES)
    assert sign.message == "sign. The claim is −1 × the derivative (a sign slip)."
    other = verify(rf"-\frac{{2}}{{N}}{RESIDUAL} + 1", of=DLDW, define=MEAN_SQUARES)
    assert other.message == ("other. The claim differs from the derivative (not by a sign, a factor, swapped indices "
                             "or a case).")
    # a constant factor has nothing missing to name
    assert verify(rf"-\frac{{6}}{{N}}{RESIDUAL}", of=DLDW, define=MEAN_SQUARES).message == \
        "factor. The claim is 3 × the derivative."


def test_claim_zero_for_a_nonzero_derivative_is_not_a_factor_slip():
    v = verify("0", of=DLDW, define=MEAN_SQUARES)
    assert (v.verdict, v.diagnosis) == ("wrong", "other"), str(v)
    assert v.counterexample["claim"] == "0" and v.counterexample["derivative"] != "0"
