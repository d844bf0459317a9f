"""Matrix calculus (issue 13): trace, det, log det and inverse derive to the Matrix Cookbook's forms.

Symbolic checks evaluate the engine's index-notation results exactly (rationals, n = 3) and compare
them with the Cookbook's matrix formulas computed by SymPy's own matrix algebra; numeric checks
compare the compiled functions with autograd (an independent autodiff) on random inputs.
"""

from __future__ import annotations

import importlib.util
import inspect
import itertools

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from symgrad import linalg
from symgrad.entries import derive_entry
from symgrad.errors import DeriveError
from symgrad.graph import derive_graph
from symgrad.tensors import name_of

SIZES = {"n": 3, "m": 2, "N": 4}


# ---------------------------------------------------------------- exact evaluation of index expressions


def _value(e: sp.Expr, vals: dict, graph, env: dict) -> sp.Expr:
    """``e`` at concrete indices ``env`` with the tensors of ``vals`` (SymPy matrices): written for this test."""
    if isinstance(e, sp.Sum):
        (var, lo, hi), *rest = e.limits
        inner = sp.Sum(e.function, *rest) if rest else e.function
        top = int(hi.subs({sp.Symbol(k, integer=True, positive=True): v for k, v in SIZES.items()}))
        return sum(_value(inner, vals, graph, {**env, var: v}) for v in range(int(lo), top + 1))
    if isinstance(e, linalg.InverseElement):
        i, j = (env[x] for x in e.indices)
        return vals[name_of(e.matrix)].inv()[i - 1, j - 1]
    if isinstance(e, sp.Indexed):
        defn = graph.definition(name_of(e))
        if defn is not None:
            return _value(defn.rhs.xreplace(dict(zip(defn.indices, e.indices))), vals, graph, env)
        M = vals[name_of(e)]
        idx = [env[x] - 1 for x in e.indices]
        return M[idx[0], idx[1]] if len(idx) == 2 else M[idx[0]]
    if isinstance(e, linalg.Det):
        return vals[name_of(e.args[0])].det()
    if isinstance(e, linalg.LogDet):
        return sp.log(abs(vals[name_of(e.args[0])].det()))
    if isinstance(e, sp.KroneckerDelta):
        a, b = (env[x] for x in e.args)
        return sp.Integer(a == b)
    if isinstance(e, sp.Idx):
        return sp.Integer(env[e])
    if isinstance(e, sp.Symbol):
        if e.name in SIZES:
            return sp.Integer(SIZES[e.name])
        return _value(graph.definition(e.name).rhs, vals, graph, env)
    if e.is_Number:
        return e
    return e.func(*[_value(a, vals, graph, env) for a in e.args])


def _rational_matrix(rows: int, cols: int, seed: int) -> sp.Matrix:
    rng = np.random.default_rng(seed)
    return sp.Matrix(rows, cols, [sp.Rational(int(v), 7) for v in rng.integers(-9, 10, rows * cols)])


def _spd(n: int, seed: int) -> sp.Matrix:
    B = _rational_matrix(n, n, seed)
    return B * B.T + sp.eye(n)


def _gradient_matrix(derivation, wrt: str, vals: dict) -> sp.Matrix:
    r = derivation.result(wrt)
    free = r.free_indices
    shape = [SIZES[str(i.upper)] for i in free]
    out = sp.zeros(shape[0], shape[1] if len(shape) == 2 else 1)
    for pos in itertools.product(*[range(1, s + 1) for s in shape]):
        out[pos[0] - 1, pos[1] - 1 if len(pos) == 2 else 0] = _value(r.expr, vals, derivation.graph, dict(zip(free, pos)))
    return out.applyfunc(sp.nsimplify)


