"""The engine derives each catalog result and it equals the textbook form, for general sizes."""

from __future__ import annotations

import itertools
import subprocess
import sys

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

import symgrad
from symgrad import rules
from symgrad.derivation import Graph
from symgrad.errors import DeriveError, UnknownNameError
from symgrad.graph import derive_graph
from symgrad.latex import note_text
from symgrad.tensors import Definition, index, size, tensor


def _canon(e: sp.Expr) -> sp.Expr:
    """Sums with positional summation variables; tensors compared by name, not declared shape."""
    e = e.xreplace({t: sp.IndexedBase(t.label) for t in e.atoms(sp.IndexedBase)})
    return e.replace(lambda s: isinstance(s, sp.Sum), rules._canonical)


def same(a: sp.Expr, b: sp.Expr) -> bool:
    """Symbolic equality of index expressions, up to the names of summation variables."""
    diff = rules.split_sums(sp.expand(_canon(a) - _canon(b)))
    return sp.expand(_canon(diff)) == 0


def result(name: str, wrt: str):
    return symgrad.derive(name).result(wrt)


def test_softmax_jacobian_is_p_i_times_delta_minus_p_j():
    r = result("softmax", "a")
    p = sp.IndexedBase("p")
    i, j = r.free_indices
    assert same(r.expr, p[i] * (sp.KroneckerDelta(i, j) - p[j]))
    assert [str(i), str(j)] == ["i", "j"]


def test_softmax_jacobian_cases_and_matrix_form():
    r = result("softmax", "a")
    p = sp.IndexedBase("p")
    i, j = r.free_indices
    cases = dict(r.cases)
    assert same(cases[sp.Eq(i, j)], p[i] * (1 - p[i]))
    assert same(cases[sp.Ne(i, j)], -p[i] * p[j])
    assert r.matrix == r"\operatorname{diag}(p) - p p^{\top}"


def test_softmax_derivation_steps_name_their_rules():
    rules_used = [s.rule for s in symgrad.derive("softmax").steps]
    assert rules_used[0] == "quotient rule"
    assert "contract the Kronecker delta" in rules_used
    assert "substitute the definition" in rules_used


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma():
    s = sp.Symbol("sigma")
    assert sp.expand(result("sigmoid", "z").expr - s * (1 - s)) == 0


@pytest.mark.parametrize("name, scale", [("mse-linear", 1), ("mse-linear-norm-squared", 1),
                                         ("mse-linear-mean", "1/N")])
def test_mse_gradients_carry_the_minus_sign(name, scale):
    N = size("N")
    n = index("n", N)
    x, y, f = sp.IndexedBase("x"), sp.IndexedBase("y"), sp.IndexedBase("f")
    c = 1 / N if scale == "1/N" else 1
    assert same(result(name, "w").expr, -2 * c * sp.Sum((y[n] - f[n]) * x[n], (n, 1, N)))
    assert same(result(name, "b").expr, -2 * c * sp.Sum(y[n] - f[n], (n, 1, N)))


def test_l2_norm_gradient_is_residual_over_norm():
    N = size("N")
    n = index("n", N)
    x, y, f = sp.IndexedBase("x"), sp.IndexedBase("y"), sp.IndexedBase("f")
    L = sp.Symbol("L")
    assert same(result("mse-linear-norm", "w").expr, -sp.Sum((y[n] - f[n]) * x[n], (n, 1, N)) / L)


def test_bce_on_probability():
    p, y = sp.symbols("p y")
    assert sp.cancel(result("bce", "p").expr - (p - y) / (p * (1 - p))) == 0


def test_bce_with_sigmoid_is_sigma_minus_y():
    s, y = sp.symbols("sigma y")
    assert sp.expand(result("bce-logits", "z").expr - (s - y)) == 0


def test_cce_on_probabilities_is_minus_y_over_p():
    r = result("cce", "p")
    (j,) = r.free_indices
    assert same(r.expr, -sp.IndexedBase("y")[j] / sp.IndexedBase("p")[j])


def test_cce_with_softmax_is_p_minus_y_using_the_constraint():
    d = symgrad.derive("cce-logits")
    r = d.result("z")
    (j,) = r.free_indices
    assert same(r.expr, sp.IndexedBase("p")[j] - sp.IndexedBase("y")[j])
    used = [s for s in d.steps if s.rule.startswith("use the constraint")]
    assert used and used[0].detail.rhs == 1


