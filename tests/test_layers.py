"""Backprop through layers (issue 12): each entry's result is its textbook form, proved; the compiled
backward passes agree with autograd of a hand-written NumPy forward pass to 1e-10 (float64), at random
inputs and at inputs offset by 1e4; the facts that hold by construction are proved from the definitions."""

from __future__ import annotations

import math
import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd.scipy.special import erf
from frameworks import installed

import symgrad
from symgrad import rules
from symgrad.catalog import get
from symgrad.entries import derive_entry
from symgrad.rules import construction
from symgrad.tensors import index, size, tensor

N, D, T, E, M, C = (size(s) for s in "NDTEMC")
i, j = index("i", N), index("j", D)
n, f = index("n", N), index("f", D)
eps = sp.Symbol("epsilon")


def canonical(e: sp.Expr) -> sp.Expr:
    """``e`` with every summation variable renamed by position, so that equal sums compare equal."""
    out = e
    for s in sorted(e.atoms(sp.Sum), key=sp.count_ops, reverse=True):
        body = s
        for pos, (var, lo, hi) in enumerate(s.limits):
            body = body.xreplace({var: sp.Idx(sp.Symbol(f"bound{pos}_{sp.count_ops(s)}", integer=True), (lo, hi))})
        out = out.xreplace({s: body})
    return out


def split(e: sp.Expr) -> sp.Expr:
    """Sums distributed over the terms of their multiplied-out bodies, factors free of the summation
    variable pulled out (written here with SymPy alone, apart from symgrad's rules)."""
    if isinstance(e, sp.Sum):
        out = split(e.function)
        for var, lo, hi in e.limits:
            terms = []
            for term in sp.Add.make_args(sp.expand(out)):
                free = [a for a in sp.Mul.make_args(term) if not a.has(var)]
                bound = [a for a in sp.Mul.make_args(term) if a.has(var)]
                terms.append(sp.Mul(*free) * (sp.Sum(sp.Mul(*bound), (var, lo, hi)) if bound else hi - lo + 1))
            out = sp.Add(*terms)
        return out
    return e.func(*[split(a) for a in e.args]) if e.args and not isinstance(e, sp.Indexed) else e


def assert_equal(got: sp.Expr, textbook: sp.Expr) -> None:
    """Symbolic equality up to the names of summation variables, and no longer than 1.5x the textbook form."""
    assert sp.expand(canonical(split(got)) - canonical(split(textbook))) == 0, f"{got} is not {textbook}"
    assert sp.count_ops(got) <= 1.5 * sp.count_ops(textbook), (sp.count_ops(got), sp.count_ops(textbook))


def result(name: str, wrt: str) -> sp.Expr:
    return derive_entry(name).result(wrt).expr


# --- the textbook forms ------------------------------------------------------------------------


def test_batchnorm_dx_is_gamma_over_n_sqrt_v_plus_eps_times_n_g_minus_sum_g_minus_xhat_sum_g_xhat():
    g, xhat, gamma, v = tensor("g", N, D), tensor("xhat", N, D), tensor("gamma", D), tensor("v", D)
    textbook = gamma[j] / (N * sp.sqrt(v[j] + eps)) * (
        N * g[i, j] - sp.Sum(g[n, j], (n, 1, N)) - xhat[i, j] * sp.Sum(g[n, j] * xhat[n, j], (n, 1, N)))
    assert_equal(result("batchnorm", "x"), textbook)
    assert_equal(result("batchnorm", "gamma"), sp.Sum(g[n, j] * xhat[n, j], (n, 1, N)))
    assert_equal(result("batchnorm", "beta"), sp.Sum(g[n, j], (n, 1, N)))


def test_layernorm_dx_is_the_batchnorm_form_over_features_with_gamma_g_in_place_of_g():
    g, xhat, gamma, v = tensor("g", N, D), tensor("xhat", N, D), tensor("gamma", D), tensor("v", N)
    gg = gamma[f] * g[i, f]
    textbook = (D * gamma[j] * g[i, j] - sp.Sum(gg, (f, 1, D)) - xhat[i, j] * sp.Sum(gg * xhat[i, f], (f, 1, D))) / (
        D * sp.sqrt(v[i] + eps))
    assert_equal(result("layernorm", "x"), textbook)