def _inputs(name: str) -> dict:
    n, m, N = SIZES["n"], SIZES["m"], SIZES["N"]
    return {
        "trace-quadratic": {"X": _rational_matrix(n, m, 1), "A": _rational_matrix(n, n, 2)},
        "quadratic-form": {"x": _rational_matrix(n, 1, 3), "A": _rational_matrix(n, n, 4)},
        "logdet": {"X": _rational_matrix(n, n, 5) + 3 * sp.eye(n)},
        "frobenius": {"X": _rational_matrix(N, n, 6), "W": _rational_matrix(n, m, 7), "Y": _rational_matrix(N, m, 8)},
        "gaussian-mvn-nll": {"x": _rational_matrix(N, n, 9), "mu": _rational_matrix(n, 1, 10), "Sigma": _spd(n, 11)},
        "gp-marginal-likelihood": {"y": _rational_matrix(n, 1, 12), "K": _spd(n, 13)},
    }[name]


def _scatter(x: sp.Matrix, mu: sp.Matrix) -> sp.Matrix:
    return sum(((x[s, :].T - mu) * (x[s, :].T - mu).T for s in range(x.rows)), sp.zeros(mu.rows, mu.rows))


# the Matrix Cookbook's forms (and Rasmussen & Williams 5.9 for the GP), computed by SymPy matrix algebra
COOKBOOK = {
    ("trace-quadratic", "X"): lambda v: (v["A"] + v["A"].T) * v["X"],
    ("trace-quadratic", "A"): lambda v: v["X"] * v["X"].T,
    ("quadratic-form", "x"): lambda v: (v["A"] + v["A"].T) * v["x"],
    ("quadratic-form", "A"): lambda v: v["x"] * v["x"].T,
    ("logdet", "X"): lambda v: v["X"].inv().T,
    ("frobenius", "W"): lambda v: 2 * v["X"].T * (v["X"] * v["W"] - v["Y"]),
    ("gaussian-mvn-nll", "mu"): lambda v: -v["Sigma"].inv() * sum(
        (v["x"][s, :].T - v["mu"] for s in range(v["x"].rows)), sp.zeros(v["mu"].rows, 1)),
    ("gaussian-mvn-nll", "Sigma"): lambda v: (v["x"].rows * v["Sigma"].inv()
                                              - v["Sigma"].inv() * _scatter(v["x"], v["mu"]) * v["Sigma"].inv()) / 2,
    ("gp-marginal-likelihood", "K"): lambda v: (v["K"].inv() - v["K"].inv() * v["y"] * v["y"].T * v["K"].inv()) / 2,
}


@pytest.mark.parametrize(("entry", "wrt"), list(COOKBOOK))
def test_catalog_gradient_equals_the_matrix_cookbook_form_exactly(entry: str, wrt: str) -> None:
    d = derive_entry(entry)
    vals = _inputs(entry)
    assert _gradient_matrix(d, wrt, vals) == COOKBOOK[(entry, wrt)](vals).applyfunc(sp.nsimplify)


# ---------------------------------------------------------------- the rules themselves


n = sp.Symbol("n", integer=True, positive=True)
i, j, k, l = (sp.Idx(sp.Symbol(s, integer=True), (1, n)) for s in "ijkl")
X = linalg.square("X", n)
S = linalg.symmetric("S", n)


def test_jacobi_formula_d_det_x_d_x_ij_is_det_x_times_inverse_ji() -> None:
    from symgrad.derivatives import d

    assert d(linalg.det(X), X[i, j]) == linalg.det(X) * linalg.inverse(X)[j, i]


def test_log_det_gradient_is_the_inverse_transposed() -> None:
    from symgrad.derivatives import d

    assert d(linalg.logdet(X), X[i, j]) == linalg.inverse(X)[j, i]


def test_inverse_derivative_is_minus_inverse_ki_times_inverse_jl() -> None:
    from symgrad.derivatives import d

    P = linalg.inverse(X)
    assert d(P[k, l], X[i, j]) == -P[k, i] * P[j, l]


def test_matrix_functions_do_not_depend_on_other_tensors() -> None:
    from symgrad.derivatives import d

    Y = linalg.square("Y", n)
    assert d(linalg.logdet(X), Y[i, j]) == 0
    assert d(linalg.inverse(X)[k, l], Y[i, j]) == 0