def test_cce_with_softmax_without_the_constraint_keeps_the_sum():
    entry = symgrad.catalog.get("cce-logits")
    graph = Graph(entry.graph.definitions, entry.graph.inputs, "L")
    r = derive_graph(graph, ["z"], index_names={"z": ("j",)}).result("z")
    N = size("N")
    k = index("k", N)
    j = r.free_indices[0]
    p, y = sp.IndexedBase("p"), sp.IndexedBase("y")
    assert same(r.expr, p[j] * sp.Sum(y[k], (k, 1, N)) - y[j])


def test_seed_ce_logits_gradients_are_xT_p_minus_y_over_B():
    d = symgrad.derive("seed-ce-logits")
    B = size("B")
    n = index("n", B)
    x, p, y = sp.IndexedBase("x"), sp.IndexedBase("p"), sp.IndexedBase("y")
    i, j = d.result("w").free_indices
    assert same(d.result("w").expr, sp.Sum(x[n, i] * (p[n, j] - y[n, j]), (n, 1, B)) / B)
    (jb,) = d.result("b").free_indices
    assert same(d.result("b").expr, sp.Sum(p[n, jb] - y[n, jb], (n, 1, B)) / B)
    assert d.result("w").matrix == r"\frac{1}{B} x^{\top} \left(p - y\right)"


def test_seed_mse_softmax_gradient_is_the_chain_through_the_softmax_jacobian():
    d = symgrad.derive("seed-mse-softmax")
    B, C = size("B"), size("C")
    n, k = index("n", B), index("k", C)
    x, p, y = sp.IndexedBase("x"), sp.IndexedBase("p"), sp.IndexedBase("y")
    i, j = d.result("w").free_indices
    # dL/dz_nj = 2/(BC) p_nj [(p_nj - y_nj) - sum_k p_nk (p_nk - y_nk)]
    g = 2 * p[n, j] * ((p[n, j] - y[n, j]) - sp.Sum(p[n, k] * (p[n, k] - y[n, k]), (k, 1, C))) / (B * C)
    assert same(d.result("w").expr, sp.Sum(x[n, i] * g, (n, 1, B)))
    (jb,) = d.result("b").free_indices
    assert same(d.result("b").expr, sp.Sum(g.xreplace({j: jb}), (n, 1, B)))


# ------------------------------------------------------------------ numeric, against autograd


def _plain(e: sp.Expr) -> sp.Expr:
    return e.xreplace({t: sp.IndexedBase(t.label) for t in e.atoms(sp.IndexedBase)})


def _evaluate(d, wrt: str, arrays: dict[str, np.ndarray]) -> np.ndarray:
    """Evaluate a result element by element with SymPy (slow, independent of symgrad.compile)."""
    r = d.result(wrt)
    sizes = {}
    for t in d.graph.inputs:
        if isinstance(t, sp.IndexedBase):
            for ext, n in zip(t.shape, arrays[str(t.label)].shape):
                sizes[ext] = n
    values = {}
    for t in d.graph.inputs:
        arr = arrays[str(t.label) if isinstance(t, sp.IndexedBase) else str(t)]
        if isinstance(t, sp.IndexedBase):
            for pos in itertools.product(*[range(s) for s in arr.shape]):
                values[sp.IndexedBase(t.label)[tuple(q + 1 for q in pos)]] = sp.Float(arr[pos], 30)
        else:
            values[t] = sp.Float(float(arr), 30)
    for defn in d.graph.definitions:  # evaluate the definitions in order
        if defn.name == d.graph.target and not defn.indices:
            break
        own = defn.indices
        for pos in itertools.product(*[range(sizes[i.upper]) for i in own]):
            sub = dict(zip(own, (q + 1 for q in pos)))
            lhs = _plain(defn.lhs).xreplace(sub) if own else defn.lhs
            values[lhs] = _plain(defn.rhs).xreplace(sub).xreplace(sizes).doit().xreplace(values).evalf(30)
    free = r.free_indices
    out = np.zeros([sizes[i.upper] for i in free])
    for pos in itertools.product(*[range(s) for s in out.shape]):
        e = _plain(r.expr).xreplace(dict(zip(free, (q + 1 for q in pos)))).xreplace(sizes).doit()
        out[pos] = float(e.xreplace(values).evalf(30))
    return out