def test_rmsnorm_dx_is_gamma_g_over_r_minus_x_sum_gamma_g_x_over_d_r_cubed():
    g, x, gamma, r = tensor("g", N, D), tensor("x", N, D), tensor("gamma", D), tensor("r", N)
    textbook = gamma[j] * g[i, j] / r[i] - x[i, j] * sp.Sum(gamma[f] * g[i, f] * x[i, f], (f, 1, D)) / (D * r[i] ** 3)
    assert_equal(result("rmsnorm", "x"), textbook)


def test_attention_dv_is_a_transpose_g_and_dq_is_ds_k_over_sqrt_d():
    t, s, e, q = index("i", T), index("s", T), index("e", E), index("v", T)
    jd = index("j", D)
    A, G, V, K = tensor("A", T, T), tensor("G", T, E), tensor("V", T, E), tensor("K", T, D)
    d = derive_entry("attention")
    assert d.result("V").matrix == r"A^{\top} G"
    assert_equal(d.result("V").expr, sp.Sum(A[s, t] * G[s, index("j", E)], (s, 1, T)).xreplace({t: index("i", T)}))
    # dL/dS_is = A_is (dA_is - sum_v A_iv dA_iv) with dA = G V^T; dL/dQ = dL/dS K / sqrt(D)
    dA = lambda col: sp.Sum(G[t, e] * V[col, e], (e, 1, E))
    dS = A[t, s] * (dA(s) - sp.Sum(A[t, q] * dA(q), (q, 1, T)))
    assert_equal(d.result("Q").expr, sp.Sum(dS * K[s, jd], (s, 1, T)) / sp.sqrt(D))


def test_attention_matrix_forms_are_ds_k_over_sqrt_d_and_ds_transpose_q_over_sqrt_d():
    # dS = (G Vᵀ - rowsum(A ⊙ G Vᵀ) 1ᵀ) ⊙ A, and dL/dQ = dS K/sqrt(D), dL/dK = dSᵀ Q/sqrt(D)
    d = derive_entry("attention")
    rowsum = r"\left(\left(A \odot \left(G V^{\top}\right)\right) \mathbf{1}\right)"
    assert d.result("Q").matrix == (
        rf"\frac{{1}}{{\sqrt{{D}}}} \left(\left(G V^{{\top}} - {rowsum} \mathbf{{1}}^{{\top}}\right) \odot A\right) K")
    assert d.result("K").matrix == (
        rf"\frac{{1}}{{\sqrt{{D}}}} \left(\left(V G^{{\top}} - \mathbf{{1}} {rowsum}^{{\top}}\right) \odot A^{{\top}}\right) Q")


def test_linear_layer_gradients_are_g_w_transpose_x_transpose_g_and_column_sums_of_g():
    d = derive_entry("linear")
    assert [r.matrix for r in d.results] == [r"G W^{\top}", r"X^{\top} G", r"G^{\top} \mathbf{1}"]


def test_swish_derivative_is_g_times_s_plus_beta_x_s_one_minus_s():
    g, x, s, beta = tensor("g", N, D), tensor("x", N, D), tensor("s", N, D), sp.Symbol("beta")
    textbook = g[i, j] * (s[i, j] + beta * x[i, j] * s[i, j] * (1 - s[i, j]))
    assert_equal(result("swish", "x"), textbook)


def test_gelu_erf_derivative_is_g_times_phi_plus_x_times_the_normal_density():
    g, x, Phi = tensor("g", N, D), tensor("x", N, D), tensor("Phi", N, D)
    textbook = g[i, j] * (Phi[i, j] + x[i, j] * sp.exp(-x[i, j] ** 2 / 2) / sp.sqrt(2 * sp.pi))
    assert_equal(result("gelu-erf", "x"), textbook)


def test_two_layer_networks_backpropagate_the_output_error_through_v_and_the_activation_derivative():
    X, Z, H, v = tensor("X", N, D), tensor("Z", N, M), tensor("H", N, M), tensor("v", M)
    u, p, t = tensor("u", N), tensor("p", N), tensor("t", N)
    ii, jm = index("i", D), index("j", M)
    # tanh: dL/dW_ij = (1/N) sum_n X_ni v_j (1 - H_nj^2)(u_n - t_n); ReLU with a sigmoid read-out: (p_n - t_n)
    assert_equal(result("mlp-tanh", "W"), sp.Sum(X[n, ii] * v[jm] * (1 - H[n, jm] ** 2) * (u[n] - t[n]), (n, 1, N)) / N)
    assert_equal(result("mlp-tanh", "v"), sp.Sum(H[n, jm] * (u[n] - t[n]), (n, 1, N)) / N)
    assert_equal(result("mlp-relu", "W"),
                 sp.Sum(X[n, ii] * v[jm] * sp.Heaviside(Z[n, jm]) * (p[n] - t[n]), (n, 1, N)) / N)
    assert_equal(result("mlp-relu", "c"), sp.Sum(p[n] - t[n], (n, 1, N)) / N)