def test_inverse_of_a_symmetric_matrix_keeps_one_index_order() -> None:
    P = linalg.inverse(S)
    assert P[k, j] == P[j, k]
    assert linalg.inverse(X)[k, j] != linalg.inverse(X)[j, k]


def test_trace_is_the_sum_of_the_diagonal() -> None:
    A = linalg.square("A", n)
    assert linalg.trace(A[i, j], i, j) == sp.Sum(A[i, i], (i, 1, n))


def test_a_matrix_function_of_a_non_square_tensor_is_refused_with_its_shape() -> None:
    m = sp.Symbol("m", integer=True, positive=True)
    with pytest.raises(DeriveError, match="square matrix.*shape"):
        linalg.logdet(sp.IndexedBase("W", shape=(n, m)))
    with pytest.raises(DeriveError, match="square"):
        linalg.inverse(sp.IndexedBase("v", shape=(n,)))


def test_derivation_names_jacobi_formula_and_the_inverse_rule() -> None:
    text = "\n".join(derive_entry("gaussian-mvn-nll").notes)
    assert "derivative of the log-determinant" in text and "derivative of the inverse" in text
    assert "G + Gᵀ − diag(G)" in text


# ---------------------------------------------------------------- numbers: compiled code against autograd

_HOOKS = "array_form" in inspect.getsource(__import__("symgrad.compile.lowering", fromlist=["_Lowering"])._Lowering)
needs_hooks = pytest.mark.xfail(not _HOOKS, strict=True, raises=Exception,
                                reason="needs the compile hooks of issue 13 (lowering: objects with array_form; "
                                       "rewrites: the solve rewrite), applied by the lead")


def _spd_float(rng: np.random.Generator, size: int, cond: float) -> np.ndarray:
    Q, _ = np.linalg.qr(rng.standard_normal((size, size)))
    return (Q * np.geomspace(1.0, 1.0 / cond, size)) @ Q.T


def _forward(entry: str):
    """Each loss written with autograd.numpy's own linalg: the independent reference."""
    return {
        "trace-quadratic": lambda X, A: anp.trace(X.T @ A @ X),
        "quadratic-form": lambda x, A: x @ A @ x,
        "logdet": lambda X: anp.linalg.slogdet(X)[1],
        "frobenius": lambda X, W, Y: anp.sum((X @ W - Y) ** 2),
        "gaussian-mvn-nll": lambda x, mu, Sigma: 0.5 * anp.sum((x - mu) * anp.linalg.solve(Sigma, (x - mu).T).T)
        + 0.5 * x.shape[0] * anp.linalg.slogdet(Sigma)[1],
        "gp-marginal-likelihood": lambda y, K: 0.5 * y @ anp.linalg.solve(K, y) + 0.5 * anp.linalg.slogdet(K)[1],
    }[entry]


def _float_inputs(entry: str, rng: np.random.Generator, cond: float | None = None) -> dict:
    n, m, N = 5, 3, 7
    spd = (lambda: _spd_float(rng, n, cond)) if cond else (lambda: _spd_float(rng, n, 10.0))
    general = rng.standard_normal((n, n)) + 3 * np.eye(n)
    return {
        "trace-quadratic": {"X": rng.standard_normal((n, m)), "A": rng.standard_normal((n, n))},
        "quadratic-form": {"x": rng.standard_normal(n), "A": rng.standard_normal((n, n))},
        "logdet": {"X": spd() if cond else general},
        "frobenius": {"X": rng.standard_normal((N, n)), "W": rng.standard_normal((n, m)), "Y": rng.standard_normal((N, m))},
        "gaussian-mvn-nll": {"x": rng.standard_normal((N, n)), "mu": rng.standard_normal(n), "Sigma": spd()},
        "gp-marginal-likelihood": {"y": rng.standard_normal(n), "K": spd()},
    }[entry]