def _seed_arrays(rng, B=2, D=3, C=3):
    x = rng.normal(size=(B, D))
    w = rng.normal(size=(D, C))
    b = rng.normal(size=C)
    y = np.eye(C)[rng.integers(0, C, size=B)]
    return {"x": x, "w": w, "b": b, "y": y}


def _ce(w, b, x, y):
    z = x @ w + b
    z = z - anp.max(z, axis=1, keepdims=True)
    logp = z - anp.log(anp.sum(anp.exp(z), axis=1, keepdims=True))
    return -anp.mean(anp.sum(y * logp, axis=1))


def _mse(w, b, x, y):
    z = x @ w + b
    e = anp.exp(z - anp.max(z, axis=1, keepdims=True))
    p = e / anp.sum(e, axis=1, keepdims=True)
    return anp.mean(anp.mean((y - p) ** 2, axis=1))


@pytest.mark.parametrize("name, loss", [("seed-ce-logits", _ce), ("seed-mse-softmax", _mse)])
def test_seed_programs_gradients_match_autograd(name, loss):
    d = symgrad.derive(name)
    rng = np.random.default_rng(7)
    a = _seed_arrays(rng)
    for argnum, wrt in ((0, "w"), (1, "b")):
        expected = autograd.grad(loss, argnum)(a["w"], a["b"], a["x"], a["y"])
        np.testing.assert_allclose(_evaluate(d, wrt, a), expected, rtol=1e-10, atol=1e-13)


def test_softmax_jacobian_matches_autograd():
    d = symgrad.derive("softmax")
    a = np.array([0.3, -1.2, 2.0, 0.5])

    def softmax(v):
        e = anp.exp(v - anp.max(v))
        return e / anp.sum(e)

    np.testing.assert_allclose(_evaluate(d, "a", {"a": a}), autograd.jacobian(softmax)(a), rtol=1e-10, atol=1e-14)


# ------------------------------------------------------------------ general graphs and errors


def test_results_do_not_depend_on_the_class_count():
    # the softmax Jacobian is derived once for symbolic N: no element expansion
    r = result("softmax", "a")
    assert r.expr.free_symbols >= set(r.free_indices)
    assert not r.expr.atoms(sp.Integer) - {sp.Integer(-1), sp.Integer(1)}


def test_unknown_function_stays_symbolic_and_cannot_be_compiled():
    # never a silent 0: an abstract g keeps dg/dz, and compiling it is a clear error naming g
    z, L = tensor("z"), tensor("L")
    g = sp.Function("g")
    d = derive_graph(Graph((Definition(L, g(z) ** 2),), (z,), "L"), ["z"])
    assert sp.expand(d.result("z").expr - 2 * g(z) * sp.Derivative(g(z), z)) == 0
    with pytest.raises(symgrad.SymgradError, match="g"):
        symgrad.compile(d)


def test_a_function_without_a_rule_is_an_error_naming_it():
    z, L = tensor("z"), tensor("L")
    with pytest.raises(DeriveError, match="gamma"):
        derive_graph(Graph((Definition(L, sp.gamma(z)),), (z,), "L"), ["z"])


def test_differentiating_by_an_unrelated_name_is_an_error():
    z, u, L = tensor("z"), tensor("u"), tensor("L")
    graph = Graph((Definition(L, z**2),), (z, u), "L")
    with pytest.raises(DeriveError, match="does not depend on u"):
        derive_graph(graph, ["u"])


def test_unknown_catalog_entry_names_the_choices():
    with pytest.raises(UnknownNameError, match="softmax"):
        symgrad.derive("softmaxx")


def test_import_does_no_derivation_work():
    code = "import sys, symgrad; print(symgrad.rules._inverses.cache_info().currsize, 'latex2sympy2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "False"]


def test_public_functions_survive_importing_their_modules():
    import symgrad.check
    import symgrad.compile
    import symgrad.verify

    assert all(callable(f) for f in (symgrad.check, symgrad.compile, symgrad.verify))


# ------------------------------------------------------------------ second derivatives and kinks