def test_gelu_tanh_derivative_is_g_times_half_one_plus_t_plus_x_one_minus_t_squared_times_du_dx_over_2():
    g, x, t = tensor("g", N, D), tensor("x", N, D), tensor("t", N, D)
    du_dx = sp.sqrt(2 / sp.pi) * (1 + 3 * sp.Float("0.044715", 40) * x[i, j] ** 2)
    textbook = g[i, j] * ((1 + t[i, j]) / 2 + x[i, j] * (1 - t[i, j] ** 2) * du_dx / 2)
    assert_equal(result("gelu", "x"), textbook)


def _remaining_textbook_forms() -> dict[tuple[str, str], sp.Expr]:
    """The textbook form of each layer result the tests above do not state, in the result's own free indices."""
    X, W, G = tensor("X", N, D), tensor("W", D, M), tensor("G", N, M)
    Z, H, v, u, p, t = tensor("Z", N, M), tensor("H", N, M), tensor("v", M), tensor("u", N), tensor("p", N), tensor("t", N)
    g, x, s, xhat, r = tensor("g", N, D), tensor("x", N, D), tensor("s", N, D), tensor("xhat", N, D), tensor("r", N)
    dm, jm, m = index("i", D), index("j", M), index("m", M)
    A, V, Q, Gt = tensor("A", T, T), tensor("V", T, E), tensor("Q", T, D), tensor("G", T, E)
    ti, tt, q, e = index("i", T), index("t", T), index("v", T), index("e", E)
    dA = lambda col: sp.Sum(Gt[tt, e] * V[col, e], (e, 1, E))  # (G V^T)_{t, col}
    dS = A[tt, ti] * (dA(ti) - sp.Sum(A[tt, q] * dA(q), (q, 1, T)))
    return {
        ("linear", "X"): sp.Sum(G[i, m] * W[j, m], (m, 1, M)),
        ("linear", "W"): sp.Sum(X[n, dm] * G[n, jm], (n, 1, N)),
        ("linear", "b"): sp.Sum(G[n, jm], (n, 1, N)),
        ("mlp-tanh", "b"): v[jm] * sp.Sum((1 - H[n, jm] ** 2) * (u[n] - t[n]), (n, 1, N)) / N,
        ("mlp-tanh", "c"): sp.Sum(u[n] - t[n], (n, 1, N)) / N,
        ("mlp-relu", "b"): v[jm] * sp.Sum(sp.Heaviside(Z[n, jm]) * (p[n] - t[n]), (n, 1, N)) / N,
        ("mlp-relu", "v"): sp.Sum(H[n, jm] * (p[n] - t[n]), (n, 1, N)) / N,
        ("swish", "beta"): sp.Sum(g[n, f] * s[n, f] * (1 - s[n, f]) * x[n, f] ** 2, (n, 1, N), (f, 1, D)),
        ("layernorm", "gamma"): sp.Sum(g[n, j] * xhat[n, j], (n, 1, N)),
        ("layernorm", "beta"): sp.Sum(g[n, j], (n, 1, N)),
        ("rmsnorm", "gamma"): sp.Sum(g[n, j] * x[n, j] / r[n], (n, 1, N)),
        ("attention", "K"): sp.Sum(dS * Q[tt, index("j", D)], (tt, 1, T)) / sp.sqrt(D),
    }


# the results stated by the named tests above (textbook form proved, at most 1.5x its operations)
STATED_ABOVE = {("batchnorm", "x"), ("batchnorm", "gamma"), ("batchnorm", "beta"), ("layernorm", "x"),
                ("rmsnorm", "x"), ("attention", "V"), ("attention", "Q"), ("swish", "x"), ("gelu", "x"),
                ("gelu-erf", "x"), ("mlp-tanh", "W"), ("mlp-tanh", "v"), ("mlp-relu", "W"), ("mlp-relu", "c")}


