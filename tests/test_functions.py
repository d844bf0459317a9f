"""The table of elementary functions (``symgrad.functions``), and ``log1p`` and ``expm1`` added as one entry each.

The table is checked against sources written independently of it: SymPy's own derivatives and 40-digit
values, NumPy, mpmath. Then ``log1p`` and ``expm1`` go through every stage (derive, read, compile, verify, check),
each compared with autograd or SymPy, to show that one entry is all a new function needs; ``erf``, which NumPy
lacks, compiles from the table's own array form, measured here against mpmath.
"""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import mpmath
import numpy as np
import pytest
import sympy as sp
from frameworks import installed
from sympy.codegen.cfunctions import expm1, log1p

import symgrad
from symgrad.compile.rewrites import REWRITES
from symgrad.derivation import Graph
from symgrad.derivatives import DERIVATIVES, d
from symgrad.errors import ParseError
from symgrad.functions import FUNCTION_OF, FUNCTIONS, XP_FUNCTIONS
from symgrad.graph import derive_graph
from symgrad.read import parse_expression
from symgrad.tensors import Definition, index, size, tensor

u = sp.Symbol("u")
x = sp.Symbol("x")


def point(entry) -> sp.Rational:
    """A point inside the function's domain and away from its kinks: |u| > 1 for asec, acsc, acosh, acoth."""
    return sp.Rational(7, 3) if entry.sympy in (sp.asec, sp.acsc, sp.acosh, sp.acoth) else sp.Rational(2, 7)


ONE_ARGUMENT = [f for f in FUNCTIONS if f.sympy not in (sp.binomial,)]


@pytest.mark.parametrize("entry", [f for f in FUNCTIONS if f.derivative], ids=lambda f: f.name)
def test_each_derivative_in_the_table_equals_sympys_own(entry):
    at = point(entry)
    ours = sp.N(entry.derivative(u).subs(u, at), 40)
    theirs = sp.diff(entry.sympy(u), u).subs(u, at).doit()
    if theirs.has(sp.Derivative):  # SymPy has no rule (floor, ceiling): mpmath differentiates its own floor
        with mpmath.workdps(50):
            theirs = mpmath.diff(sp.lambdify(u, entry.sympy(u), "mpmath"), mpmath.mpf(at.p) / at.q)
    assert abs(ours - sp.N(theirs, 40)) < 1e-35


@pytest.mark.parametrize("entry", [f for f in ONE_ARGUMENT if f.mpmath], ids=lambda f: f.name)
def test_each_mpmath_evaluator_agrees_with_sympy_to_40_digits(entry):
    at = point(entry)
    with mpmath.workdps(50):
        ours = entry.mpmath(mpmath.mpf(at.p) / at.q)
    assert abs(sp.Float(ours, 50) - sp.N(entry.sympy(at), 50)) < sp.Float(10) ** -40


@pytest.mark.parametrize("entry", [f for f in ONE_ARGUMENT if f.float64], ids=lambda f: f.name)
def test_each_float64_evaluator_agrees_with_sympy_to_1e_15(entry):
    at = point(entry)
    assert float(entry.float64(np.float64(float(at)))) == pytest.approx(float(sp.N(entry.sympy(at), 30)), rel=1e-15)


@pytest.mark.parametrize("entry", [f for f in FUNCTIONS if f.numpy], ids=lambda f: f.name)
def test_each_array_name_is_the_numpy_function_of_the_same_values(entry):
    at = point(entry)
    step_at_zero = (0.5,) if entry.sympy is sp.Heaviside else ()  # np.heaviside takes H(0); SymPy's is 1/2
    ours = getattr(np, entry.numpy)(np.array([float(at)]), *step_at_zero)
    assert ours[0] == pytest.approx(float(sp.N(entry.sympy(at), 30)), rel=1e-15)


def test_each_stable_form_named_is_a_rewrite_of_the_compiler():
    named = {r.name for r in REWRITES}
    assert {s for f in FUNCTIONS for s in f.stable} <= named


