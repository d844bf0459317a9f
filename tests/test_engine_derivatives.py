"""``derivatives.d`` on the constructs the catalog rarely reaches: abstract functions, max/min, cases, powers.

Each derivative is compared with SymPy's own ``diff`` once the abstract function is made concrete, or with
the derivative written by hand; where a function has no derivative, the kink it records is asserted.
"""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.derivatives import d
from symgrad.errors import DeriveError
from symgrad.tensors import index, size

x, y, s, t = sp.symbols("x y s t")
f = sp.Function("f")
N = size("N")
j, k = index("j", N), index("k", N)
v, w = sp.IndexedBase("v"), sp.IndexedBase("w")


def concrete(e: sp.Expr) -> sp.Expr:
    """``e`` with the abstract ``f(s, t)`` made ``sin(s) e^{3t}`` (one argument: ``sin(s)``), evaluated."""
    e = e.replace(lambda a: isinstance(a, sp.core.function.AppliedUndef) and len(a.args) == 2,
                  lambda a: sp.sin(a.args[0]) * sp.exp(3 * a.args[1]))
    e = e.replace(lambda a: isinstance(a, sp.core.function.AppliedUndef) and len(a.args) == 1,
                  lambda a: sp.sin(a.args[0]))
    return e.doit()


def test_abstract_function_of_an_expression_follows_the_chain_rule():
    ours = d(f(x**2), x)
    assert sp.simplify(concrete(ours) - sp.diff(sp.sin(x**2), x)) == 0


@pytest.mark.parametrize("by", [x, y])
def test_abstract_function_of_two_expressions_sums_both_partial_derivatives(by):
    ours = d(f(x**2 * y, x + y**3), by)
    assert sp.simplify(concrete(ours) - sp.diff(sp.sin(x**2 * y) * sp.exp(3 * (x + y**3)), by)) == 0


def test_abstract_function_of_two_expressions_keeps_each_argument_in_place():
    ours = d(f(x**2, y), x)
    assert sp.simplify(concrete(ours) - 2 * x * sp.cos(x**2) * sp.exp(3 * y)) == 0


def test_abstract_function_passes_the_kinks_of_its_argument_on():
    kinks: list = []
    d(f(sp.Abs(x - 1)), x, kinks)
    assert [where for where, _ in kinks] == [sp.Eq(x - 1, 0)]


def test_abstract_function_of_a_whole_parameter_vector_keeps_df_dw_j_symbolic():
    assert d(f(x, w), w[j]) == sp.Derivative(f(x, w), w[j])


def test_abstract_function_of_two_vectors_differentiates_only_by_the_one_asked():
    assert d(f(v, w), w[j]) == sp.Derivative(f(v, w), w[j])
    assert d(f(v, w), v[j]) == sp.Derivative(f(v, w), v[j])


def test_abstract_function_of_a_vector_by_an_unrelated_scalar_is_zero():
    assert d(f(w, x**2), x) != 0
    assert d(f(w), x) == 0


POINTS = [(-1.5, 0.5), (2.0, 0.5), (0.3, -0.7), (-0.5, -3.0), (1.0, -10.0), (-2.0, 9.0)]


@pytest.mark.parametrize("a, b", POINTS)
def test_max_of_two_moving_arguments_follows_the_larger(a, b):
    e = sp.Max(x**2, 3 * x + y)
    ours = d(e, x).subs({x: a, y: b})
    want = 2 * a if a**2 > 3 * a + b else 3
    assert ours == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("a, b", POINTS)
def test_min_of_two_moving_arguments_follows_the_smaller(a, b):
    e = sp.Min(x**2, 3 * x + y)
    ours = d(e, x).subs({x: a, y: b})
    want = 2 * a if a**2 < 3 * a + b else 3
    assert ours == pytest.approx(want, rel=1e-12)


def test_max_at_a_tie_averages_the_two_one_sided_derivatives_and_says_so():
    kinks: list = []
    ours = d(sp.Max(x, 2 * y), x, kinks)
    assert ours.subs({x: 1, y: sp.Rational(1, 2)}) == sp.Rational(1, 2)
    assert ours.subs({x: 2, y: 0}) == 1 and ours.subs({x: -2, y: 0}) == 0
    (where, used), = kinks
    assert where == sp.Eq(x, 2 * y) or where == sp.Eq(2 * y, x)
    assert used == "the average of the two one-sided derivatives, a subgradient"