def _agree(entry: str, inputs: dict, rtol: float) -> None:
    c = derive_entry(entry).compile()
    value, grads = c.value_and_grad(**inputs)
    f = _forward(entry)
    names = list(inputs)
    assert np.isclose(value, f(**inputs), rtol=rtol, atol=0)
    for w, g in grads.items():
        pos = names.index(w)
        ref = autograd.grad(lambda *a: f(**dict(zip(names, a))), pos)(*inputs.values())
        scale = np.max(np.abs(ref))
        assert np.max(np.abs(g - ref)) <= rtol * scale, f"{entry} d/d{w}"


# the entries whose code needs the compile hooks; the others are sums of products the compiler already knows
ENTRIES = ["trace-quadratic", "quadratic-form", "frobenius",
           *(pytest.param(e, marks=needs_hooks) for e in ("logdet", "gaussian-mvn-nll", "gp-marginal-likelihood"))]


@pytest.mark.parametrize("entry", ENTRIES)
def test_compiled_entry_agrees_with_autograd_to_1e_10_at_well_conditioned_inputs(entry: str) -> None:
    rng = np.random.default_rng(42)
    for _ in range(3):
        _agree(entry, _float_inputs(entry, rng), 1e-10)


@needs_hooks
@pytest.mark.parametrize("entry", ["logdet", "gaussian-mvn-nll", "gp-marginal-likelihood"])
def test_compiled_entry_agrees_with_autograd_to_1e_6_on_spd_inputs_of_condition_1e6(entry: str) -> None:
    rng = np.random.default_rng(7)
    _agree(entry, _float_inputs(entry, rng, cond=1e6), 1e-6)


@needs_hooks
def test_compiled_gradient_by_mu_solves_and_never_forms_the_inverse() -> None:
    from symgrad import catalog

    entry = catalog.get("gaussian-mvn-nll")
    source = derive_graph(entry.graph, ["mu"], entry.name, entry.title, entry.index_names).compile().source
    assert "linalg.solve(" in source and "linalg.inv(" not in source


@pytest.mark.parametrize("entry", ENTRIES)
def test_compiled_loss_forms_no_inverse_and_takes_log_det_by_a_factorisation(entry: str) -> None:
    source = derive_entry(entry).compile().source
    loss = source.split("def grad")[0]
    assert "linalg.inv(" not in loss and "linalg.det(" not in loss
    if entry in ("gaussian-mvn-nll", "gp-marginal-likelihood"):
        assert "linalg.cholesky(" in loss  # declared positive definite: log det by Cholesky


_ERRORS_HOOK = "checked_matrices" in inspect.getsource(__import__("symgrad.compile.program", fromlist=["x"]))


@pytest.mark.xfail(not (_HOOKS and _ERRORS_HOOK), strict=True, raises=Exception,
                   reason="needs the compile hooks of issue 13 and Compiled wrapping its functions in "
                          "linalg.checked_matrices, applied by the lead")
def test_singular_covariance_is_refused_with_one_line_naming_it() -> None:
    from symgrad.errors import SingularMatrixError

    c = derive_entry("gp-marginal-likelihood").compile()
    with pytest.raises(SingularMatrixError, match="K is not positive definite") as caught:
        c.value_and_grad(y=np.ones(3), K=np.ones((3, 3)))
    assert "\n" not in str(caught.value)


def test_compiled_code_checks_the_square_matrix_inputs_with_what_is_declared_of_them() -> None:
    v = sp.IndexedBase("v", shape=(n,))
    assert linalg.matrix_inputs((X, v, S)) == (("X", False, False), ("S", True, True))


def test_factorisation_failure_names_the_singular_matrix_in_one_line() -> None:
    try:
        np.linalg.solve(np.ones((2, 2)), np.ones(2))
    except np.linalg.LinAlgError as e:
        text = linalg.factorisation_problem("demo", (("X", False, False),), {"X": np.ones((2, 2))}, e)
    assert text == "demo: X is singular (rank 1 of 2); give an invertible X (Singular matrix)"


