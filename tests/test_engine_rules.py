"""Each simplification rule on its own: the form it gives (derived by hand), the label it prints, when it stays out.

A rule's output must equal its input as mathematics; each expected form below is the hand-simplified
input, so an assertion of equality with it is an assertion of that identity.
"""

from __future__ import annotations

import time

import pytest
import sympy as sp

from symgrad import rules
from symgrad.derivation import Graph, Step
from symgrad.errors import DeriveError
from symgrad.tensors import Constraint, Definition, index, size

N, M = size("N"), size("M")
i, j, k = index("i", N), index("j", N), index("k", N)
m = index("m", M)
a, f, p, y = (sp.IndexedBase(n) for n in "afpy")
s, u, x, z = sp.symbols("s u x z")
sigma = sp.Symbol("sigma")
EMPTY = Graph((), (), "L")
ONE_HOT = Graph((), (), "L", (Constraint(sp.Sum(y[k], (k, 1, N)), 1, "one-hot"),))
SOFTMAX = Graph((Definition(p[i], sp.exp(a[i]) / sp.Sum(sp.exp(a[k]), (k, 1, N))),), (a,), "p")
SIGMOID = Graph((Definition(sigma, 1 / (1 + sp.exp(-z))),), (z,), "sigma")


def test_a_delta_under_a_sum_over_the_same_range_picks_the_term():
    assert rules.contract_deltas(sp.Sum(a[k] * sp.KroneckerDelta(k, j), (k, 1, N)), EMPTY) == (
        a[j], "contract the Kronecker delta", None)


def test_a_delta_with_an_index_of_another_range_is_not_contracted():
    assert rules.contract_deltas(sp.Sum(a[k] * sp.KroneckerDelta(k, m), (k, 1, N)), EMPTY) is None


def test_a_delta_shared_by_every_case_of_a_summand_is_contracted():
    body = sp.Piecewise((a[k] * sp.KroneckerDelta(k, j), x > 0), (2 * a[k] * sp.KroneckerDelta(k, j), True))
    new, _, _ = rules.contract_deltas(sp.Sum(body, (k, 1, N)), EMPTY)
    assert new == sp.Piecewise((a[j], x > 0), (2 * a[j], True))


def test_a_declared_sum_is_replaced_by_its_value_with_the_reason_and_the_constraint():
    new, label, detail = rules.use_constraints(p[j] * sp.Sum(y[k], (k, 1, N)), ONE_HOT)
    assert new == p[j] and label == "use the constraint (one-hot)"
    assert detail == sp.Eq(sp.Sum(y[k], (k, 1, N)), 1, evaluate=False)


def test_a_declared_sum_is_recognised_under_another_summation_index():
    l = index("l", N)
    assert rules.use_constraints(2 * sp.Sum(y[l], (l, 1, N)), ONE_HOT)[0] == 2


def test_a_sum_over_another_range_or_of_another_tensor_is_not_the_constraint():
    assert rules.use_constraints(sp.Sum(y[m], (m, 1, M)), ONE_HOT) is None
    assert rules.use_constraints(sp.Sum(p[k], (k, 1, N)), ONE_HOT) is None
    assert rules.use_constraints(sp.Sum(y[k] * p[k], (k, 1, N)), ONE_HOT) is None


def test_a_constraint_with_a_free_row_index_matches_every_row():
    n = index("n", M)
    rows = Graph((), (), "L", (Constraint(sp.Sum(y[n, k], (k, 1, N)), 1, ""),))
    new, label, _ = rules.use_constraints(a[m] * sp.Sum(y[m, k], (k, 1, N)), rows)
    assert new == a[m] and label == "use the constraint"


def test_the_softmax_kernel_folds_back_into_p():
    new, label, detail = rules.fold_definitions(sp.exp(a[j]) / sp.Sum(sp.exp(a[k]), (k, 1, N)), SOFTMAX)
    assert new == p[j] and label == "substitute the definition"
    assert detail == sp.Eq(p[i], sp.exp(a[i]) / sp.Sum(sp.exp(a[k]), (k, 1, N)), evaluate=False)