def test_the_derivative_rules_are_the_tables_and_nothing_else():
    assert set(DERIVATIVES) == {f.sympy for f in FUNCTIONS if f.derivative}
    assert all(DERIVATIVES[f.sympy].note == f.kink_note for f in FUNCTIONS if f.derivative)


# the reader's own composites win over the table's words: read/vocabulary.py spells expm1 as exp(x) - 1
_READ_AS_COMPOSITE = pytest.mark.xfail(strict=True, reason="read/vocabulary._COMPOSITES reads expm1 as exp(x) - 1")


@pytest.mark.parametrize("entry", [pytest.param(f, marks=_READ_AS_COMPOSITE) if f.sympy is expm1 else f
                                   for f in FUNCTIONS if f.words], ids=lambda f: f.name)
def test_each_reader_word_reads_as_its_function(entry):
    for word in entry.words:
        assert parse_expression(rf"\operatorname{{{word}}}(x)") == entry.sympy(x), word


@pytest.mark.parametrize("entry", [f for f in FUNCTIONS if f.inverse], ids=lambda f: f.name)
def test_f_to_the_minus_one_reads_as_the_inverse_function_where_the_table_says_so(entry):
    assert parse_expression(rf"\operatorname{{{entry.name}}}^{{-1}}(x)") == entry.inverse(x)


def test_exp_to_the_minus_one_is_one_over_exp_as_the_table_gives_it_no_inverse():
    assert FUNCTION_OF[sp.exp].inverse is None
    assert parse_expression(r"\exp^{-1}(x)") == sp.exp(-x)


# ---------------------------------------------------------------- log1p: one entry, every stage

LOSS = r"L = \sum_{n=1}^{N} \operatorname{log1p}(x_n^2)"
POINTS = np.array([[1e-9, 0.5, -2.0], [3e-5, -7.0, 1.25], [1e-9, -2e-9, 3e-9]])  # last: 1 + u rounds to 1


def autograd_loss(xs):
    return anp.sum(anp.log1p(xs**2))


@pytest.fixture(scope="module")
def derived():
    return symgrad.derive(loss=LOSS, given=[r"x \in \mathbb{R}^{N}"], wrt=["x"])


def test_log1p_derivative_is_one_over_one_plus_u():
    assert d(log1p(x**2), x) == 2 * x / (1 + x**2)


def test_log1p_derivation_agrees_with_autograd_to_1e_12(derived):
    (result,) = derived.results
    (i,) = result.var.indices
    for xs in POINTS:
        values = {result.var.base[k + 1]: sp.Float(v, 30) for k, v in enumerate(xs)}
        ours = [float(result.expr.subs(i, k + 1).subs(values)) for k in range(len(xs))]
        np.testing.assert_allclose(ours, autograd.grad(autograd_loss)(xs), rtol=1e-12)


def test_log1p_reads_from_its_upright_name_and_log_of_1_plus_x_stays_a_log():
    assert parse_expression(r"\operatorname{log1p}(x)") == log1p(x)
    assert parse_expression(r"\mathrm{log1p}(x^2)") == log1p(x**2)
    assert parse_expression(r"\log(1 + x)") == sp.log(1 + x)
    assert not parse_expression(r"\log(1 + x)").has(log1p)


def test_log1p_as_printed_in_a_derivation_reads_back_as_log1p(derived):
    printed = symgrad.latex(log1p(x**2))
    assert parse_expression(printed) == log1p(x**2)


def assert_compiled_agrees_with_autograd_where_the_naive_form_loses_digits(derived, call, reference, naive):
    """The compiled NumPy code calls ``call``, agrees with autograd of ``reference`` to 1e-12 at POINTS and
    differs from the ``naive`` float64 value at the last row (where u = 1e-18 rounds away)."""
    compiled = symgrad.compile(derived)
    assert call in compiled.source
    value, grads = compiled.value_and_grad(x=POINTS)
    np.testing.assert_allclose(value, [reference(xs) for xs in POINTS], rtol=1e-12)
    np.testing.assert_allclose(grads["x"], [autograd.grad(reference)(xs) for xs in POINTS], rtol=1e-12)
    assert abs(naive - value[-1]) > 1e-3 * value[-1]