def test_factorisation_failure_of_a_declared_covariance_says_not_positive_definite() -> None:
    indefinite = np.array([[1.0, 2.0], [2.0, 1.0]])
    text = linalg.factorisation_problem("demo", (("S", True, True),), {"S": indefinite}, ValueError("numpy's words"))
    assert text.startswith("demo: S is not positive definite; give a symmetric positive definite S")


def test_a_matrix_declared_symmetric_that_is_not_is_refused_before_it_is_read_two_ways() -> None:
    text = linalg.symmetry_problem("demo", "S", np.array([[2.0, 1.0], [0.0, 2.0]]))
    assert text == "demo: S is declared symmetric but differs from its transpose by up to 1; give a symmetric S " \
                   "(e.g. (S + S.T)/2)"
    B = np.random.default_rng(0).standard_normal((4, 4))
    assert linalg.symmetry_problem("demo", "S", B @ B.T + np.eye(4)) is None  # symmetric up to rounding


# ---------------------------------------------------------------- the symmetric gradient convention


def test_symmetric_form_g_plus_gt_minus_diag_g_is_the_gradient_on_symmetric_matrices() -> None:
    """By the n(n+1)/2 free entries of K (K_ij = K_ji one parameter), autograd's gradient is G + Gᵀ − diag G."""
    d = derive_entry("gp-marginal-likelihood")
    r = d.result("K")
    ii, jj = r.free_indices
    sym = linalg.symmetric_gradient(r.expr, ii, jj)
    vals = _inputs("gp-marginal-likelihood")
    size = SIZES["n"]
    upper = [(a, b) for a in range(size) for b in range(a, size)]
    K0 = np.array(vals["K"].evalf(), dtype=float)
    y0 = np.array(vals["y"].evalf(), dtype=float).ravel()
    ref = gradient_by_free_entries(lambda K: 0.5 * y0 @ anp.linalg.solve(K, y0) + 0.5 * anp.linalg.slogdet(K)[1], K0)
    got = [float(_value(sym, vals, d.graph, {ii: a + 1, jj: b + 1})) for a, b in upper]
    np.testing.assert_allclose(got, [ref[a, b] for a, b in upper], rtol=1e-10)


def gradient_by_free_entries(loss, S0: np.ndarray) -> np.ndarray:
    """autograd's gradient of ``loss`` by the n(n+1)/2 free entries of a symmetric matrix (S_ab = S_ba one
    parameter) at ``S0``, as a symmetric n x n matrix: the reference for the symmetric convention."""
    size = S0.shape[0]
    upper = [(a, b) for a in range(size) for b in range(a, size)]

    def loss_of(theta):
        S = anp.zeros((size, size))
        for t, (a, b) in enumerate(upper):
            E = np.zeros((size, size))
            E[a, b] = E[b, a] = 1.0
            S = S + theta[t] * E
        return loss(S)

    g = autograd.grad(loss_of)(np.array([S0[a, b] for a, b in upper]))
    out = np.zeros((size, size))
    for t, (a, b) in enumerate(upper):
        out[a, b] = out[b, a] = g[t]
    return out


def test_unsymmetrised_gradient_is_the_unconstrained_one_autograd_gives() -> None:
    d = derive_entry("gp-marginal-likelihood")
    vals = _inputs("gp-marginal-likelihood")
    K0 = np.array(vals["K"].evalf(), dtype=float)
    y0 = np.array(vals["y"].evalf(), dtype=float).ravel()
    ref = autograd.grad(lambda K: 0.5 * y0 @ anp.linalg.solve(K, y0) + 0.5 * anp.linalg.slogdet(K)[1])(K0)
    got = np.array(_gradient_matrix(d, "K", vals).evalf(), dtype=float)
    np.testing.assert_allclose(got, ref, rtol=1e-10)