def test_the_softmax_kernel_squared_folds_into_p_squared():
    e = sp.exp(2 * a[j]) / sp.Sum(sp.exp(a[k]), (k, 1, N)) ** 2
    assert rules.fold_definitions(e, SOFTMAX)[0] == p[j] ** 2


def test_the_sigmoid_derivative_folds_into_sigma_times_one_minus_sigma():
    new, _, _ = rules.fold_definitions(sp.exp(-z) / (1 + sp.exp(-z)) ** 2, SIGMOID)
    assert sp.expand(new - sigma * (1 - sigma)) == 0


def test_an_expression_without_the_kernel_is_not_folded():
    assert rules.fold_definitions(sp.exp(z) * a[j], SOFTMAX) is None
    assert rules.fold_definitions(z**2, SIGMOID) is None


def test_a_scalar_definition_found_verbatim_is_replaced_by_its_name():
    r = sp.Symbol("r")
    norm = Graph((Definition(r, sp.sqrt(sp.Sum(a[k] ** 2, (k, 1, N)))),), (a,), "r")
    l = index("l", N)
    new, _, _ = rules.fold_definitions(a[j] / sp.sqrt(sp.Sum(a[l] ** 2, (l, 1, N))), norm)
    assert new == a[j] / r


def test_a_factor_every_case_shares_comes_out_of_the_cases():
    new, label, _ = rules.factor_cases(sp.Piecewise((2 * x * s, x > 0), (3 * x, True)), EMPTY)
    assert new == x * sp.Piecewise((2 * s, x > 0), (3, True))
    assert label == "take the common factor out of the cases"


def test_cases_without_a_shared_factor_are_left_alone():
    assert rules.factor_cases(sp.Piecewise((2 * x, x > 0), (3 * s, True)), EMPTY) is None


def test_sinh_over_cosh_is_tanh():
    assert rules.hyperbolic(x * sp.sinh(u) / sp.cosh(u), EMPTY) == (x * sp.tanh(u), "sinh/cosh = tanh", None)
    assert rules.hyperbolic(x * sp.sinh(u) / sp.cosh(z), EMPTY) is None


def test_the_step_times_the_ramp_is_the_ramp():
    new, label, _ = rules.step_times_ramp(x * sp.Heaviside(u) * sp.Max(0, u), EMPTY)
    assert new == x * sp.Max(0, u) and label == "the step is 1 where max(0, u) is not 0"
    assert rules.step_times_ramp(sp.Heaviside(z) * sp.Max(0, u), EMPTY) is None


def test_common_factors_cancel_in_a_sum_free_fraction():
    assert rules.cancel_fractions((x**2 - 1) / (x - 1), EMPTY) == (x + 1, "cancel common factors", None)
    assert rules.cancel_fractions(sp.Sum(a[k], (k, 1, N)) / x, EMPTY) is None
    assert rules.cancel_fractions(x + 1, EMPTY) is None


def test_expanding_a_sum_exposes_a_delta_and_pulls_constants_out():
    e = sp.Sum(x * (a[k] + y[k]) * sp.KroneckerDelta(k, j), (k, 1, N))
    new, label, _ = rules.expand_sums(e, EMPTY)
    assert label == "multiply out, split the sums, pull constants out"
    assert sp.expand(new - x * sp.Sum(a[k] * sp.KroneckerDelta(k, j), (k, 1, N))
                     - x * sp.Sum(y[k] * sp.KroneckerDelta(k, j), (k, 1, N))) == 0


def test_a_sum_with_nothing_to_gain_is_not_expanded():
    assert rules.expand_sums(sp.Sum(a[k] ** 2 + a[k], (k, 1, N)), EMPTY) is None