def test_log1p_compiles_to_numpy_agreeing_with_autograd_to_1e_12_where_log_of_1_plus_u_loses_digits(derived):
    naive = np.sum(np.log(1 + POINTS[-1] ** 2))  # what log(1 + u) would give: 1 + 1e-18 is 1 in float64
    assert_compiled_agrees_with_autograd_where_the_naive_form_loses_digits(derived, "np.log1p(", autograd_loss, naive)


def test_log1p_verify_proves_the_right_derivative():
    v = symgrad.verify(r"\frac{d}{dx}\operatorname{log1p}(x^2) = \frac{2x}{1+x^2}")
    assert v.verdict == "proved", v.message


def test_log1p_verify_finds_the_wrong_derivative_with_a_point():
    v = symgrad.verify(r"\frac{d}{dx}\operatorname{log1p}(x^2) = \frac{x}{1+x^2}")
    assert (v.verdict, v.diagnosis) == ("wrong", "factor"), v.message


def test_log1p_check_agrees_with_autograd(derived):
    report = symgrad.check(derived)
    assert report.ok and [r.status for r in report.rows] == ["ok"] * len(report.rows)


def test_a_name_the_table_does_not_have_is_refused_naming_it():
    with pytest.raises(ParseError, match=r"^\\operatorname\{erfcx\} is not a function symgrad knows"):
        parse_expression(r"\operatorname{erfcx}(x)")


# ---------------------------------------------------------------- one evaluator, two backends

def _both(expr, env, mp_values, np_values):
    from symgrad.check.evaluate import evaluate
    from symgrad.verify.evaluation import _compile

    with mpmath.workdps(50):
        high = _compile(expr)(dict(env), mp_values)
    return high, evaluate(expr, env, np_values)


@pytest.mark.parametrize("entry", [f for f in ONE_ARGUMENT if f.mpmath and f.float64], ids=lambda f: f.name)
def test_verify_and_check_evaluate_each_function_of_a_sum_as_sympy_does(entry):
    n, k = sp.symbols("n k", integer=True)
    w = sp.IndexedBase("w")
    at = point(entry)
    expr = sp.Sum(entry.sympy(w[k] * at), (k, 1, n))
    table = {1: sp.Rational(1, 2), 2: sp.Rational(3, 4)}
    high, low = _both(expr, {}, {"n": 2, "w": {(i,): mpmath.mpf(v.p) / v.q for i, v in table.items()}},
                      {"n": 2, "w": np.array([float(v) for v in table.values()])})
    want = sp.N(sum(entry.sympy(v * at) for v in table.values()), 45)
    assert abs(sp.Float(high, 50) - want) < 1e-40 and float(low) == pytest.approx(float(want), rel=1e-14)


def test_a_case_with_no_branch_is_nan_in_check_and_a_skipped_point_in_verify():
    from symgrad.check.evaluate import evaluate
    from symgrad.verify.evaluation import _compile

    expr = sp.Piecewise((x, x > 0))
    assert np.isnan(evaluate(expr, {}, {"x": np.float64(-1.0)}))
    with pytest.raises(ValueError, match="no piece applies"):
        _compile(expr)({}, {"x": mpmath.mpf(-1)})


def test_check_evaluation_leaves_a_scalar_input_unchanged():
    from symgrad.check.evaluate import evaluate

    scalar = np.asarray(2.0)  # check holds scalar inputs as 0-d arrays: a sum must not add into one in place
    assert evaluate(x + x * x + 1, {}, {"x": scalar}) == 7.0 and scalar == 2.0


def test_a_sum_gives_its_summation_variable_back_to_the_caller():
    from symgrad.verify.evaluation import _compile

    k = sp.Symbol("k", integer=True)
    env = {"k": 7}
    assert _compile(k + sp.Sum(k, (k, 1, 3)))(env, {}) == 13 and env == {"k": 7}


# ---------------------------------------------------------------- expm1: one entry, every stage

EXPM1_LOSS = r"L = \sum_{n=1}^{N} \operatorname{expm1}(x_n^2)"


