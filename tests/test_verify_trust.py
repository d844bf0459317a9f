"""verify never calls a claim right on too little evidence: a claim undefined where the derivative is defined
is wrong (diagnosis ``domain``), and a claim off by a polynomial in a size that vanishes at the small sizes is
wrong at a larger one. Each reference derivative here is written by hand (d x^2/dx = 2x)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
import sympy as sp

from symgrad import catalog, derive
from symgrad.errors import SelfCheckError
from symgrad.verify import DIAGNOSES, self_check, verify

SQUARE = ["L = x^2"]
DLDX = r"\frac{dL}{dx}"
SUM_OF_SQUARES = [r"L = \sum_{k=1}^N x_k^2"]
DLDXJ = r"\frac{\partial L}{\partial x_j}"


def _x(cx: dict) -> Fraction:
    return Fraction(cx["values"]["x"])


@pytest.mark.parametrize("claim", [
    r"\begin{cases} 2x & x > 0 \end{cases}",  # no case applies for x <= 0
    r"2x + \log(x) - \log(|x|)",  # log x is undefined for x <= 0
    r"2x + \sqrt{x} - \sqrt{|x|}",  # sqrt x is not real for x < 0
], ids=["cases-without-a-branch", "log-of-x", "sqrt-of-x"])
def test_claim_of_d_x_squared_that_is_undefined_where_2x_is_defined_is_wrong_with_that_point(claim):
    v = verify(claim, of=DLDX, define=SQUARE)
    assert (v.verdict, v.diagnosis, v.exit_code) == ("wrong", "domain", 1), str(v)
    cx = v.counterexample
    assert cx["claim"] == "undefined"
    assert _x(cx) <= 0 and Fraction(cx["derivative"]) == 2 * _x(cx)
    assert f"undefined at x={cx['values']['x']}, where the derivative is {cx['derivative']}" in v.message
    assert "domain" in DIAGNOSES


def test_claim_undefined_where_the_derivative_is_undefined_too_is_proved_with_the_skipped_points_counted():
    # L = log x is undefined for x <= 0, and so is 1/x at 0: those points are skipped, and the verdict says how many
    v = verify(r"\frac{1}{x}", of=DLDX, define=[r"L = \log x"])
    assert v.verdict == "proved", str(v)
    assert "points skipped where the derivative is undefined" in v.message


def test_a_sign_slip_that_is_also_undefined_somewhere_is_diagnosed_as_the_sign_slip_at_a_defined_point():
    v = verify(r"-2x + \log(x) - \log(|x|)", of=DLDX, define=SQUARE)
    assert (v.verdict, v.diagnosis) == ("wrong", "sign")
    cx = v.counterexample
    assert cx["claim"] != "undefined" and _x(cx) > 0


def test_x_over_abs_x_for_the_derivative_of_abs_x_is_not_wrong_at_the_kink():
    # at x = 0 |x| has no derivative (the engine's sign(0) = 0 is a convention): the claim may be undefined there
    v = verify(r"\frac{x}{|x|}", of=DLDX, define=["L = |x|"])
    assert v.verdict in ("proved", "agrees"), str(v)


def test_sum_of_squares_claim_off_by_a_polynomial_vanishing_at_sizes_1_to_4_is_wrong_at_a_larger_size():
    v = verify(r"2x_j + (N-1)(N-2)(N-3)(N-4)x_j", of=DLDXJ, define=SUM_OF_SQUARES)
    assert (v.verdict, v.exit_code) == ("wrong", 1), str(v)
    cx = v.counterexample
    n = cx["sizes"]["N"]
    assert n >= 5
    # the claim minus 2 x_j is (N-1)(N-2)(N-3)(N-4) x_j at the counterexample's own values
    j = cx["indices"]["j"]
    xj = Fraction(cx["values"][f"x_{j}"])
    assert Fraction(cx["derivative"]) == 2 * xj
    assert Fraction(cx["claim"]) == 2 * xj + (n - 1) * (n - 2) * (n - 3) * (n - 4) * xj


def test_sum_of_squares_gradient_2x_j_is_still_proved():
    assert verify("2x_j", of=DLDXJ, define=SUM_OF_SQUARES).verdict == "proved"


# ---------------------------------------------------------------- an independent truth

DOUBLE_SUM = [r"L = \sum_{k=1}^N \sum_{n=1}^N w_n^2"]  # = N sum_n w_n^2, so dL/dw_j = 2N w_j
DLDWJ = r"\frac{\partial L}{\partial w_j}"


def test_double_sum_gradient_2n_w_j_is_proved_and_the_engine_agrees_with_central_differences():
    assert verify("2N w_j", of=DLDWJ, define=DOUBLE_SUM).verdict == "proved"
    self_check(derive(loss=DOUBLE_SUM[0], wrt=["w"]))  # no disagreement: returns


@pytest.mark.parametrize("claim", ["2(N-1) w_j", "2N w_j"], ids=["the-bugs-answer", "the-right-answer"])
def test_an_engine_with_a_planted_term_count_bug_is_an_internal_error_not_a_verdict(term_count_off_by_one, claim):
    with pytest.raises(SelfCheckError, match="central differences"):
        verify(claim, of=DLDWJ, define=DOUBLE_SUM)


def test_self_check_of_a_derivation_from_an_engine_with_the_planted_bug_raises(term_count_off_by_one):
    with pytest.raises(SelfCheckError, match="internal error"):
        self_check(derive(loss=DOUBLE_SUM[0], wrt=["w"]))


def test_claim_that_differs_from_the_derivative_in_the_sixth_digit_is_wrong():
    # 2.00001 x against 2x: equal to 5 digits, so a loose equality (4 digits) would call it right
    v = verify(r"\frac{200001}{100000} x", of=DLDX, define=SQUARE)
    assert v.verdict == "wrong", str(v)
    x = Fraction(v.counterexample["values"]["x"])
    assert (v.counterexample["claim"], v.counterexample["derivative"]) == (str(Fraction(200001, 100000) * x), str(2 * x))


# ---------------------------------------------------------------- bad input is a verdict, never an exception

SOFTMAX = [r"p_i = \frac{e^{a_i}}{\sum_{k=1}^N e^{a_k}}"]
DPA = r"\frac{\partial p_i}{\partial a_j}"


@pytest.mark.parametrize("assume, name", [("i = m", "m"), ("x = y", "x")])
def test_assuming_a_case_on_a_name_that_is_not_a_free_index_is_unreadable_naming_it(assume, name):
    v = verify(r"p_i(\delta_{ij} - p_j)", of=DPA, define=SOFTMAX, assume=[assume])
    assert (v.verdict, v.exit_code) == ("unreadable", 2)
    assert f"names {name}, which is not a free index of the derivative (its free indices: i, j)" in v.message
    assert "\n" not in v.message


def test_symgrad_verify_assume_on_a_name_that_is_not_a_free_index_exits_2_with_one_line(capsys):
    from symgrad.cli import main

    code = main(["verify", "--claim", r"p_i(\delta_{ij} - p_j)", "--of", DPA, "--define", SOFTMAX[0],
                 "--assume", "i = m"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "not a free index" in err


def test_assuming_i_equals_j_on_the_softmax_jacobian_still_proves_p_i_one_minus_p_i():
    assert verify(r"p_i(1 - p_i)", of=DPA, define=SOFTMAX, assume=["i = j"]).verdict == "proved"


def test_agreement_past_the_search_budget_still_rests_on_8_points_with_negative_zero_and_positive_inputs():
    from symgrad.tensors import Definition
    from symgrad.verify.judging import _within
    from symgrad.verify.problem import _Problem
    from symgrad.verify.search import _Search

    x, loss = sp.Symbol("x"), sp.Symbol("L")
    problem = _Problem((Definition(loss, x**2),), loss, x)
    search = _Search(problem, 2 * x, [2 * x])
    samples = _within(search.samples(2 * x), deadline=0.0, needed=search.signs)  # the budget is already spent
    assert search.signs == {-1, 0, 1}
    assert len(samples) >= 8 and set().union(*(s.point.signs for s in samples)) == {-1, 0, 1}
    for s in samples:  # 2x at 50 digits from the exact input
        x_value = 2 * s.point.inputs["x"]
        assert s.claim == s.truth and abs(s.truth * x_value.denominator - x_value.numerator) < 1e-40


def test_claim_off_by_a_polynomial_vanishing_at_every_searched_size_is_wrong_at_a_root_free_size_found_symbolically():
    # (N-1)(N-2)(N-3)(N-4)(N-7) is 0 at N = 1..4 and 7; read as a polynomial in N it is -24 at N = 5
    claim = r"2x_j + (N-1)(N-2)(N-3)(N-4)(N-7)x_j"
    v = verify(claim, of=DLDXJ, define=SUM_OF_SQUARES)
    assert (v.verdict, v.diagnosis) == ("wrong", "other"), str(v)
    assert "not at N = 5" in v.message
    (link,) = v.links
    assert (link.latex, link.verdict, link.counterexample) == (claim, "wrong", v.counterexample)
    assert link.points >= 8 and link.expr.has(sp.Symbol("N", integer=True, positive=True))
    cx = v.counterexample
    xj = Fraction(cx["values"][f"x_{cx['indices']['j']}"])
    assert cx["sizes"]["N"] == 5 and Fraction(cx["claim"]) == 2 * xj - 24 * 2 * xj and Fraction(cx["derivative"]) == 2 * xj


@pytest.mark.parametrize("name", catalog.names())
def test_every_catalog_derivation_agrees_with_central_differences_of_its_definitions_and_a_doubled_one_does_not(name):
    d = derive(name)
    self_check(d)  # the engine's derivatives match the definitions: returns
    r = d.results[0]
    doubled = dataclasses.replace(d, results=[dataclasses.replace(r, expr=2 * r.expr)])
    with pytest.raises(SelfCheckError, match="central differences"):
        self_check(doubled)


def test_a_target_with_a_huge_constant_part_does_not_fool_the_self_check():
    # e^{100} ~ 2.7e43 swamps f(x + h) - f(x - h) at 50 digits; the check confirms at 150 before it accuses
    assert verify("1", of=DLDX, define=[r"L = e^{100} + x"]).verdict == "proved"


@pytest.mark.parametrize("k", range(3))
def test_self_check_catches_a_doubled_layernorm_gradient_which_vanishes_at_one_feature(k):
    """At D = 1 layernorm's output is constant (its gradients by x and gamma 0), so a doubled gradient agrees
    there: the self-check must judge at sizes where the derivative is not 0."""
    d = derive("layernorm")
    doubled = dataclasses.replace(d, results=[dataclasses.replace(d.results[k], expr=2 * d.results[k].expr)])
    with pytest.raises(SelfCheckError):
        self_check(doubled)


def test_a_declared_domain_keeps_the_counterexample_search_inside_it():
    # d sqrt(x^2)/dx is 1 for x > 0 and -1 for x < 0: right under the stated domain, wrong without it
    assert verify(r"\frac{dy}{dx} = 1", define=[r"y = \sqrt{x^2}"], given=["x > 0"]).verdict in ("proved", "agrees")
    assert verify(r"\frac{dy}{dx} = 1", define=[r"y = \sqrt{x^2}"]).verdict == "wrong"


def test_the_symmetric_convention_can_be_asked_for_and_the_verdict_names_it():
    context = {"define": [r"L = x^T \Sigma x"],
               "given": [r"\Sigma \succ 0", r"\Sigma \in \mathbb{R}^{n \times n}", r"x \in \mathbb{R}^{n}"]}
    claim = r"\frac{\partial L}{\partial \Sigma} = x x^T"
    assert verify(claim, **context).verdict == "proved"
    asked = verify(claim, convention="symmetric", **context)
    assert asked.verdict == "wrong" and asked.diagnosis == "symmetric" and "as asked" in asked.message
    assert set(DIAGNOSES) >= {"symmetric", "transpose", "convention", "dependence"}


def test_a_kink_of_the_derivative_is_no_counterexample():
    # max(0, x)' is 1[x > 0] everywhere but at 0, where it is undefined (the engine's H(0) = 1/2 is a convention)
    right = verify(r"\frac{\partial y}{\partial x} = \mathbb{1}[x>0]", define=[r"y = \max(0, x)"])
    assert right.verdict == "agrees"
    hinge = verify(r"\frac{\partial L}{\partial z} = -y\mathbb{1}[yz<1]", define=[r"L = \max(0, 1 - y z)"])
    assert hinge.verdict == "agrees"
    wrong = verify(r"\frac{\partial y}{\partial x} = \mathbb{1}[x<0]", define=[r"y = \max(0, x)"])
    assert wrong.verdict == "wrong" and wrong.counterexample["values"]["x"] != "0"


def test_an_inline_derivative_is_named_apart_from_the_users_definitions():
    # d/dx sigma(x) is named by a new node; a user's f (and F) must not be taken for it
    for define in ([r"f(x) = x^2"], [r"f(x) = x^2", "F = 2"]):
        assert verify(r"\frac{d}{dx}\sigma(x) = \sigma(x)(1-\sigma(x))", define=define).verdict == "proved"
        assert verify(r"\frac{d}{dx}\sigma(x) = \sigma(x)^2", define=define).verdict == "wrong"


@pytest.mark.parametrize("claim", [
    r"2(a - y) a (1 - a)",  # right on the page, where a = sigma(z) goes without saying
    r"2(a - y)",  # wrong on the page (drops sigma'), and as wrong as the first against the misread 0
], ids=["right-claim", "wrong-claim"])
def test_a_derivative_that_is_0_only_because_the_variable_enters_no_definition_is_refused_not_judged(claim):
    # read as given, L = (a - y)^2 does not involve z: dL/dz = 0 would call the page's right claim wrong
    v = verify(claim, of=r"\frac{\partial L}{\partial z}", define=["L = (a - y)^2"], given=[r"z \in \mathbb{R}"])
    assert v.verdict == "unreadable", str(v)
    assert "does not depend on z as read" in v.message


def test_a_derivative_by_a_variable_the_definitions_use_is_still_judged():
    v = verify(r"2(y - a)", of=r"\frac{\partial L}{\partial y}", define=["L = (y - a)^2"])
    assert v.verdict == "proved", str(v)


LAYER = [r"g(\xi) = \frac{1}{1 + e^{-\xi}}", r"f = \sum_{i=1}^{N} (g(b_i) - y_i)^2"]
DFDB = r"\frac{\partial f}{\partial b_p}"


def test_a_fact_that_defines_a_name_by_a_function_defined_after_it_applies_that_function():
    # z_i = g(b_i) is read as z's definition (facts are read before --define's g): once g is read, z_i is the sigmoid
    # of b_i, never g left abstract (that drew z at random: z_1 = 0 at b_1 = 0, a right claim called wrong)
    right = verify(r"2 (z_p - y_p) z_p (1 - z_p)", of=DFDB, define=LAYER, given=[r"z_i = g(b_i)"])
    slip = verify(r"2 (z_p - y_p) (1 - z_p)", of=DFDB, define=LAYER, given=[r"z_i = g(b_i)"])
    assert (right.verdict, slip.verdict) == ("proved", "wrong"), (str(right), str(slip))
    assert "read as a definition" in right.message


def test_the_same_claim_without_the_tied_name_is_still_proved_and_its_slip_still_wrong():
    # d/db_p sum_i (g(b_i) - y_i)^2 = 2 (g(b_p) - y_p) g(b_p) (1 - g(b_p)), g the logistic sigmoid
    right = verify(r"2 (g(b_p) - y_p) g(b_p) (1 - g(b_p))", of=DFDB, define=LAYER, given=[r"z_i = g(b_i)"])
    slip = verify(r"2 (g(b_p) - y_p) (1 - g(b_p))", of=DFDB, define=LAYER, given=[r"z_i = g(b_i)"])
    assert (right.verdict, slip.verdict) == ("proved", "wrong"), (str(right), str(slip))


@pytest.mark.parametrize("define", [LAYER, LAYER[::-1]], ids=["function-first", "function-after-its-use"])
def test_a_function_defined_after_the_definition_applying_it_is_the_same_function_there(define):
    # read in the order written, g(b_i) in f stayed a function nothing defines while the claim's g(b_p) was the
    # sigmoid: the right claim was called wrong
    right = verify(r"2 (g(b_p) - y_p) g(b_p) (1 - g(b_p))", of=DFDB, define=define)
    slip = verify(r"2 (g(b_p) - y_p) (1 - g(b_p))", of=DFDB, define=define)
    assert (right.verdict, slip.verdict) == ("proved", "wrong"), (str(right), str(slip))