@pytest.mark.parametrize("key", list(_remaining_textbook_forms()), ids="-d/d".join)
def test_each_remaining_layer_result_is_its_textbook_form_and_at_most_1_5x_its_operations(key):
    assert_equal(result(*key), _remaining_textbook_forms()[key])


def test_every_result_of_every_layer_entry_has_its_textbook_form_stated():
    from symgrad.catalog import attention, layers, normalization

    every = {(e.name, w) for module in (layers, normalization, attention) for e in module.ENTRIES.values()
             for w in e.wrt}
    assert every == STATED_ABOVE | set(_remaining_textbook_forms())


BATCHNORM_1D = [r"\mu = \frac{1}{N}\sum_{n=1}^{N} x_n", r"v = \frac{1}{N}\sum_{n=1}^{N} (x_n - \mu)^2",
                r"\hat{x}_n = \frac{x_n - \mu}{\sqrt{v + \epsilon}}", r"L = \sum_{n=1}^{N} g_n (\gamma \hat{x}_n + \beta)"]
VECTORS = [r"x \in \mathbb{R}^{N}", r"g \in \mathbb{R}^{N}"]
COMPACT = (r"\frac{\gamma}{N\sqrt{v + \epsilon}}\left(N g_i - \sum_{j=1}^{N} g_j - \hat{x}_i \sum_{j=1}^{N} g_j \hat{x}_j\right)")


def test_verify_proves_the_compact_batchnorm_backward_and_refutes_forgetting_that_mu_and_v_depend_on_x():
    assert symgrad.verify(COMPACT, of=r"\frac{\partial L}{\partial x_i}", define=BATCHNORM_1D, given=VECTORS,
                          timeout=60).verdict == "proved"
    slip = symgrad.verify(r"\frac{\gamma g_i}{\sqrt{v + \epsilon}}", of=r"\frac{\partial L}{\partial x_i}",
                          define=BATCHNORM_1D, given=VECTORS, timeout=60)
    assert slip.verdict == "wrong" and slip.counterexample


def test_batchnorm_typed_with_scalar_statistics_reaches_the_same_textbook_form():
    d = symgrad.derive(loss=BATCHNORM_1D[-1], define=BATCHNORM_1D[:-1], given=VECTORS, wrt=["x"])
    g, xhat, v, jn = tensor("g", N), tensor("xhat", N), sp.Symbol("v"), index("j", N)
    textbook = sp.Symbol("gamma") / (N * sp.sqrt(v + eps)) * (
        N * g[jn] - sp.Sum(g[n], (n, 1, N)) - xhat[jn] * sp.Sum(g[n] * xhat[n], (n, 1, N)))
    assert_equal(d.results[0].expr, textbook)


# --- what holds by construction ----------------------------------------------------------------


def test_centred_and_normalised_x_hat_and_softmax_rows_are_facts_proved_from_the_definitions():
    k, r = index("k", N), index("k", T)
    xhat, v = tensor("xhat", N, D), tensor("v", D)
    dd = index("d", D)
    bn = {(canonical(c.lhs), c.rhs) for c in construction.facts(get("batchnorm").graph, rules._reduce)}
    assert bn == {(canonical(sp.Sum(xhat[k, dd], (k, 1, N))), 0),
                  (canonical(sp.Sum(xhat[k, dd] ** 2, (k, 1, N))), N * v[dd] / (eps + v[dd]))}
    A, t = tensor("A", T, T), index("t", T)
    attention = {(canonical(c.lhs), c.rhs) for c in construction.facts(get("attention").graph, rules._reduce)}
    assert attention == {(canonical(sp.Sum(A[t, r], (r, 1, T))), 1)}