def expm1_loss(xs):
    return anp.sum(anp.expm1(xs**2))


@pytest.fixture(scope="module")
def expm1_derived():
    xs, n = tensor("x", size("N")), index("n", size("N"))  # the reader spells expm1 as exp - 1: built directly
    return derive_graph(Graph((Definition(tensor("L"), sp.Sum(expm1(xs[n] ** 2), (n, 1, size("N")))),), (xs,), "L"),
                        ["x"], "expm1-sum")


def test_expm1_derivative_is_exp():
    assert d(expm1(x**2), x) == 2 * x * sp.exp(x**2)


def test_expm1_compiles_to_numpy_agreeing_with_autograd_to_1e_12_where_exp_minus_1_loses_digits(expm1_derived):
    naive = np.sum(np.exp(POINTS[-1] ** 2) - 1)  # e^u - 1 at u = 1e-18 is 0 in float64
    assert_compiled_agrees_with_autograd_where_the_naive_form_loses_digits(expm1_derived, "np.expm1(", expm1_loss,
                                                                          naive)


def test_expm1_verify_proves_the_right_derivative_and_finds_the_wrong_one():
    assert symgrad.verify(r"\frac{d}{dx}\operatorname{expm1}(2x) = 2 e^{2x}").verdict == "proved"
    assert symgrad.verify(r"\frac{d}{dx}\operatorname{expm1}(2x) = e^{2x}").verdict == "wrong"


def test_expm1_prints_as_its_upright_name_in_latex():
    assert symgrad.latex(expm1(x**2)) == r"\operatorname{expm1}{\left(x^{2} \right)}"


@pytest.mark.parametrize("backend", ["autograd", "jax", "torch", "tensorflow", "fd"])
def test_expm1_check_agrees_with_every_backend(expm1_derived, backend):
    installed(backend)
    report = symgrad.check(expm1_derived, backend=backend)
    assert report.ok and [r.status for r in report.rows] == ["ok"] * len(report.rows), str(report)


@pytest.mark.parametrize("namespace", ["TorchNamespace", "TensorFlowNamespace", "ComplexStepNamespace"])
def test_each_check_namespace_offers_every_xp_function_of_the_table(namespace):
    from symgrad.check import backends

    cls = getattr(backends, namespace)
    assert [op for op in XP_FUNCTIONS if op not in dir(cls)] == []


def test_each_xp_function_of_the_table_is_the_same_function_in_autograd_and_jax():
    installed("jax")
    import jax.numpy as jnp

    at = np.array([0.3, 1.7])  # inside every function's domain (log)
    for op in XP_FUNCTIONS:
        np.testing.assert_allclose(getattr(anp, op)(at), getattr(np, op)(at), rtol=1e-15)
        np.testing.assert_allclose(np.asarray(getattr(jnp, op)(at)), getattr(np, op)(at), rtol=1e-6)


# ---------------------------------------------------------------- erf: a function NumPy lacks

def _array_code(function=sp.erf, module="np"):
    """``function`` as compiled code computes it: the table's array form through the compiler's printer."""
    from symgrad.compile.printer import _ArrayPrinter

    return eval(f"lambda x: {_ArrayPrinter(module)._print(function(x))}", {module: np})


def test_erfs_numpy_code_is_within_2_ulp_of_mpmath_from_1e_300_to_7():
    rng = np.random.default_rng(7)
    at = np.concatenate([rng.uniform(-7, 7, 20000), 10.0 ** rng.uniform(-300, 0, 500), [0.0, 1.0, 3.5, 6.0, 40.0]])
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        ours = _array_code()(at)
    with mpmath.workdps(30):
        exact = np.array([float(mpmath.erf(v)) for v in at])
    ulps = np.abs(ours - exact) / np.spacing(np.maximum(np.abs(exact), np.finfo(float).tiny))
    assert ulps.max() <= 2, (ulps.max(), at[ulps.argmax()])