def test_cross_entropy_hessian_is_the_softmax_jacobian():
    from symgrad.graph import hessian

    h = hessian(symgrad.derive("cce-logits"), "z")
    r = h.result("z")
    j, k = r.free_indices
    p = sp.IndexedBase("p")
    assert same(r.expr, p[j] * (sp.KroneckerDelta(j, k) - p[k]))
    assert r.matrix == r"\operatorname{diag}(p) - p p^{\top}"
    assert any("Jacobian" in n for n in h.notes)


def test_sigmoid_bce_hessian_is_sigma_one_minus_sigma():
    from symgrad.graph import hessian

    s = sp.Symbol("sigma")
    assert sp.expand(hessian(symgrad.derive("bce-logits"), "z").result("z").expr - s * (1 - s)) == 0


def test_hinge_kink_is_named_and_the_subgradient_is_used():
    z, y, L = tensor("z"), tensor("y"), tensor("L")
    d = derive_graph(Graph((Definition(L, sp.Max(0, 1 - y * z)),), (z, y), "L"), ["z"])
    assert sp.expand(d.result("z").expr + y * sp.Heaviside(1 - y * z)) == 0
    assert any("not differentiable where 1 − y·z = 0" in note_text(n) for n in d.notes)


def test_abstract_model_keeps_its_derivative_symbolic_with_the_minus_sign():
    # the seed's general form: loss = sum (y - f_theta(x))^2
    N = size("N")
    n = index("n", N)
    x, y, theta, L = tensor("x", N), tensor("y", N), tensor("theta"), tensor("L")
    f = sp.Function("f")
    d = derive_graph(Graph((Definition(L, sp.Sum((y[n] - f(x[n], theta)) ** 2, (n, 1, N))),), (x, y, theta), "L"),
                     ["theta"])
    expected = -2 * sp.Sum((y[n] - f(x[n], theta)) * sp.Derivative(f(x[n], theta), theta), (n, 1, N))
    assert same(d.result("theta").expr, expected)


@pytest.mark.parametrize("f", [sp.asin, sp.acos, sp.tan, sp.cot, sp.sec, sp.csc, sp.acot, sp.asinh, sp.acosh,
                               sp.atanh, sp.erf, sp.erfc, sp.atan, sp.tanh, sp.cosh, sp.sinh, sp.log, sp.exp])
def test_derivative_table_agrees_with_sympy(f):
    from symgrad.derivatives import d

    x = sp.Symbol("x")
    assert sp.simplify(d(f(x**2 + 1 / 3), x) - sp.diff(f(x**2 + 1 / 3), x)) == 0


def test_a_definition_in_terms_of_itself_is_an_error():
    z, L = tensor("z"), tensor("L")
    with pytest.raises(DeriveError, match="L is defined in terms of itself"):
        derive_graph(Graph((Definition(L, z * L),), (z,), "L"), ["z"])


def test_a_jacobian_that_is_a_bare_delta_has_its_cases():
    # found by the long fuzz run: L_i = w_i - 2 gave dL_i/dw_j = delta_ij and the i != j case crashed
    d = symgrad.derive(loss=r"L = w - 2", given=[r"w \in \mathbb{R}^{d}"], wrt=["w"])
    i, j = d.results[0].free_indices
    assert dict(d.results[0].cases) == {sp.Eq(i, j): 1, sp.Ne(i, j): 0}


@pytest.mark.parametrize("name", ["softmax", "hinge", "gp-marginal-likelihood", "linear"])
def test_the_core_data_holds_expressions_not_printed_text(name):
    from symgrad.derivation import Note, Section
    from symgrad.matrix import Form

    d = symgrad.derive(name)
    assert all(isinstance(s.section, Section) and isinstance(s.section.wrt, sp.Symbol) for s in d.steps)
    for r in d.results:
        assert all(isinstance(cond, (sp.Eq, sp.Ne)) and isinstance(e, sp.Basic) for cond, e in r.cases)
        assert r.matrix_form is None or isinstance(r.matrix_form, Form)
    assert all(isinstance(p, (str, sp.Basic)) for n in d.notes if isinstance(n, Note) for p in n.parts)


def test_a_kink_note_keeps_its_condition_as_an_equation():
    from symgrad.derivation import Note

    (note,) = symgrad.derive("hinge").notes
    assert isinstance(note, Note) and sum(isinstance(p, sp.Eq) for p in note.parts) == 1