def test_derivation_of_a_general_determinant_keeps_the_transpose() -> None:
    L = sp.Symbol("L")
    from symgrad.derivation import Graph
    from symgrad.tensors import Definition

    d = derive_graph(Graph((Definition(L, linalg.det(X)),), (X,), "L"), ["X"], index_names={"X": ("i", "j")})
    r = d.result("X")
    ii, jj = r.free_indices
    assert sp.expand(r.expr - L * linalg.inverse(X)[jj, ii]) == 0
    assert r.matrix == r"L {X^{-1}}^{\top}"


# ---------------------------------------------------------------- values at high precision (for verify's evaluator)


def test_high_precision_values_are_the_exact_inverse_and_log_det_of_the_table() -> None:
    import mpmath

    M = _rational_matrix(3, 3, 21) + 2 * sp.eye(3)
    by_name = {"k": 3, "l": 1}

    def compile_(e):
        return lambda env, vals: env[str(e)]

    with mpmath.workdps(50):
        table = {(r + 1, c + 1): mpmath.mpf(M[r, c].p) / M[r, c].q for r in range(3) for c in range(3)}
        inverse_kl = linalg.inverse(X)[k, l].numeric_form(compile_)(by_name, {"X": table})
        exact = M.inv()[2, 0]
        assert abs(inverse_kl - mpmath.mpf(exact.p) / exact.q) < 1e-40
    assert abs(linalg.logdet(X).numeric_form(compile_)({}, {"X": table}) - mpmath.log(abs(float(M.det())))) < 1e-12
    assert abs(linalg.det(X).numeric_form(compile_)({}, {"X": table}) - float(M.det())) < 1e-12


def test_drawn_table_for_a_symmetric_matrix_is_symmetric_positive_definite() -> None:
    from fractions import Fraction

    rng = np.random.default_rng(3)
    table = {(r, c): Fraction(int(rng.integers(-5, 6)), 3) for r in range(1, 4) for c in range(1, 4)}
    spd = linalg.positive_definite_table(table)
    M = sp.Matrix(3, 3, lambda r, c: sp.Rational(spd[(r + 1, c + 1)].numerator, spd[(r + 1, c + 1)].denominator))
    assert M == M.T and M.is_positive_definite


def test_solve_rewrite_turns_inverse_times_vector_into_a_solve_and_leaves_other_sums() -> None:
    y = sp.IndexedBase("y", shape=(n,))
    P = linalg.inverse(X)
    solved = linalg.solve_instead_of_inverse(sp.Sum(P[i, k] * y[k], (k, 1, n)))
    assert isinstance(solved, linalg.Solved) and solved.args == (P[i, k], y[k], k)
    assert linalg.solve_instead_of_inverse(sp.Sum(y[k] ** 2, (k, 1, n))) is None
    assert linalg.solve_instead_of_inverse(sp.Sum(P[i, k] * P[k, j], (k, 1, n))) is None  # inverse squared: no b


def test_rules_named_are_those_of_the_objects_that_depend_on_the_variable() -> None:
    Y = linalg.square("Y", n)
    loss = linalg.logdet(X) + linalg.inverse(Y)[k, k]
    assert linalg.rule_names(loss, X[i, j]) == ["derivative of the log-determinant"]
    assert linalg.rule_names(loss, Y[i, j]) == ["derivative of the inverse"]
    assert linalg.rule_names(loss) == ["derivative of the log-determinant", "derivative of the inverse"]
    assert linalg.rules_used(linalg.det(X)) == ["Jacobi's formula: ∂ det X/∂X_ij = det X·(X⁻¹)_ji"]



# ---------------------------------------------------------------- verify: Cookbook identities as people write them

_READER = importlib.util.find_spec("symgrad.read.matrices") is not None
needs_reader = pytest.mark.xfail(not _READER, strict=True, raises=Exception,
                                 reason="needs the reader of matrix calculus (symgrad/read/matrices.py, issue 13)")
DLDX = r"\frac{\partial L}{\partial X}"