def test_min_inside_max_records_both_kinks():
    kinks: list = []
    d(sp.Max(sp.Min(x, y), 1 - x), x, kinks)
    assert sorted(str(where) for where, _ in kinks) == sorted([str(sp.Eq(sp.Min(x, y), 1 - x)), str(sp.Eq(x, y))])


def test_max_of_three_arguments_is_refused_asking_for_nested_pairs():
    with pytest.raises(DeriveError, match="^Max of 3 arguments: write it as nested pairs$"):
        d(sp.Max(x, y, s), x)


def test_cases_are_differentiated_branch_by_branch_and_the_boundary_is_named():
    kinks: list = []
    e = sp.Piecewise((x**2, x > 1), (2 * x - 1, True))
    ours = d(e, x, kinks)
    assert ours == sp.Piecewise((2 * x, x > 1), (2, True))
    assert kinks == [(x > 1, "the derivative of the branch whose condition holds")]


def test_cases_whose_condition_does_not_move_with_the_variable_have_no_kink():
    kinks: list = []
    ours = d(sp.Piecewise((x**2, y > 0), (x, True)), x, kinks)
    assert ours == sp.Piecewise((2 * x, y > 0), (1, True)) and kinks == []


def test_abs_records_its_kink_at_zero_with_the_subgradient_used():
    kinks: list = []
    assert d(sp.Abs(x - 2), x, kinks) == sp.sign(x - 2)
    assert kinks == [(sp.Eq(x - 2, 0), "sign(0) = 0, a subgradient")]


@pytest.mark.parametrize("f, where, inside", [(sp.asin, sp.Eq((2 * x) ** 2, 1), sp.Rational(1, 5)),
                                              (sp.asec, sp.Eq((2 * x) ** 2, 1), sp.Rational(7, 5)),
                                              (sp.acosh, sp.Eq(2 * x, 1), sp.Rational(7, 5))])
def test_an_inverse_function_records_the_end_of_its_domain_where_it_has_no_derivative(f, where, inside):
    kinks: list = []
    ours = d(f(2 * x), x, kinks)
    assert [w for w, _ in kinks] == [where]
    assert abs(sp.N((ours - sp.diff(f(2 * x), x)).subs(x, inside))) < 1e-30


def test_the_reciprocal_hyperbolic_functions_differentiate_as_sympy_does():
    for f in (sp.coth, sp.sech, sp.csch, sp.acoth):
        assert sp.simplify(d(f(x**2), x) - sp.diff(f(x**2), x)) == 0, f


def test_a_function_of_a_constant_argument_records_no_kink():
    kinks: list = []
    assert d(sp.Abs(y) * x, x, kinks) == sp.Abs(y) and kinks == []


@pytest.mark.parametrize("e", [x**y, x**x, (x + 1) ** sp.sin(x), 2**x])
def test_a_power_with_a_moving_exponent_matches_sympy(e):
    assert sp.simplify(d(e, x) - sp.diff(e, x)) == 0


def test_a_power_with_a_constant_exponent_is_n_x_to_the_n_minus_1():
    assert d(x**5, x) == 5 * x**4 and d(y**5, x) == 0


def test_a_product_of_three_factors_has_three_terms():
    assert sp.expand(d(x * sp.sin(x) * sp.exp(x), x) - sp.diff(x * sp.sin(x) * sp.exp(x), x)) == 0


def test_an_element_by_another_element_of_the_same_tensor_is_a_delta():
    assert d(w[j] ** 2, w[k]) == 2 * w[j] * sp.KroneckerDelta(j, k)
    assert d(v[j], w[k]) == 0


def test_an_element_by_an_element_with_another_number_of_indices_is_refused():
    m = index("m", N)
    with pytest.raises(DeriveError, match="different numbers of indices"):
        d(w[j, m], w[k])


def test_a_summation_index_that_clashes_with_the_variable_is_refused():
    with pytest.raises(DeriveError, match="summation index j .* clashes with the variable w\\[j\\]; rename it"):
        d(sp.Sum(w[j] ** 2, (j, 1, N)), w[j])


def test_a_sum_is_differentiated_under_the_sum_sign():
    assert d(sp.Sum(w[k] ** 2, (k, 1, N)), w[j]) == sp.Sum(2 * w[k] * sp.KroneckerDelta(k, j), (k, 1, N))
    assert d(sp.Sum(v[k] ** 2, (k, 1, N)), w[j]) == 0


