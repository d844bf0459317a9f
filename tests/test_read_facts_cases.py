"""What a claim is about (issue 9 item 5): cases assumed between indices, and a chain that starts with several
derivatives by one variable instead of one."""

import pytest
import sympy as sp

import symgrad
from symgrad import parse
from symgrad.errors import ParseError


def test_a_case_between_indices_is_read_after_the_claim_that_gives_their_ranges():
    verdict = symgrad.verify(r"\frac{\partial D_{ij}}{\partial W_{dc}} = 0", define=["D = WX"],
                             given=[r"X \in \mathbb{R}^{m \times n}", r"W \in \mathbb{R}^{h \times m}"],
                             assume=[r"i \neq d"])
    assert verdict.verdict == "proved", verdict.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial s_i}{\partial z_i} = s_i (1 - s_j)", "proved"),
    (r"\frac{\partial s_i}{\partial z_i} = - s_i s_j", "wrong"),
])
def test_a_case_already_written_into_the_derivative_renames_its_index_in_the_claim(claim, verdict):
    got = symgrad.verify(claim, define=[r"s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"], assume=["i = j"])
    assert got.verdict == verdict, got.message
    assert "already written into the derivative" in got.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{d}{dx} x^2 + 3 \frac{d}{dx} \sin(x) = 2x + 3\cos(x)", "proved"),
    (r"\frac{d}{dx} x^2 + 3 \frac{d}{dx} \sin(x) = 2x - 3\cos(x)", "wrong"),
    (r"-(\frac{\partial}{\partial w} w^2 + \frac{\partial}{\partial w} y w) = -2w - y", "proved"),
])
def test_a_sum_of_constant_multiples_of_derivatives_is_the_derivative_of_the_sum(claim, verdict):
    got = symgrad.verify(claim)
    assert got.verdict == verdict, got.message
    assert "linearity" in got.message


def test_a_factor_that_depends_on_the_variable_is_not_taken_inside_the_derivative():
    got = symgrad.verify(r"x \frac{d}{dx} x^2 = 2x^2")
    assert got.verdict == "unreadable" and "names no derivative" in got.message


@pytest.mark.parametrize(("written", "case"), [
    (r"\text{for } i \neq j", sp.Ne), ("i != j", sp.Ne), ("if i = j", sp.Eq), ("when i=j (diagonal)", sp.Eq),
    ("i=j (the diagonal)", sp.Eq), (r"\forall i \neq j", sp.Ne), ("assume i=j", sp.Eq), ("i and j are distinct", sp.Ne),
    ("i and j are the same", sp.Eq), (r"$i \ne j$ (off-diagonal)", sp.Ne),
])
def test_a_case_is_read_in_the_words_pages_put_around_it(written, case):
    rel = parse.parse_assumption(written, parse.Context())
    assert isinstance(rel, case) and {str(a) for a in rel.args} == {"i", "j"}


def test_a_case_that_does_not_name_its_indices_is_refused():
    with pytest.raises(ParseError, match="names its indices"):
        parse.parse_assumption("off-diagonal entries", parse.Context())


@pytest.mark.parametrize(("case", "claim"), [
    ("when i = j (diagonal)", r"\frac{\partial p_i}{\partial z_j} = p_i (1 - p_i)"),
    (r"\text{for } i \neq j", r"\frac{\partial p_i}{\partial z_j} = -p_i p_j"),
])
def test_the_softmax_jacobian_cases_in_words_are_proved(case, claim):
    got = symgrad.verify(claim, define=[r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"], assume=[case])
    assert got.verdict == "proved", got.message


LINEAR_SQUARED = [r"z_i = \sum_j W_{ij} x_j", r"L = \frac12 \sum_i (z_i - t_i)^2"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial z_i} x_j", "proved"),
    (r"\frac{\partial L}{\partial W_{ij}} = \sum_k \frac{\partial L}{\partial z_k} \frac{\partial z_k}{\partial W_{ij}}",
     "proved"),
    (r"\frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial z_j} x_i", "wrong"),
])
def test_a_chain_rule_factor_by_an_index_the_loss_sums_over_is_its_partial_derivative(claim, verdict):
    """dL/dz_i of L = 1/2 sum_i (z_i - t_i)^2 is z_i - t_i: the i the definition sums over is another i."""
    got = symgrad.verify(claim, define=LINEAR_SQUARED)
    assert got.verdict == verdict, got.message