def test_simplify_runs_the_rules_to_a_fixed_point_and_records_each_step():
    steps: list[Step] = []
    e = sp.Sum(sp.exp(a[k]) * sp.KroneckerDelta(k, j), (k, 1, N)) / sp.Sum(sp.exp(a[k]), (k, 1, N))
    out = rules.simplify(e, SOFTMAX, lhs=z, section="here", steps=steps)
    assert out == p[j]
    assert [st.rule for st in steps] == ["contract the Kronecker delta", "substitute the definition"]
    assert all(st.lhs == z and st.section == "here" for st in steps) and steps[-1].rhs == p[j]


def test_simplify_stops_after_its_limit_of_rewrites():
    steps: list[Step] = []
    e = sp.Sum(sp.exp(a[k]) * sp.KroneckerDelta(k, j), (k, 1, N)) / sp.Sum(sp.exp(a[k]), (k, 1, N))
    out = rules.simplify(e, SOFTMAX, steps=steps, limit=1)
    assert len(steps) == 1 and out == steps[0].rhs and steps[0].section == "" and steps[0].lhs is None


def _spend_cpu(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_deadline_raises_once_its_time_has_run_out_naming_the_work():
    deadline = rules.Deadline(0.05, "deriving x")
    deadline.check()
    _spend_cpu(0.06)
    with pytest.raises(DeriveError, match=r"^deriving x did not finish within 0.05 s; simplify the loss or raise "
                                          r"--timeout$"):
        deadline.check()


def test_a_deadline_counts_this_process_cpu_time_so_a_busy_machine_changes_no_result():
    """Every budget reads rules.deadline.now, CPU seconds of this process: time spent waiting (a loaded machine,
    a sleep) is not spent, so a verdict or a derivation is the same however busy the machine is."""
    deadline = rules.Deadline(0.05, "deriving x")
    time.sleep(0.2)
    deadline.check()
    _spend_cpu(0.06)
    with pytest.raises(DeriveError):
        deadline.check()


def test_a_deadline_by_default_names_the_derivation():
    deadline = rules.Deadline(0.0)
    _spend_cpu(0.001)
    with pytest.raises(DeriveError, match="^the derivation did not finish within 0 s"):
        deadline.check()


@pytest.mark.parametrize("e, bound", [((x + s) ** 2, 3), ((x + s + u) * (x + s), 6), (x * s, 1),
                                      (sp.Sum((a[k] + x) ** 3, (k, 1, N)), 4), ((x + s) ** 10000, 2001)])
def test_terms_bound_counts_the_terms_of_the_multiplied_out_form(e, bound):
    assert rules._terms_bound(e) == bound


def test_tidy_leaves_an_expression_past_the_term_limit_as_it_is():
    e = (x + s + u + z) ** 12
    assert rules.tidy(e) == e


def test_merge_sums_adds_sums_over_the_same_range_under_one_sign():
    assert rules.merge_sums(2 * sp.Sum(a[k], (k, 1, N)) + 2 * sp.Sum(x * y[k], (k, 1, N))) == \
        2 * sp.Sum(a[k] + x * y[k], (k, 1, N))


def test_a_minus_sign_flips_into_a_binomial_factor():
    assert rules._positive_first(-(s - 1) * x) == x * (1 - s)
    assert rules._positive_first(2 * (s - 1) * x) == 2 * (s - 1) * x


def test_a_long_bracket_is_distributed():
    assert rules._distribute(2 * x * (s + u + z)) == 2 * x * s + 2 * x * u + 2 * x * z
    assert rules._distribute(2 * x * (s + u)) == 2 * x * (s + u)


def test_tidy_writes_differences_the_way_the_definitions_do():
    graph = Graph((Definition(sp.Symbol("L"), sp.Sum((y[k] - f[k]) ** 2, (k, 1, N))),), (y, f), "L")
    out = rules.tidy(2 * sp.Sum((f[k] - y[k]) * a[k], (k, 1, N)), graph)
    assert out == -2 * sp.Sum((y[k] - f[k]) * a[k], (k, 1, N))


def test_tidy_factors_a_sum_free_expression():
    assert rules.tidy(s - s**2) == s * (1 - s)


def test_a_constraint_that_is_not_a_sum_is_not_used_as_one():
    fixed = Graph((), (), "L", (Constraint(x, 1, "x is one"),))
    assert rules.use_constraints(x + sp.Sum(y[k], (k, 1, N)), fixed) is None


def test_multiplying_out_never_splits_an_exponential_of_a_sum():
    assert rules._expand(sp.exp(x + s) * (x + 1)) == x * sp.exp(x + s) + sp.exp(x + s)


def test_cancelling_that_would_lengthen_a_sum_of_fractions_is_not_done():
    assert rules.cancel_fractions(1 / x + 1 / s + 1 / u, EMPTY) is None


def test_a_constraint_that_cannot_be_a_pattern_does_not_hide_the_next_one():
    both = Graph((), (), "L", (Constraint(x, 1, ""), Constraint(sp.Sum(y[k], (k, 1, N)), 1, "one-hot")))
    assert rules.use_constraints(p[j] * sp.Sum(y[k], (k, 1, N)), both)[0] == p[j]


def test_terms_bound_of_a_sum_of_products_counts_the_products_terms():
    assert rules._terms_bound((x + s) * (u + x) + 1) == 5


def test_tidy_merges_powers_with_a_symbolic_exponent():
    assert rules.tidy(s**x * u**x + s**x) == s**x * (u**x + 1)


def test_tidy_orients_a_summed_difference_the_way_the_definitions_do():
    graph = Graph((Definition(sp.Symbol("L"), sp.Sum((y[k] - f[k]) ** 2, (k, 1, N))),), (y, f), "L")
    assert rules.tidy(2 * sp.Sum(f[k] - y[k], (k, 1, N)), graph) == -2 * sp.Sum(y[k] - f[k], (k, 1, N))


def test_a_name_for_a_square_is_never_folded_back_as_its_root_which_loses_the_sign_and_the_factor_two():
    """E_k = (t_k - s_k)^2 does not give t_k - s_k = sqrt(E_k): the derivative 2(t - s)(...) must keep its sign
    and its 2 (a root's base, r = sqrt(s) giving s = r^2, is the only power folded back)."""
    from symgrad import derive
    from symgrad.verify import self_check

    d = derive(loss=r"L = \sum_{k=1}^{K} E_k", given=[r"k = 1, \dots, K"], wrt=["w"],
               define=[r"E_k = \left(t_k - \sigma\left(\sum_{j=1}^{J} w_{jk} o_j\right)\right)^2"])
    assert not any(p.exp == sp.S.Half for p in d.results[0].expr.atoms(sp.Pow))
    self_check(d)  # central differences of the definitions agree (raised SelfCheckError with sqrt(E_k))


def test_sums_equal_up_to_their_index_names_are_one_value_so_the_logistic_gradient_cancels():
    # -y^T log s(Xw) - (1 - y)^T log(1 - s(Xw)): its two inner sums X_mk w_k and X_mt w_t once left
    # e^a e^a / ((e^a + 1)(e^a + 1)) uncancelled, and the compiled gradient was NaN at w ~ 1e3
    import numpy as np

    import symgrad
    d = symgrad.derive(loss=r"L = -y^T\log\sigma(Xw) - (\mathbf{1} - y)^T\log(\mathbf{1} - \sigma(Xw))", wrt=["w"],
                       given=[r"X \in \mathbb{R}^{N \times D}", r"w \in \mathbb{R}^{D}", r"y \in \mathbb{R}^{N}"])
    assert len({s.limits[0][0] for s in d.results[0].expr.atoms(sp.Sum)}) == 2  # the sample sum and one inner sum
    rng = np.random.default_rng(0)
    X, w, y = rng.normal(size=(5, 3)), 1e3 * rng.normal(size=3), (rng.random(5) > 0.5) * 1.0
    grad = symgrad.compile(d).value_and_grad(X=X, w=w, y=y)[1]["w"]
    z = X @ w
    expected = X.T @ (np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z)))) - y)
    np.testing.assert_allclose(grad, expected, rtol=1e-12, atol=1e-12)