@needs_reader
@pytest.mark.parametrize(("loss", "claim"), [
    (r"L = \log\det X", r"X^{-T}"),  # Matrix Cookbook (57)
    (r"L = \det X", r"\det(X) X^{-T}"),  # Jacobi's formula, (49)
    (r"L = \mathrm{tr}(X^T A X)", r"(A + A^T) X"),  # (108)
], ids=["log-det", "det", "trace-quadratic"])
def test_verify_proves_a_cookbook_identity_written_in_matrix_notation(loss: str, claim: str) -> None:
    from symgrad.verify import verify

    v = verify(claim, of=DLDX, define=[loss])
    assert (v.verdict, v.diagnosis) == ("proved", None), str(v)


@needs_reader
def test_verify_calls_the_transposed_log_det_gradient_the_other_layout_not_a_mistake() -> None:
    from symgrad.verify import verify

    v = verify(r"X^{-1}", of=DLDX, define=[r"L = \log\det X"])
    assert (v.verdict, v.diagnosis) == ("proved", "layout"), str(v)


@needs_reader
def test_verify_flags_the_dropped_minus_of_the_inverse_derivative_as_a_sign_slip() -> None:
    from symgrad.verify import verify

    v = verify(r"X^{-T} A^T X^{-T}", of=DLDX, define=[r"L = \mathrm{tr}(A X^{-1})"])  # Cookbook (63) has a minus
    assert (v.verdict, v.diagnosis) == ("wrong", "sign"), str(v)


@needs_reader
def test_verify_finds_2ax_wrong_for_a_matrix_a_not_declared_symmetric() -> None:
    from symgrad.verify import verify

    v = verify(r"2 A X", of=DLDX, define=[r"L = \mathrm{tr}(X^T A X)"])  # right only when A = A^T
    assert v.verdict == "wrong", str(v)


@needs_hooks
def test_bilinear_form_with_a_general_inverse_compiles_to_solves_with_x_and_x_transposed() -> None:
    """L = aᵀ X⁻¹ b: dL/da = X⁻¹ b = solve(X, b), dL/db = X⁻ᵀ a = solve(Xᵀ, a), dL/dX = -X⁻ᵀ a bᵀ X⁻ᵀ."""
    from symgrad.derivation import Graph
    from symgrad.tensors import Definition

    a, b, L = sp.IndexedBase("a", shape=(n,)), sp.IndexedBase("b", shape=(n,)), sp.Symbol("L")
    loss = sp.Sum(a[k] * linalg.inverse(X)[k, l] * b[l], (k, 1, n), (l, 1, n))
    d = derive_graph(Graph((Definition(L, loss),), (a, X, b), "L"), ["a", "b", "X"],
                     index_names={"a": ("i",), "b": ("i",), "X": ("i", "j")})
    c = d.compile()
    assert "linalg.solve(X.T," in c.source and "linalg.solve(X," in c.source
    rng = np.random.default_rng(5)
    args = {"a": rng.standard_normal(4), "X": rng.standard_normal((4, 4)) + 4 * np.eye(4), "b": rng.standard_normal(4)}
    value, grads = c.value_and_grad(**args)

    def f(a, X, b):
        return a @ anp.linalg.solve(X, b)

    assert np.isclose(value, f(**args), rtol=1e-12)
    for pos, w in enumerate(("a", "X", "b")):
        np.testing.assert_allclose(grads[w], autograd.grad(f, pos)(*args.values()), rtol=1e-10, atol=1e-12)


def test_hessian_of_log_det_is_minus_inverse_jk_times_inverse_li() -> None:
    """d(X⁻ᵀ)_ij/dX_kl = -(X⁻¹)_jk (X⁻¹)_li (Matrix Cookbook 59 applied to 57), checked exactly at n = 3."""
    from symgrad.graph import hessian

    h = hessian(derive_entry("logdet"), "X")
    r = h.result("X")
    ii, jj, kk, ll = r.free_indices
    M = _rational_matrix(3, 3, 31) + 3 * sp.eye(3)
    inv = M.inv()
    for a, b, c, e in itertools.product(range(3), repeat=4):
        got = _value(r.expr, {"X": M}, h.graph, {ii: a + 1, jj: b + 1, kk: c + 1, ll: e + 1})
        assert got == -inv[b, c] * inv[e, a]