def test_erfs_numpy_code_keeps_the_sign_and_the_limits():
    f = _array_code()
    np.testing.assert_array_equal(f(np.array([-np.inf, -50.0, 0.0, 50.0, np.inf])), [-1, -1, 0, 1, 1])
    assert np.isnan(f(np.array([np.nan]))[0])


def test_erf_has_no_numpy_name_but_torch_and_jax_spell_it_natively():
    installed("jax", "torch")
    import jax
    import torch

    entry = FUNCTION_OF[sp.erf]
    assert entry.numpy is None and not hasattr(np, "erf")
    at = np.array([0.2, -1.4, 2.9])
    exact = [float(mpmath.erf(v)) for v in at]
    np.testing.assert_allclose(eval(entry.torch, {"torch": torch})(torch.tensor(at)).numpy(), exact, rtol=1e-15)
    with jax.enable_x64(True):
        np.testing.assert_allclose(np.asarray(eval(entry.jax, {"jax": jax})(at)), exact, rtol=1e-15)


def test_erf_verify_proves_the_right_derivative_and_finds_the_wrong_one():
    right = symgrad.verify(r"\frac{d}{dx}\operatorname{erf}(2x) = \frac{4}{\sqrt{\pi}} e^{-4x^2}")
    wrong = symgrad.verify(r"\frac{d}{dx}\operatorname{erf}(2x) = \frac{2}{\sqrt{\pi}} e^{-4x^2}")
    assert (right.verdict, wrong.verdict) == ("proved", "wrong"), (right.message, wrong.message)


def test_erf_as_printed_reads_back_as_erf_and_its_matrix_form_is_upright():
    printed = symgrad.latex(sp.erf(x / sp.sqrt(2)))
    assert printed.startswith(r"\operatorname{erf}") and parse_expression(printed) == sp.erf(x / sp.sqrt(2))
    assert FUNCTION_OF[sp.erf].latex.format("X") == r"\operatorname{erf}\left(X\right)"


def test_erfcs_numpy_code_is_within_5_ulp_of_mpmath_into_the_far_tail():
    rng = np.random.default_rng(11)
    at = np.concatenate([rng.uniform(-6, 26.5, 20000), 10.0 ** rng.uniform(-300, 0, 300), [0.0, 0.5, 2.0, 27.0, 40.0]])
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        ours, where_form = _array_code(sp.erfc)(at), _array_code(sp.erfc, "xp")(at)
    with mpmath.workdps(30):
        exact = np.array([float(mpmath.erfc(v)) for v in at])
    normal = exact > np.finfo(float).tiny  # past u = 26.5 erfc is subnormal or 0: compared absolutely
    ulps = np.abs(ours - exact)[normal] / np.spacing(exact[normal])
    assert ulps.max() <= 5, (ulps.max(), at[normal][ulps.argmax()])
    assert np.abs(ours - exact)[~normal].max() <= 1e-300 and np.array_equal(ours, where_form)


def test_the_normal_cdf_through_erfc_keeps_its_digits_where_1_plus_erf_cancels():
    from autograd.scipy.special import erfc

    xs, n = tensor("x", size("N")), index("n", size("N"))
    graph = Graph((Definition(tensor("L"), sp.Sum(sp.erfc(-xs[n] / sp.sqrt(2)) / 2, (n, 1, size("N")))),), (xs,), "L")
    compiled = symgrad.compile(derive_graph(graph, ["x"], "normal-cdf"))
    at = np.array([-37.0, -30.0, -8.0, 0.5])  # Phi(-37) = 5.7e-300: still a normal float64
    value, grads = compiled.value_and_grad(x=at)
    with mpmath.workdps(40):
        phi = [mpmath.ncdf(v) for v in at]
        density = [mpmath.npdf(v) for v in at]
    assert float(value) == pytest.approx(float(sum(phi)), rel=1e-15)
    np.testing.assert_allclose(grads["x"], [float(v) for v in density], rtol=1e-13)  # 2e-298 .. 0.35
    np.testing.assert_allclose(grads["x"], autograd.grad(lambda v: anp.sum(erfc(-v / np.sqrt(2)) / 2))(at), rtol=1e-10)
    assert symgrad.check(compiled.derivation).ok