def test_the_facts_by_construction_hold_numerically():
    rng = np.random.default_rng(0)
    x, epsilon = rng.standard_normal((6, 3)) * 3 + 5, 1e-3
    v = x.var(axis=0)
    xhat = (x - x.mean(axis=0)) / np.sqrt(v + epsilon)
    np.testing.assert_allclose(xhat.sum(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose((xhat**2).sum(axis=0), 6 * v / (v + epsilon), rtol=1e-13)


def test_the_derivation_names_the_fact_it_uses_beside_its_step():
    steps = [s for s in derive_entry("batchnorm").steps if s.rule == "it holds by construction"]
    assert steps and steps[0].detail.rhs == 0 and steps[0].rhs == 0


def test_a_factor_that_can_vanish_is_never_divided_by_when_folding_a_definition():
    # y = x (1 + t)/2: folding (1 + t) as 2y/x would divide by x, which is 0 at x = 0
    assert not any(s.rhs.has(sp.Pow(tensor("x", N, D)[i, j], -1)) for s in derive_entry("gelu").steps)


# --- compiled backward passes against autograd -------------------------------------------------


def softmax_rows(z):
    e = anp.exp(z - anp.max(z, axis=-1, keepdims=True))
    return e / anp.sum(e, axis=-1, keepdims=True)


def bn_forward(x, g, gamma, beta, epsilon):
    mu = anp.mean(x, axis=0)
    v = anp.mean((x - mu) ** 2, axis=0)
    return anp.sum(g * (gamma * (x - mu) / anp.sqrt(v + epsilon) + beta))


def ln_forward(x, g, gamma, beta, epsilon):
    mu = anp.mean(x, axis=1, keepdims=True)
    v = anp.mean((x - mu) ** 2, axis=1, keepdims=True)
    return anp.sum(g * (gamma * (x - mu) / anp.sqrt(v + epsilon) + beta))


def rms_forward(x, g, gamma, epsilon):
    return anp.sum(g * gamma * x / anp.sqrt(anp.mean(x**2, axis=1, keepdims=True) + epsilon))


def attention_forward(Q, K, V, G):
    return anp.sum(G * (softmax_rows(Q @ K.T / math.sqrt(Q.shape[1])) @ V))


def linear_forward(X, W, b, G):
    return anp.sum(G * (X @ W + b))


def mlp_tanh_forward(X, W, b, v, c, t):
    return anp.mean((anp.tanh(X @ W + b) @ v + c - t) ** 2) / 2


def mlp_relu_forward(X, W, b, v, c, t):
    u = anp.maximum(X @ W + b, 0.0) @ v + c
    return anp.mean(anp.logaddexp(0.0, u) - t * u)  # binary cross-entropy of sigma(u), written stably


def gelu_forward(x, g):
    return anp.sum(g * 0.5 * x * (1 + anp.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3))))


def gelu_erf_forward(x, g):
    return anp.sum(g * 0.5 * x * (1 + erf(x / math.sqrt(2))))  # autograd's erf is SciPy's


def swish_forward(x, g, beta):
    return anp.sum(g * x * 0.5 * (1 + anp.tanh(beta * x / 2)))  # sigma(u) = (1 + tanh(u/2))/2: no overflow


def _inputs(name: str, rng: np.random.Generator, offset: float) -> dict[str, np.ndarray]:
    r = rng.standard_normal
    table = {
        "batchnorm": {"x": r((6, 4)) + offset, "g": r((6, 4)), "gamma": r(4), "beta": r(4), "epsilon": 1e-3},
        "layernorm": {"x": r((5, 6)) + offset, "g": r((5, 6)), "gamma": r(6), "beta": r(6), "epsilon": 1e-3},
        "rmsnorm": {"x": r((5, 6)) + offset, "g": r((5, 6)), "gamma": r(6), "epsilon": 1e-3},
        "attention": {"Q": r((5, 3)), "K": r((5, 3)), "V": r((5, 4)) + offset, "G": r((5, 4))},
        "linear": {"X": r((5, 3)) + offset, "W": r((3, 4)), "b": r(4), "G": r((5, 4))},
        "mlp-tanh": {"X": r((5, 3)) + offset, "W": r((3, 4)) / (1 + offset), "b": r(4), "v": r(4), "c": r(),
                     "t": r(5)},
        "mlp-relu": {"X": r((5, 3)) + offset, "W": r((3, 4)) / (1 + offset), "b": r(4), "v": r(4), "c": r(),
                     "t": rng.integers(0, 2, 5)},
        "gelu": {"x": r((4, 3)) * (1 + offset), "g": r((4, 3))},
        "gelu-erf": {"x": r((4, 3)) * (1 + offset), "g": r((4, 3))},
        "swish": {"x": r((4, 3)) * (1 + offset), "g": r((4, 3)), "beta": 1.3},
    }
    return {k: np.asarray(v, dtype=np.float64) for k, v in table[name].items()}