@pytest.mark.parametrize("e", [sp.Max(x, sp.Abs(x - 1)), sp.Min(sp.Abs(x - 1), 2 * x), sp.Max(sp.Abs(x - 1), 2 * x)])
def test_max_and_min_pass_the_kinks_of_both_arguments_on(e):
    kinks: list = []
    d(e, x, kinks)
    assert sp.Eq(x - 1, 0) in [where for where, _ in kinks]


def test_cases_pass_the_kinks_of_their_branches_on():
    kinks: list = []
    d(sp.Piecewise((sp.Abs(x - 1), y > 0), (x, True)), x, kinks)
    assert kinks == [(sp.Eq(x - 1, 0), "sign(0) = 0, a subgradient")]


def test_a_function_of_a_function_passes_the_inner_kink_on():
    kinks: list = []
    assert d(sp.exp(sp.Abs(x - 1)), x, kinks) == sp.exp(sp.Abs(x - 1)) * sp.sign(x - 1)
    assert kinks == [(sp.Eq(x - 1, 0), "sign(0) = 0, a subgradient")]


@pytest.mark.parametrize("e", [sp.exp(sp.floor(x)), sp.sin(sp.sign(x)), sp.log(sp.sign(x) + 2)])
def test_a_function_of_a_piecewise_constant_argument_has_derivative_zero(e):
    assert d(e, x) == 0


def test_a_function_without_a_rule_is_refused_naming_it():
    with pytest.raises(DeriveError, match=r"^no derivative rule for gamma in gamma\(x\)$"):
        d(sp.gamma(x), x)


def test_a_function_of_the_table_given_two_arguments_is_refused_naming_it():
    with pytest.raises(DeriveError, match=r"^Heaviside takes one argument, got 2 in Heaviside\(x, y\)$"):
        d(sp.Heaviside(x, sp.Symbol("y")), x)


def test_the_step_has_derivative_zero_away_from_its_jump_so_the_hinge_hessian_is_zero():
    # SymPy 1.14 stores Heaviside(x) as Heaviside(x, 1/2); the value at 0 is a constant, not a second variable
    assert d(sp.Heaviside(x - 1), x) == 0
    assert d(sp.Heaviside(x - 1, 0), x) == 0


@pytest.mark.parametrize("e", [sp.Abs(x - 1) ** 3, 2 ** sp.Abs(x - 1), sp.Abs(x - 1) ** x])
def test_a_power_passes_the_kinks_of_its_base_and_exponent_on(e):
    kinks: list = []
    d(e, x, kinks)
    assert (sp.Eq(x - 1, 0), "sign(0) = 0, a subgradient") in kinks


@pytest.mark.parametrize("e", [sp.floor(x) ** 2, sp.sign(x) ** 3])
def test_a_power_of_a_piecewise_constant_base_has_derivative_zero(e):
    assert d(e, x) == 0


@pytest.mark.parametrize("e, by", [(x * sp.Abs(x - 1), x), (sp.Sum(sp.Abs(w[k] - 1), (k, 1, N)), w[j])])
def test_products_and_sums_pass_the_kinks_of_their_terms_on(e, by):
    kinks: list = []
    d(e, by, kinks)
    assert len(kinks) == 1 and kinks[0][1] == "sign(0) = 0, a subgradient"


def test_a_sum_of_a_piecewise_constant_summand_has_derivative_exactly_zero():
    assert d(sp.Sum(sp.floor(w[k]), (k, 1, N)), w[j]) == 0


def test_a_sum_of_a_term_with_derivative_one_is_the_sum_of_ones():
    assert d(sp.Sum(x, (k, 1, N)), x) == sp.Sum(1, (k, 1, N))


@pytest.mark.parametrize("at, slope", [(2, 1), (-2, -1)])
def test_max_of_x_and_minus_x_is_abs_with_slope_sign_x(at, slope):
    assert d(sp.Max(x, -x), x).subs(x, at) == slope


def test_a_sum_of_terms_passes_the_kinks_of_each_on():
    kinks: list = []
    d(x + sp.Abs(x - 1), x, kinks)
    assert kinks == [(sp.Eq(x - 1, 0), "sign(0) = 0, a subgradient")]


def test_a_scalar_named_like_a_tensor_is_not_its_element():
    assert d(w[k], sp.Symbol("w")) == 0


def test_a_construct_without_a_rule_is_refused_naming_its_kind():
    with pytest.raises(DeriveError, match=r"^cannot differentiate Product in Product\(w\[k\], \(k, 1, N\)\)$"):
        d(sp.Product(w[k], (k, 1, N)), w[j])
