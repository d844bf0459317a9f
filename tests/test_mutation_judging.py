"""verify's judge on the verdicts it words and the members it must not skip: a case assumed, a chain that breaks
at its second link, a derivative written out of something else, a proof with no time, constraints it cannot
impose, a problem with few points where the derivative is defined.

Written against the survivors of a mutation run over ``symgrad/verify/judging.py`` (benchmarks/mutation.md).
Every reference derivative is written by hand: d(x^2)/dx = 2x, d(x^3)/dx = 3x^2, the softmax Jacobian
p_i(delta_ij - p_j) (p_i(1 - p_i) when i = j), d sigma/dz = sigma(1 - sigma) = (1 - tanh^2(z/2))/4, d sqrt(x)/dx
= 1/(2 sqrt x), the cross-entropy gradient p_j sum_k y_k - y_j (p_j - y_j when sum_k y_k = 1).
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from symgrad.verify import verify

SQUARE = ["L = x^2"]
DLDX = r"\frac{dL}{dx}"
SOFTMAX = [r"p_i = \frac{e^{a_i}}{\sum_{k=1}^Ne^{a_k}}"]
DPA = r"\frac{\partial p_i}{\partial a_j}"
SIGMOID = [r"\sigma(z) = \frac{1}{1+e^{-z}}"]
CE = [r"p_j = \frac{e^{z_j}}{\sum_{k=1}^{N} e^{z_k}}", r"L = -\sum_{k=1}^{N} y_k \log p_k"]
DLDZ = r"\frac{\partial L}{\partial z_j}"


def test_softmax_diagonal_under_the_assumed_case_i_equals_j_is_proved_and_shows_the_general_form():
    v = verify(r"p_i(1-p_i)", of=DPA, define=SOFTMAX, assume=["i = j"])
    assert (v.verdict, v.diagnosis, v.exit_code) == ("proved", None, 0)
    assert v.message == "∂p_i/∂a_j = p_i·(1 − p_i) when i = j   (p_i·(δ_ij − p_j) in general)"
    assert [link.verdict for link in v.links] == ["proved"]


def test_a_chain_right_at_its_first_link_and_wrong_at_its_second_names_the_second():
    v = verify(r"\frac{\partial p_i}{\partial a_j} = p_i\delta_{ij} - p_i p_j = p_i(1-p_j)", define=SOFTMAX)
    assert (v.verdict, v.diagnosis, v.exit_code) == ("wrong", "case", 1)
    assert [link.verdict for link in v.links] == ["proved", "wrong"]
    assert v.message == ("case. The claim holds only when i = j; for i ≠ j it is wrong. "
                         "Link 2 (p_i(1-p_j)) breaks.")
    assert v.links[0].counterexample is None and v.links[1].counterexample is v.counterexample


def test_a_written_out_derivative_of_another_function_is_checked_by_its_value_not_skipped():
    # d(x^3)/dx = 3x^2 is not dL/dx = 2x: the chain breaks at its first member after dL/dx
    v = verify(r"\frac{dL}{dx} = \frac{d}{dx}(x^3) = 3x^2", define=SQUARE)
    assert (v.verdict, v.diagnosis) == ("wrong", "other")
    assert [link.verdict for link in v.links] == ["wrong", "wrong"]
    assert r"Link 1 (\frac{d}{dx}(x^3)) breaks." in v.message
    for link in v.links:  # each wrong link carries the member's value, 3x^2, and the points it was compared at
        assert link.expr.subs({s: 5 for s in link.expr.free_symbols}) == 75
        assert link.points == 40
    cx = v.counterexample
    x = float(cx["values"]["x"])
    assert float(cx["claim"]) == pytest.approx(3 * x**2) and float(cx["derivative"]) == pytest.approx(2 * x)


def test_a_written_out_derivative_of_the_same_function_in_a_chain_is_proved():
    v = verify(r"\frac{dL}{dx} = \frac{d}{dx} x^2 = 2x", define=SQUARE)
    assert (v.verdict, v.exit_code) == ("proved", 0)
    assert v.message == "∂L/∂x = 2·x"


def test_a_claim_that_is_only_the_derivative_itself_has_nothing_to_check():
    v = verify(DLDX, of=DLDX, define=SQUARE)
    assert (v.verdict, v.exit_code) == ("unreadable", 2)
    assert v.message == "the claim has nothing to check: write the derivative's value after '='"


def test_the_tanh_form_of_the_sigmoid_derivative_agrees_at_40_points_but_is_not_proved():
    v = verify(r"\frac{1 - \tanh^2(z/2)}{4}", of=r"\frac{d\sigma}{dz}", define=SIGMOID)
    assert (v.verdict, v.diagnosis, v.exit_code) == ("agrees", None, 0)
    assert v.message == "∂σ/∂z = 1/4 − tanh(z/2)²/4 agrees with the derivative at 40 points (not proved)"
    assert [link.points for link in v.links] == [40]
    assert v.derivative == "∂σ/∂z"


def test_with_no_time_for_the_proof_a_right_claim_agrees_and_the_note_says_why():
    v = verify("2x", of=DLDX, define=SQUARE, timeout=0)
    assert (v.verdict, v.exit_code) == ("agrees", 0)
    assert v.message == ("∂L/∂x = 2·x agrees with the derivative at 40 points (not proved) Note: the symbolic proof ran "
                         "out of time (0 s): the verdict rests on the numeric search.")


def test_a_claim_undefined_where_the_derivative_is_zero_is_wrong_with_the_domain_sentence():
    # sqrt(-1 - x^2) is nowhere real; 2x is defined everywhere
    v = verify(r"\sqrt{-1 - x^2}", of=DLDX, define=SQUARE)
    assert (v.verdict, v.diagnosis, v.exit_code) == ("wrong", "domain", 1)
    x = v.counterexample["values"]["x"]
    assert v.message == f"domain. The claim is undefined at x={x}, where the derivative is {2 * Fraction(x)}."


def test_a_constraint_the_search_cannot_impose_is_named_in_a_note_and_the_proof_still_uses_none():
    given = [r"\sum_{k=1}^{N} y_k^2 = 1"]
    note = " Note: constraints not imposed in the numeric search: Σ_{k=1}^{N} y_k² = 1."
    general = verify(r"p_j\sum_{k=1}^{N} y_k - y_j", of=DLDZ, define=CE, given=given)
    assert general.verdict == "proved" and general.message == "∂L/∂z_j = p_j·Σ_{k=1}^{N} y_k − y_j" + note
    # the points that refute the one-hot form need not have sum_k y_k^2 = 1, so they refute nothing: refused
    one_hot_form = verify(r"p_j - y_j", of=DLDZ, define=CE, given=given)
    assert one_hot_form.verdict == "unreadable" and "Σ_{k=1}^{N} y_k² = 1 need not hold" in one_hot_form.message


def test_a_derivative_defined_at_fewer_than_8_sampled_points_is_judged_at_every_one_of_them():
    # sqrt(|x| - 3) is defined only for |x| >= 3, its derivative for |x| > 3: few sampled points qualify
    v = verify(r"\frac{x}{|x|}\frac{1}{2\sqrt{|x| - 3}}", of=DLDX, define=[r"L = \sqrt{|x| - 3}"])
    assert (v.verdict, v.exit_code) == ("proved", 0), str(v)
    assert 0 < v.links[0].points < 8
    assert "points skipped where the derivative is undefined" in v.message


def test_a_derivative_undefined_at_every_sampled_point_cannot_be_judged():
    v = verify(r"\frac{1}{2\sqrt{x - 10}}", of=DLDX, define=[r"L = \sqrt{x - 10}"])
    assert (v.verdict, v.exit_code) == ("unreadable", 2)
    assert v.message == "no valid point to evaluate the claim at (every point divides by zero or leaves the domain)"


def test_a_claim_defined_nowhere_the_loss_is_cannot_be_evaluated():
    # sqrt(-x^2) is real only at x = 0, where its derivative is undefined
    v = verify("0", of=DLDX, define=[r"L = \sqrt{-x^2}"])
    assert (v.verdict, v.exit_code) == ("unreadable", 2)
    assert v.message == "the claim 0 could not be evaluated at any point"


def test_a_right_claim_compared_at_fewer_than_8_of_the_points_where_the_loss_is_defined_is_not_judged():
    # L = sqrt(max(x^2 - 9, 0)) is defined everywhere, dL/dx = x / sqrt(x^2 - 9) only where |x| > 3
    claim = r"\frac{x}{\sqrt{x^2 - 9}}"
    v = verify(claim, of=DLDX, define=[r"L = \sqrt{\max(x^2 - 9, 0)}"])
    assert (v.verdict, v.exit_code) == ("unreadable", 2)
    assert v.message.startswith(f"the claim {claim} and the derivative are both defined at only ")
    assert v.message.endswith(" of the points tried: too few to judge")


@pytest.mark.parametrize(("timeout", "verdict"), [(3.0, "proved"), (0, "agrees")])
def test_the_least_squares_gradient_as_a_row_is_right_in_the_other_layout(timeout, verdict):
    # (Xw - y)^T X is the transpose of dL/dw = X^T (Xw - y) for L = |Xw - y|^2 / 2; with no time, not proved
    given = [r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
    v = verify(r"(Xw-y)^T X", of=r"\nabla_w L", define=[r"L = \frac12\|Xw-y\|^2"], given=given, timeout=timeout)
    assert (v.verdict, v.diagnosis, v.exit_code) == (verdict, "layout", 0)
    assert v.message.endswith("Note: the claim is the transpose of the derivative: the other layout convention, "
                              "not a mistake.")


def test_a_claim_off_by_a_polynomial_vanishing_at_every_searched_size_is_wrong_at_the_size_where_it_is_not():
    # (N-1)(N-2)(N-3)(N-4)(N-7) is 0 at the searched sizes 1..4 and 7: the numbers agree there, the polynomial not
    v = verify(r"2x_j + (N-1)(N-2)(N-3)(N-4)(N-7)x_j", of=r"\frac{\partial L}{\partial x_j}",
               define=[r"L = \sum_{k=1}^N x_k^2"])
    assert (v.verdict, v.diagnosis, v.exit_code) == ("wrong", "other", 1)
    cx = v.counterexample
    n, j = cx["sizes"]["N"], cx["indices"]["j"]
    assert v.message == (f"other. The claim agrees with the derivative at the sizes searched but not at N = {n}: their "
                         "difference, read as a polynomial in the size, is not 0 there.")
    xj = Fraction(cx["values"][f"x_{j}"])
    assert Fraction(cx["derivative"]) == 2 * xj
    assert n not in (1, 2, 3, 4, 7) and xj != 0
    assert Fraction(cx["claim"]) == 2 * xj + (n - 1) * (n - 2) * (n - 3) * (n - 4) * (n - 7) * xj


@pytest.mark.parametrize("columns", ["c", "d"], ids=["W-d-by-c", "W-square"])
def test_the_matrix_least_squares_gradient_transposed_is_the_other_layout_also_for_a_square_w(columns):
    # dL/dW = X^T (XW - Y) for L = |XW - Y|^2 / 2; (XW - Y)^T X is its transpose. For a square W both layouts
    # have the right shape: the written one is tried first, found wrong, and the transposed one proved
    given = [r"X \in \mathbb{R}^{n \times d}", rf"W \in \mathbb{{R}}^{{d \times {columns}}}",
             rf"Y \in \mathbb{{R}}^{{n \times {columns}}}"]
    define, of = [r"L = \frac12\|XW-Y\|^2"], r"\frac{\partial L}{\partial W}"
    layout = verify(r"(XW-Y)^T X", of=of, define=define, given=given)
    assert (layout.verdict, layout.diagnosis, layout.exit_code) == ("proved", "layout", 0), str(layout)
    assert layout.links[0].points >= 8
    same = verify(r"X^T(XW-Y)", of=of, define=define, given=given)
    assert (same.verdict, same.diagnosis) == ("proved", None), str(same)