# ---------------------------------------------------------------- the diagonal X_ii in compiled code

_SQUARE = [r"X \in \mathbb{R}^{n \times n}", r"w \in \mathbb{R}^{n}"]


@pytest.mark.parametrize(("loss", "forward"), [
    (r"L = \mathrm{tr}(X) + \sum_{i=1}^{n}\sum_{j=1}^{n} X_{ij}^2", lambda X, w: anp.trace(X) + anp.sum(X ** 2)),
    (r"L = \sum_{i=1}^{n} X_{ii}^2 w_i", lambda X, w: anp.sum(anp.diag(X) ** 2 * w)),
    (r"L = \sum_{i=1}^{n} \log(X_{ii})", lambda X, w: anp.sum(anp.log(anp.diag(X)))),
    (r"L = \mathrm{tr}(X)^2", lambda X, w: anp.trace(X) ** 2),
], ids=["trace-plus-frobenius", "weighted-squared-diagonal", "log-diagonal", "trace-squared"])
def test_a_loss_of_the_diagonal_compiles_to_einsum_ii_and_agrees_with_autograd_to_1e_12(loss, forward) -> None:
    import symgrad

    wrt = ["X", "w"] if "w_i" in loss else ["X"]
    c = symgrad.derive(loss=loss, given=_SQUARE, wrt=wrt).compile()
    assert "einsum('aa->a', X)" in c.source
    rng = np.random.default_rng(11)
    args = {"X": rng.uniform(0.5, 2.0, (4, 4)), "w": rng.standard_normal(4)}
    value, grads = c.value_and_grad(**args)
    assert np.isclose(value, forward(**args), rtol=1e-12)
    for pos, name in enumerate(("X", "w")):
        if name in wrt:
            np.testing.assert_allclose(grads[name], autograd.grad(forward, pos)(*args.values()), rtol=1e-12, atol=1e-14)


def test_a_repeated_index_over_a_non_square_matrix_is_refused_naming_its_shape() -> None:
    from symgrad.compile.lowering import _Lowering
    from symgrad.errors import CompileError

    R = sp.IndexedBase("R", shape=(n, sp.Symbol("m", integer=True, positive=True)))
    lowering = _Lowering({"R": 2}, {n, sp.Symbol("m", integer=True, positive=True)}, False, sp.Symbol("R"))
    with pytest.raises(CompileError, match="needs axes of one size"):
        lowering(R[k, k])


# the gradients whose Cookbook form has the inverse itself as a term (X^-T, N Sigma^-1 / 2, K^-1 / 2): only there
# may the code form it; everywhere else an inverse times something is a solve
INVERSE_IS_A_TERM = {("logdet", "X"), ("gaussian-mvn-nll", "Sigma"), ("gp-marginal-likelihood", "K")}


@needs_hooks
@pytest.mark.parametrize("entry", ["trace-quadratic", "quadratic-form", "logdet", "frobenius", "gaussian-mvn-nll",
                                   "gp-marginal-likelihood"])
def test_no_compiled_gradient_forms_an_inverse_where_a_solve_does(entry: str) -> None:
    import re

    source = derive_entry(entry).compile().source
    allowed = {f"grad_{wrt} = " for e, wrt in INVERSE_IS_A_TERM if e == entry}
    for line in source.splitlines():
        if "linalg.inv(" not in line:
            continue
        assert any(line.strip().startswith(a) for a in allowed), f"{entry}: an inverse where a solve does: {line}"
        assert not re.search(r"linalg\.inv\([^()]*\)(\.T)?\s*@|@\s*\w+\.linalg\.inv\(|einsum\([^)]*linalg\.inv", line), line