@pytest.mark.parametrize(("define", "claim", "verdict"), [
    ([r"J_{ij} = \frac{\partial p_i}{\partial z_j}"], r"J_{ij} = p_i(\delta_{ij} - p_j)", "proved"),
    ([r"J_{ij} = \frac{\partial p_i}{\partial z_j}"], r"J_{ij} = p_i(1 - p_j)", "wrong"),
    ([r"L = -\sum_k y_k \log p_k", r"dz_j = \frac{\partial L}{\partial z_j}"], r"dz_j = p_j - y_j", "proved"),
])
def test_a_name_for_a_derivative_is_the_derivative_where_the_claim_uses_it(define, claim, verdict):
    got = symgrad.verify(claim, define=[r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", *define], given=["y is one-hot"])
    assert got.verdict == verdict, got.message


def test_a_backprop_delta_named_among_the_facts_is_the_partial_derivative_it_names():
    got = symgrad.verify(r"\frac{\partial L}{\partial W_{ij}} = g_i x_j", define=LINEAR_SQUARED,
                         given=[r"g_i = \frac{\partial L}{\partial z_i}"])
    assert got.verdict == "proved", got.message


@pytest.mark.parametrize(("fact", "claim", "verdict"), [
    (r"for $i \neq j$", r"\frac{\partial p_i}{\partial z_j} = -p_i p_j", "proved"),
    ("i = j", r"\frac{\partial p_i}{\partial z_j} = p_i (1 - p_i)", "proved"),
    ("i = j", r"\frac{\partial p_i}{\partial z_j} = -p_i p_j", "wrong"),
])
def test_a_case_given_among_the_facts_is_an_assumption(fact, claim, verdict):
    got = symgrad.verify(claim, define=[r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"], given=[fact])
    assert got.verdict == verdict, got.message


def test_a_case_is_never_read_as_a_definition_of_an_index():
    with pytest.raises(ParseError, match="a case, given as --assume"):
        parse.parse_given("$i = j$", parse.Context())


def test_a_model_of_the_data_with_its_noise_is_not_a_definition():
    ctx = parse.Context()
    parse.parse_given(r"y = X\beta + \epsilon", ctx)
    assert not ctx.definitions and [str(c.lhs) for c in ctx.constraints] == ["y"]


@pytest.mark.parametrize(("of", "claim", "verdict"), [
    (r"\log \det X", "X^{-T}", "proved"),
    (r"\log \mathrm{det}\, X", r"X^{-T}", "proved"),
    (r"\log \det X", r"\frac{1}{2} X^{-T}", "wrong"),
    (r"\sigma(\theta)", r"\sigma(\theta)(1-\sigma(\theta))", "proved"),
])
def test_an_of_without_a_derivative_is_the_derivative_by_its_one_variable(of, claim, verdict):
    got = symgrad.verify(claim, of=of)
    assert got.verdict == verdict, got.message
    assert "its only variable" in got.message


def test_an_of_without_a_derivative_and_with_two_variables_is_by_the_one_of_the_claims_shape_else_refused():
    got = symgrad.verify("2Ax", of="x^T A x")  # A m x m, x m: a claim of length m is d/dx, (A + A^T)x
    assert got.verdict == "wrong" and "derivative by x, the one variable of the claim's shape" in got.message
    assert symgrad.verify("(A + A^T)x", of="x^T A x").verdict == "proved"
    got = symgrad.verify("2ax", of="a x^2")  # scalars all have one shape
    assert got.verdict == "unreadable" and "an expression of a, x" in got.message


def test_an_equation_between_declared_sizes_is_no_case():
    ctx = parse.Context()
    parse.parse_given(r"X \in \mathbb{R}^{n \times m}", ctx)
    assert not parse.is_case("n = m", ctx) and parse.is_case("i = j", ctx)


@pytest.mark.parametrize(("claim", "verdict"), [("-2x", "proved"), ("2x", "wrong")])
def test_an_of_that_is_a_constant_multiple_of_a_derivative_is_that_derivative(claim, verdict):
    got = symgrad.verify(claim, of=r"-\frac{d}{dx}(x^2)")
    assert got.verdict == verdict, got.message


@pytest.mark.parametrize("of", [r"J_z p", r"J_{z}(p)", r"J_{\mathbf{z}}(\mathbf{p})", r"\mathbf{J}_z p"])
def test_an_of_written_as_a_jacobian_is_the_derivative_of_its_argument_by_its_subscript(of):
    got = symgrad.verify(r"\operatorname{diag}(p) - p p^T", of=of,
                         define=[r"p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}"])
    assert got.verdict == "proved", got.message
    assert "read as the Jacobian of" in got.message


def test_an_of_applying_an_undefined_function_is_refused_not_differentiated_by_its_argument():
    got = symgrad.verify("1", of="f(p)", define=[r"p = 2 z"])
    assert got.verdict == "unreadable" and "function nothing defines" in got.message