FORWARD = {"batchnorm": bn_forward, "layernorm": ln_forward, "rmsnorm": rms_forward, "attention": attention_forward,
           "linear": linear_forward, "mlp-tanh": mlp_tanh_forward, "mlp-relu": mlp_relu_forward,
           "gelu": gelu_forward, "gelu-erf": gelu_erf_forward, "swish": swish_forward}


@pytest.fixture(scope="module")
def kernels() -> dict[str, symgrad.Compiled]:
    return {}


@pytest.mark.parametrize("offset", [0.0, 1e4], ids=["random", "offset-1e4"])
@pytest.mark.parametrize("name", list(FORWARD))
def test_compiled_backward_pass_agrees_with_autograd_to_1e_10(name, offset, kernels):
    if name not in kernels:
        kernels[name] = symgrad.compile(name)
    f = kernels[name]
    for seed in range(3):
        arrays = _inputs(name, np.random.default_rng(seed), offset)
        with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
            warnings.simplefilter("error")
            got = f.grad(**arrays)
        keys = list(arrays)
        for w in f.wrt:
            want = autograd.grad(FORWARD[name], keys.index(w))(*arrays.values())
            scale = max(float(np.max(np.abs(want))), 1e-300)
            err = float(np.max(np.abs(np.asarray(got[w]) - want))) / scale
            assert err <= 1e-10, f"{name} d/d{w} seed {seed}: relative error {err:.1e}"


@pytest.mark.parametrize("name", list(FORWARD))
def test_symgrad_check_passes_for_every_layer(name):
    report = symgrad.check(name)
    assert report.ok, str(report)


@pytest.mark.parametrize("backend", ["torch", "jax", "tensorflow", "fd"])
def test_symgrad_check_passes_for_gelu_erf_with_every_backend(backend):
    installed(backend)
    report = symgrad.check("gelu-erf", backend=backend)
    assert report.ok, str(report)


def test_cubes_and_fourth_powers_compile_to_products_that_stay_one_factor_in_a_denominator():
    from symgrad.compile.printer import _ArrayPrinter

    a, b = sp.symbols("a b")
    at = {"a": np.array([1.5, -2.0]), "b": np.array([0.7, -1.3])}
    for e in (b**3, a / b**3, a * b**-4, a / (a + b) ** 3, (a - b) ** 4 / 2):
        code = _ArrayPrinter("np")._print(e)
        assert "**3" not in code and "**4" not in code, code  # NumPy's pow of 3 or 4 is ~300x slower than squares
        np.testing.assert_allclose(eval(code, {"np": np, **at}), sp.lambdify((a, b), e)(at["a"], at["b"]), rtol=1e-15)


def test_a_negated_sum_is_printed_as_the_negated_sum_not_the_sum_of_a_negated_array(kernels):
    kernels.setdefault("batchnorm", symgrad.compile("batchnorm"))
    source = kernels["batchnorm"].source
    assert "(-g).sum(" not in source and "(-g.sum(axis=-2))" in source  # one pass over g fewer; same numbers


def test_numbers_and_sizes_times_a_summed_array_are_pulled_out_of_the_sum():
    from symgrad.compile.nodes import ArraySum
    from symgrad.compile.printer import _ArrayPrinter

    x, g, D = sp.symbols("x g D")
    at = {"x": np.array([[1.5, -2.0, 0.25], [3.0, 1.0, -7.0]]), "g": np.array([[0.5, 1.0, 2.0], [1.0, -1.0, 4.0]]),
          "D": 3}
    cases = {ArraySum(x / D, sp.S.Zero, sp.Integer(-1)): ("(x.sum(axis=-1)/D)", at["x"].sum(axis=-1) / 3),
             ArraySum(-g, sp.S.Zero, sp.Integer(-2)): ("(-g.sum(axis=-2))", -at["g"].sum(axis=-2)),
             ArraySum(-2 * x * g / D, sp.S.One, sp.Integer(-1)): (
                 "(-2*(g*x).sum(axis=-1, keepdims=True)/D)", (-2 * at["x"] * at["g"] / 3).sum(axis=-1, keepdims=True))}
    printer = _ArrayPrinter("np", frozenset({"D"}))
    for node, (code, want) in cases.items():
        assert printer._print(node) == code
        np.testing.assert_allclose(eval(code, {"np": np, **at}), want, rtol=1e-15)
    assert _ArrayPrinter("np")._print(ArraySum(x / D, sp.S.Zero, sp.Integer(-1))) == "(x/D).sum(axis=-1)"  # D unknown
