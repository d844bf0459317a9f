"""symgrad.compile: compiled losses and gradients agree with autodiff, stay stable at extreme logits,
keep their dtype, check their arguments, and run as loop-free NumPy."""

from __future__ import annotations

import functools
import warnings

import autograd
import autograd.numpy as anp
import mpmath
import numpy as np
import pytest
import sympy as sp
from sympy.codegen.cfunctions import log1p

import symgrad
from symgrad import linalg
from symgrad.check import draw_inputs, evaluate_definitions, resolve_sizes
from symgrad.compile import (
    REWRITES,
    XP_OPS,
    Compiled,
    CompileError,
    Difference,
    LogSoftmax,
    LogSumExp,
    Maximum,
    Norm,
    Sigmoid,
    Softmax,
    SoftmaxComplement,
    Softplus,
    compile_derivation,
    stabilise,
)
from symgrad.compile.nodes import Ratio
from symgrad.derivation import Derivation, Graph, Result
from symgrad.errors import ShapeError, SymgradError
from symgrad.graph import hessian
from symgrad.tensors import Definition, index, size, tensor

NAMES = symgrad.names()


@functools.cache
def entry(name: str) -> tuple[Derivation, Compiled]:
    d = symgrad.derive(name)
    return d, d.compile()


# inputs outside check.draw_inputs' generic domains: focal's gamma >= 0 (sigma^(gamma-1) at sigma -> 0),
# positive scales and weights, and label-smoothing's y one-hot (its catalog entry declares sum_k t_k = 1
# on t, which needs sum_k y_k = 1)
DOMAIN = {
    "focal": {"gamma": lambda a: np.float64(2.0), "alpha": lambda a: np.float64(0.25)},
    "huber": {"delta": lambda a: np.abs(a) + 0.5},
    "softmax-temperature": {"T": lambda a: np.abs(a) + 0.5},
    "bce-pos-weight": {"w": lambda a: np.abs(a) + 0.5},
    "label-smoothing-ce": {"y": lambda a: np.eye(a.shape[-1])[np.argmax(a, axis=-1)]},
}


def inputs(d: Derivation, seed: int = 0) -> dict[str, np.ndarray]:
    arrays = draw_inputs(d.graph, resolve_sizes(d.graph), seed)
    for name, fix in DOMAIN.get(d.name, {}).items():
        arrays[name] = np.asarray(fix(arrays[name]))
    return arrays


def assert_close(got, want, rtol: float, floor: float = 1e-300) -> None:
    """Elementwise within ``rtol`` relative to the array's scale (so that zero entries are fine);
    ``floor``: differences below it are underflow (float32 cannot hold 1e-109)."""
    want = np.asarray(want, dtype=np.float64)
    assert np.shape(got) == want.shape
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    np.testing.assert_allclose(np.asarray(got, dtype=np.float64), want, rtol=rtol, atol=max(rtol * scale, floor))


def quiet(fn, **arrays):
    """Call ``fn`` with every warning an error (NumPy's defaults: overflow, divide, invalid warn)."""
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
        warnings.simplefilter("error")
        return fn(**arrays)


# --- every catalog entry against real autodiff ---


@pytest.mark.parametrize("name", NAMES)
def test_loss_and_gradients_agree_with_autograd_to_1e_10(name):
    d, f = entry(name)
    arrays = inputs(d, seed=1)
    value, grads = quiet(f.value_and_grad, **arrays)
    assert set(grads) == {r.wrt for r in d.results}
    reference = evaluate_definitions(d.graph, arrays, resolve_sizes(d.graph))[d.graph.target]
    assert_close(value, reference, 1e-10)
    forward = f.loss_fn(anp)
    assert_close(forward(**arrays), reference, 1e-10)
    for wrt, grad in grads.items():
        derivative = autograd.jacobian if np.ndim(value) else autograd.grad
        assert_close(grad, derivative(lambda v, wrt=wrt: forward(**{**arrays, wrt: v}))(arrays[wrt]), 1e-10)


@pytest.mark.parametrize("name", NAMES)
def test_loss_grad_and_value_and_grad_agree(name):
    d, f = entry(name)
    arrays = inputs(d, seed=2)
    value, grads = f.value_and_grad(**arrays)
    assert_close(f.loss(**arrays), value, 1e-15)
    for wrt, g in f.grad(**arrays).items():
        assert_close(g, grads[wrt], 1e-15)


def test_seed_ce_logits_gradient_is_x_transpose_times_p_minus_y_over_b():
    rng = np.random.default_rng(3)
    B, D, C = 7, 5, 4
    x, w, b = rng.standard_normal((B, D)), rng.standard_normal((D, C)), rng.standard_normal(C)
    y = np.eye(C)[rng.integers(0, C, B)]
    z = x @ w + b
    P = np.exp(z - z.max(1, keepdims=True))
    P /= P.sum(1, keepdims=True)
    loss, grads = symgrad.compile("seed-ce-logits").value_and_grad(x=x, w=w, b=b, y=y)
    assert_close(loss, -np.sum(y * np.log(P)) / B, 1e-13)
    assert_close(grads["w"], x.T @ (P - y) / B, 1e-13)
    assert_close(grads["b"], (P - y).sum(0) / B, 1e-13)


def test_hessians_compile_and_agree_with_autograd():
    for name, wrt in (("cce-logits", "z"), ("seed-ce-logits", "b"), ("bce-logits", "z")):
        h = compile_derivation(hessian(symgrad.derive(name), wrt))
        arrays = inputs(symgrad.derive(name), seed=4)
        forward = entry(name)[1].loss_fn(anp)
        want = autograd.hessian(lambda v, f=forward, a=arrays, w=wrt: f(**{**a, w: v}))(arrays[wrt])
        assert_close(h.grad(**arrays)[wrt], want, 1e-10)


# --- the generated code ---


@pytest.mark.parametrize("name", NAMES)
def test_generated_code_has_no_python_loops_and_no_sympy(name):
    _, f = entry(name)
    for source in (f.source, f.forward_source):
        assert "for " not in source and "sympy" not in source
    assert "sp" not in f.value_and_grad.__globals__ and "sympy" not in f.value_and_grad.__globals__


def test_seed_ce_logits_contracts_the_batch_with_a_matrix_product():
    source = symgrad.compile("seed-ce-logits").source.split("def value_and_grad")[1]
    assert "x.T @ " in source and "einsum" not in source
    assert source.count("p - y") == 1  # computed once, shared by both gradients
    assert source.count("np.exp(") == 1  # the loss and p share the shifted exponentials


@pytest.mark.parametrize("name", NAMES)
def test_forward_pass_uses_only_xp_ops(name):
    class Strict:
        """A namespace with exactly XP_OPS."""

    strict = Strict()
    for op in XP_OPS:
        setattr(strict, op, getattr(np, op))
    d, f = entry(name)
    arrays = inputs(d, seed=5)
    assert_close(f.loss_fn(strict)(**arrays), f.loss(**arrays), 1e-14)


def test_symgrad_compile_stays_callable_after_importing_the_module():
    import symgrad.compile  # rebinds the package attribute symgrad.compile to the module

    assert isinstance(symgrad.compile("softmax"), Compiled)


# --- stability: every loss on logits is finite and right at +-1e3, +-1e4 in float32 and float64 ---


def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _lse(z):
    m = z.max(-1, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(-1, keepdims=True)))[..., 0]


def _softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def _sigmoid(z):
    return np.exp(-_softplus(-z))


def _seed(a):
    x, w, b, y = a["x"], a["w"], a["b"], a["y"]
    z = x @ w + b
    return x, y, z, _softmax(z), len(x)


def _seed_mse(a):
    x, y, _, p, B = _seed(a)
    C = p.shape[1]
    g = 2 * (p - y) / (B * C)
    dz = p * (g - (g * p).sum(1, keepdims=True))
    return np.mean((y - p) ** 2), {"w": x.T @ dz, "b": dz.sum(0)}


def _seed_ce(a):
    x, y, z, p, B = _seed(a)
    return -np.sum(y * (z - _lse(z)[:, None])) / B, {"w": x.T @ (p - y) / B, "b": (p - y).sum(0) / B}


def _smoothing(a):
    t = (1 - a["epsilon"]) * a["y"] + a["epsilon"] / a["y"].shape[-1]
    z = a["z"]
    return -np.sum(t * (z - _lse(z))), {"z": _softmax(z) - t}


def _pos_weight(a):
    z, y, w = a["z"], a["y"], a["w"]
    return (w * y + 1 - y) * _softplus(z) - w * y * z, {"z": _sigmoid(z) * (w * y + 1 - y) - w * y}


def _softmax_jacobian(p):
    """p_i (delta_ij - p_j), the diagonal p_i sum_{k != i} p_k: p_i - p_i^2 is 0 where p_i rounds to 1."""
    out = -np.outer(p, p)
    np.fill_diagonal(out, [p[i] * np.sum(np.delete(p, i)) for i in range(p.size)])
    return out


STABLE = {  # hand-written stable references: (value, gradients) from float64 inputs
    "softmax": lambda a: (_softmax(a["a"]), {"a": _softmax_jacobian(_softmax(a["a"]))}),
    "sigmoid": lambda a: (_sigmoid(a["z"]), {"z": _sigmoid(a["z"]) * _sigmoid(-a["z"])}),
    "bce-logits": lambda a: (_softplus(a["z"]) - a["z"] * a["y"], {"z": _sigmoid(a["z"]) - a["y"]}),
    "cce-logits": lambda a: (-np.sum(a["y"] * (a["z"] - _lse(a["z"]))), {"z": _softmax(a["z"]) - a["y"]}),
    "logsumexp": lambda a: (_lse(a["z"]), {"z": _softmax(a["z"])}),
    "log-softmax": lambda a: (a["z"] - _lse(a["z"]), {"z": np.eye(len(a["z"])) - _softmax(a["z"])[None, :]}),
    "seed-ce-logits": _seed_ce,
    "seed-mse-softmax": _seed_mse,
    "label-smoothing-ce": _smoothing,
    "bce-pos-weight": _pos_weight,
}


def extreme(d: Derivation, scale: float) -> dict[str, np.ndarray]:
    """Inputs whose logits are about +-scale (the seed's through w, the others directly)."""
    arrays = inputs(d, seed=6)
    if "x" in arrays:
        arrays["w"] = arrays["w"] * scale
        return arrays
    name = "a" if "a" in arrays else "z"
    arrays[name] = np.where(arrays[name] >= 0, scale, -scale) * np.linspace(1.0, 0.5, arrays[name].size).reshape(
        arrays[name].shape)
    return arrays


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("scale", [1e3, 1e4])
@pytest.mark.parametrize("name", sorted(STABLE))
def test_extreme_logits_give_finite_values_equal_to_a_stable_reference(name, scale, dtype):
    d, f = entry(name)
    arrays = {k: np.asarray(v, dtype=dtype) for k, v in extreme(d, scale).items()}
    value, grads = quiet(f.value_and_grad, **arrays)
    want_value, want_grads = STABLE[name]({k: v.astype(np.float64) for k, v in arrays.items()})
    rtol = 1e-5 if dtype == np.float32 else 1e-12
    for got, want in [(value, want_value)] + [(grads[k], want_grads[k]) for k in want_grads]:
        assert np.all(np.isfinite(got)) and np.asarray(got).dtype == dtype
        assert_close(got, want, rtol, floor=np.finfo(dtype).tiny * 1e8)


N = size("N")
i, j, k = index("i", N), index("j", N), index("k", N)
a_, p_ = tensor("a", N), tensor("p", N)


def softmax_derivation(rhs: sp.Expr, name: str) -> Derivation:
    """A softmax spelled ``rhs`` with its textbook Jacobian p_i (delta_ij - p_j), built by hand."""
    graph = Graph((Definition(p_[i], rhs),), (a_,), "p")
    return Derivation(name, name, graph, results=[Result("a", p_[i], a_[j], p_[i] * (sp.KroneckerDelta(i, j) - p_[j]))])


SPELLINGS = {
    "exp/Sum": sp.exp(a_[i]) / sp.Sum(sp.exp(a_[k]), (k, 1, N)),
    "1/Sum(exp(a_k - a_i))": 1 / sp.Sum(sp.exp(a_[k] - a_[i]), (k, 1, N)),
    "1/Sum(exp(-a_i) exp(a_k))": 1 / sp.Sum(sp.exp(-a_[i]) * sp.exp(a_[k]), (k, 1, N)),
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_softmax_is_stable_whatever_the_spelling(spelling, dtype):
    f = compile_derivation(softmax_derivation(SPELLINGS[spelling], spelling))
    assert "softmax" in f.rewrites
    a = np.array([1e4, -1e4, 3e3, 1e4 - 1, 0.0], dtype=dtype)
    p, grads = quiet(f.value_and_grad, a=a)
    want = _softmax(a.astype(np.float64))
    assert p.dtype == dtype and grads["a"].dtype == dtype
    assert_close(p, want, 1e-6 if dtype == np.float32 else 1e-14)
    assert_close(grads["a"], np.diag(want) - np.outer(want, want), 1e-6 if dtype == np.float32 else 1e-14)


def test_sigmoid_and_bce_spelled_with_exp_over_one_plus_exp_are_stable():
    z, y, s, L = tensor("z"), tensor("y"), tensor("s"), tensor("L")
    graph = Graph((Definition(s, sp.exp(z) / (1 + sp.exp(z))),
                   Definition(L, -(y * sp.log(s) + (1 - y) * sp.log(1 - s)))), (z, y), "L")
    f = compile_derivation(Derivation("bce-exp", "bce-exp", graph, results=[Result("z", L, z, s - y)]))
    assert {"sigmoid", "log-sigmoid", "bce-logits"} <= set(f.rewrites)
    zs = np.array([-1e4, -1e3, -30.0, 0.0, 30.0, 1e3, 1e4])
    ys = np.array([1.0, 0.0, 1.0, 0.5, 0.0, 1.0, 0.0])
    loss, grads = quiet(f.value_and_grad, z=zs, y=ys)
    assert_close(loss, _softplus(zs) - zs * ys, 1e-14)
    assert_close(grads["z"], _sigmoid(zs) - ys, 1e-14)


# --- the rewrite table: each entry fires on its spellings ---

z, y = tensor("z"), tensor("y")
y_, q_, c_, m_, L_ = tensor("y", N), tensor("q", N), tensor("c", N), tensor("m"), tensor("L")
sig = 1 / (1 + sp.exp(-z))
M = size("M")
r, t_, w_ = index("r", M), tensor("t", M), tensor("w", M)
k_ = index("k_", N)
PAIRS = {"L": (L_, sp.Sum((a_[k] - t_[r]) ** 2, (k, 1, N), (r, 1, M)))}  # sum_k sum_r (a_k - t_r)^2
MEAN = {"L": (L_, sp.Sum(c_[k] * Softmax(a_[k], k), (k, 1, N)))}  # L = sum_k c_k softmax_k(a)
TRIPLET = {"L": (L_, sp.Max(0, z + sp.Sum((y_[k] - q_[k]) ** 2, (k, 1, N)) - sp.Sum((y_[k] - c_[k]) ** 2, (k, 1, N))))}
CENTRED = {"m": (m_, sp.Sum(a_[k], (k, 1, N)) / N), "q": (q_[i], Difference(a_[i], m_) * z)}  # q = (a - mean a) z
REWRITE_CASES = [
    ("spread", 2 * M * a_[i] - 2 * sp.Sum(t_[r], (r, 1, M)), PAIRS, 2 * sp.Sum(Difference(a_[i], t_[r]), (r, 1, M))),
    ("spread", z * N * t_[r] - z * sp.Sum(a_[k], (k, 1, N)), PAIRS, z * sp.Sum(Difference(t_[r], a_[k]), (k, 1, N))),
    ("spread", 2 * a_[i] * sp.Sum(w_[r], (r, 1, M)) - 2 * sp.Sum(w_[r] * t_[r], (r, 1, M)), PAIRS,
     2 * sp.Sum(w_[r] * Difference(a_[i], t_[r]), (r, 1, M))),
    ("centre-covariance", sp.Sum(z * Softmax(a_[k], k) * Difference(L_, c_[k]) * a_[k], (k, 1, N)), MEAN,
     sp.Sum(z * Softmax(a_[k], k) * Difference(L_, c_[k]) * Difference(a_[k], sp.Sum(Softmax(a_[k_], k_) * a_[k_],
                                                                                      (k_, 1, N))), (k, 1, N))),
    ("refold-step", sp.Heaviside(z + sp.Sum(q_[k] ** 2, (k, 1, N)) - sp.Sum(c_[k] ** 2, (k, 1, N))
                                 - sp.Sum(2 * y_[k] * q_[k], (k, 1, N)) + sp.Sum(2 * y_[k] * c_[k], (k, 1, N))), TRIPLET,
     sp.Heaviside(z + sp.Sum(Difference(y_[k], q_[k]) ** 2, (k, 1, N)) - sp.Sum(Difference(y_[k], c_[k]) ** 2, (k, 1, N)))),
    ("centre-weights", sp.Sum(y_[k] * q_[k], (k, 1, N)), CENTRED,
     sp.Sum(q_[k] * Difference(y_[k], sp.Sum(y_[k_], (k_, 1, N)) / N), (k, 1, N))),
    ("centre-weights", sp.Sum(z * y_[k] * c_[k] * q_[k], (k, 1, N)), CENTRED,
     sp.Sum(z * q_[k] * Difference(y_[k] * c_[k], sp.Sum(y_[k_] * c_[k_], (k_, 1, N)) / N), (k, 1, N))),
    ("refine-mean", L_ - c_[j], MEAN, Difference(L_, c_[j]) + sp.Sum(Softmax(a_[k], k) * Difference(c_[k], L_), (k, 1, N))),
    ("refine-mean", 1 + a_[j] - L_, {"L": (L_, sp.Sum(a_[k] * Softmax(a_[k], k), (k, 1, N)))},
     1 - Difference(L_, a_[j]) - sp.Sum(Softmax(a_[k], k) * Difference(a_[k], L_), (k, 1, N))),
    ("solve", sp.Sum(linalg.inverse(linalg.square("A", N))[i, k] * a_[k], (k, 1, N)), {},
     linalg.Solved(linalg.inverse(linalg.square("A", N))[i, k], a_[k], k)),
    ("softmax", sp.exp(a_[i]) / sp.Sum(sp.exp(a_[k]), (k, 1, N)), {}, Softmax(a_[i], i)),
    ("softmax", 1 / sp.Sum(sp.exp(a_[k] - a_[i]), (k, 1, N)), {}, Softmax(a_[i], i)),
    ("softmax", sp.exp(a_[i] / z) / sp.Sum(sp.exp(a_[k] / z), (k, 1, N)), {}, Softmax(a_[i] / z, i)),
    ("softmax", sp.Sum(a_[k] * sp.exp(a_[k]) / sp.Sum(sp.exp(a_[k]), (k, 1, N)), (k, 1, N)), {},
     sp.Sum(a_[k] * Softmax(a_[k], k), (k, 1, N))),
    ("softmax", sp.exp(a_[i] + a_[j]) / sp.Sum(sp.exp(a_[k]), (k, 1, N)) ** 2, {}, Softmax(a_[i], i) * Softmax(a_[j], j)),
    ("exp-into-sum", sp.Sum(a_[k] * sp.exp(a_[k]), (k, 1, N)) / sp.Sum(sp.exp(a_[k]), (k, 1, N)), {},
     sp.Sum(a_[k] * Softmax(a_[k], k), (k, 1, N))),
    ("log-split", sp.log(y / p_[j]), {"p": (p_[i], Softmax(a_[i], i))}, sp.log(y) - LogSoftmax(a_[j], j)),
    ("log-split", sp.log(2 * y * sp.exp(z)), {}, z + sp.log(2) + sp.log(y)),
    ("log-softmax", sp.log(sp.exp(a_[i]) / sp.Sum(sp.exp(a_[k]), (k, 1, N))), {}, LogSoftmax(a_[i], i)),
    ("log-softmax", sp.log(p_[j]), {"p": (p_[i], Softmax(a_[i], i))}, LogSoftmax(a_[j], j)),
    ("logsumexp", sp.log(sp.Sum(sp.exp(a_[k]), (k, 1, N))), {}, LogSumExp(a_[k], k)),
    ("logsumexp", sp.log(sp.Sum(c_[k] * sp.exp(a_[k]), (k, 1, N))), {}, LogSumExp(a_[k], k, c_[k])),
    ("weighted-softmax", y * c_[i] * sp.exp(a_[i]) / sp.Sum(c_[k] * sp.exp(a_[k]), (k, 1, N)), {},
     y * Softmax(a_[i], i, c_[i])),
    ("over-sum-exp", (sp.KroneckerDelta(i, j) * sp.Sum(sp.exp(a_[k]), (k, 1, N)) - sp.exp(a_[j]))
     / sp.Sum(sp.exp(a_[k]), (k, 1, N)), {}, sp.KroneckerDelta(i, j) - Softmax(a_[j], j)),
    ("softmax-complement", sp.KroneckerDelta(i, j) - p_[j], {"p": (p_[i], Softmax(a_[i], i))},
     sp.KroneckerDelta(i, j) * SoftmaxComplement(a_[j], j) + (sp.KroneckerDelta(i, j) - 1) * p_[j]),
    ("sigmoid", sig, {}, Sigmoid(z)),
    ("sigmoid", sp.exp(z) / (1 + sp.exp(z)), {}, Sigmoid(z)),
    ("sigmoid", 1 / (1 + sp.exp(z)), {}, Sigmoid(-z)),
    ("exp-product", sp.exp(z) * sp.exp(-y), {}, sp.exp(z - y)),
    ("exp-into-sum", sp.exp(z) * sp.Sum(a_[k] * sp.exp(a_[k]), (k, 1, N)), {},
     sp.Sum(a_[k] * sp.exp(a_[k] + z), (k, 1, N))),
    ("logistic-fraction", sp.exp(z) / (1 + sp.exp(z)) ** 2, {}, 1 / (4 * sp.cosh(z / 2) ** 2)),  # sigmoid-pair too
    ("logistic-fraction", (y * sp.exp(z) - sp.exp(z) + y) / (sp.exp(z) + 1), {}, y * Sigmoid(-z) + (y - 1) * Sigmoid(z)),
    ("one-minus-sigmoid", 1 - sig, {}, Sigmoid(-z)),
    ("one-minus-sigmoid", 1 - y, {"y": (y, Sigmoid(z))}, Sigmoid(-z)),
    ("log-sigmoid", sp.log(sig), {}, -Softplus(-z)),
    ("log-sigmoid", sp.log(1 - sig), {}, -Softplus(z)),
    ("bce-logits", -(y * sp.log(sig) + (1 - y) * sp.log(1 - sig)), {},
     Maximum(z, 0) + log1p(sp.exp(-sp.Abs(z))) - y * z),
    ("softplus", sp.log(1 + sp.exp(z)), {}, Softplus(z)),
    ("softplus", sp.log(1 + sp.exp(-z)), {}, Softplus(-z)),
    ("tanh", (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z)), {}, sp.tanh(z)),
    ("tanh", y * (sp.exp(-z) - sp.exp(z)) / (sp.exp(-z) + sp.exp(z)), {}, -y * sp.tanh(z)),
    ("log-cosh", sp.log(sp.cosh(z)), {}, sp.Abs(z) + log1p(sp.exp(-2 * sp.Abs(z))) - sp.log(2)),
    ("norm", sp.sqrt(sp.Sum((q_[k] - y_[k]) ** 2, (k, 1, N))), {}, Norm(q_[k] - y_[k], k)),
    ("over-norm", z * sp.Sum(a_[k] * (q_[k] - y_[k]), (k, 1, N)) / L_, {"L": (L_, Norm(q_[k] - y_[k], k))},
     z * sp.Sum(a_[k] * Ratio(Difference(q_[k], y_[k]), L_), (k, 1, N))),
    ("max-min", sp.Max(0, 1 - y * z), {}, Maximum(0, 1 - y * z)),
    ("max-min", sp.Min(y, z), {}, -Maximum(-y, -z)),
    ("centre", z**2 + y_[i] ** 2 - 2 * y_[i] * q_[i] + q_[i] ** 2, {"L": (L_, sp.Sum(sp.sqrt(z**2 + (q_[k] - y_[k]) ** 2),
                                                                             (k, 1, N)))},
     z**2 + Difference(q_[i], y_[i]) ** 2),
    ("centre", y * sp.Sum(a_[k] ** 2, (k, 1, N)) - 2 * y * m_ * sp.Sum(a_[k], (k, 1, N)) + N * y * m_**2,
     {"c": (c_[i], a_[i] - m_)}, y * sp.Sum(Difference(a_[k], m_) ** 2, (k, 1, N))),
    ("centre", N * m_ - sp.Sum(a_[k], (k, 1, N)), {"c": (c_[i], a_[i] - m_)}, -sp.Sum(Difference(a_[k], m_), (k, 1, N))),
    ("margin", a_[j] - sp.Sum(y_[k] * a_[k], (k, 1, N)) + z, {}, Difference(a_[j], sp.Sum(y_[k] * a_[k], (k, 1, N))) + z),
    ("sech-squared", y - y * sp.tanh(z) ** 2, {}, y / sp.cosh(z) ** 2),  # 4 y sigma(2z) sigma(-2z), then sigmoid-pair
    ("sigmoid-pair", y * Sigmoid(z) ** 2 * Sigmoid(-z) ** 2, {}, y / (16 * sp.cosh(z / 2) ** 4)),
    ("tanh-complement", sp.tanh(z) / 2 + sp.S.Half, {}, Sigmoid(2 * z)),
    ("tanh-complement", y - y * p_[j], {"p": (p_[i], sp.tanh(a_[i]))}, 2 * y * Sigmoid(-2 * a_[j])),
    ("sech-squared", y - y * p_[j] ** 2, {"p": (p_[i], sp.tanh(a_[i]))}, y / sp.cosh(a_[j]) ** 2),
    ("erf-complement", sp.erf(z) / 2 + sp.S.Half, {}, sp.Piecewise((sp.erfc(sp.Abs(z)), z < 0), (2 - sp.erfc(sp.Abs(z)), True)) / 2),
    ("erf-complement", y - y * sp.erf(z), {}, y * sp.Piecewise((sp.erfc(sp.Abs(z)), z > 0), (2 - sp.erfc(sp.Abs(z)), True))),
    ("cancel-pole", Sigmoid(z) / Sigmoid(-z) - Sigmoid(z) ** 2 / Sigmoid(-z), {}, Sigmoid(z)),
    ("cancel-pole", Sigmoid(-z) ** (y - 1) * Sigmoid(z) - Sigmoid(-z) ** (y - 1) * Sigmoid(z) ** 2, {}, Sigmoid(-z) ** y * Sigmoid(z)),
    ("cancel-named-factor", y * p_[j] / a_[j], {"p": (p_[i], a_[i] * Sigmoid(a_[i]))}, y * Sigmoid(a_[j])),
    ("cancel-named-factor", p_[j] ** 2 / a_[j] ** 2, {"p": (p_[i], a_[i] * sp.exp(a_[i]))}, sp.exp(2 * a_[j])),
]


def test_the_triplet_margins_step_takes_the_right_side_at_offsets_of_1e4_in_float32():
    d = symgrad.derive(loss=r"L = \sum_{i=1}^{N}\left[\sum_{d=1}^{D}(A_{id} - P_{id})^2 - \sum_{d=1}^{D}(A_{id} - Q_{id})^2"
                       r" + \alpha\right]_+", given=[rf"{m} \in \mathbb{{R}}^{{N \times D}}" for m in "APQ"], wrt=["A"])
    f = d.compile()
    assert "refold-step" in f.rewrites
    rng = np.random.default_rng(3)
    A, P, Q = (1e4 + rng.standard_normal((200, 4))).astype(np.float32), *(
        (1e4 + rng.standard_normal((200, 4))).astype(np.float32) for _ in range(2))
    alpha = np.float32(0.5)
    got = f.grad(A=A, P=P, Q=Q, alpha=alpha)["A"]
    with mpmath.workdps(30):  # the margin from the float32 inputs exactly; its sign picks the branch
        margin = [mpmath.fsum((mpmath.mpf(float(a)) - float(p)) ** 2 - (mpmath.mpf(float(a)) - float(q)) ** 2
                              for a, p, q in zip(A[n], P[n], Q[n])) + float(alpha) for n in range(len(A))]
    want = np.where(np.array([m > 0 for m in margin])[:, None], 2 * (Q.astype(np.float64) - P), 0.0)
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=0)


def test_centre_weights_leaves_a_sum_alone_when_the_name_is_not_centred_over_the_summed_index():
    fired: list[str] = []
    not_mean = {"m": (m_, sp.Sum(a_[k], (k, 1, N)) / (N + 1)), "q": (q_[i], Difference(a_[i], m_))}
    stabilise(sp.Sum(y_[k] * q_[k], (k, 1, N)), not_mean, fired)
    stabilise(sp.Sum(y_[k] * q_[k] * a_[k], (k, 1, N)), {"q": (q_[i], a_[i] * z)}, fired)
    assert "centre-weights" not in fired


def test_spread_and_refine_mean_leave_expressions_without_their_structure_alone():
    fired: list[str] = []
    stabilise(2 * M * a_[i] - 2 * sp.Sum(t_[r], (r, 1, M)), {}, fired)  # no definition subtracts t from a
    stabilise(2 * M * a_[i] - 3 * sp.Sum(t_[r], (r, 1, M)), PAIRS, fired)  # not c (M a - sum t)
    stabilise(L_ - c_[j], {"L": (L_, sp.Sum(c_[k] * Softmax(a_[k], k, q_[k]), (k, 1, N)))}, fired)  # weighted: sum p != 1
    stabilise(L_ - a_[j], MEAN, fired)  # L averages c, not a
    stabilise(sp.Sum(Softmax(a_[k], k) * Difference(L_, c_[k]) * a_[k] * c_[k], (k, 1, N)), MEAN, fired)  # c_k: not 0
    assert not {"spread", "refine-mean", "centre-covariance"} & set(fired)


@pytest.mark.parametrize("rule, expr, names, want", REWRITE_CASES)
def test_rewrite_turns_each_spelling_into_its_stable_form(rule, expr, names, want):
    fired: list[str] = []
    got = stabilise(expr, names, fired)
    assert rule in fired
    difference = (got - want).replace(SoftmaxComplement, lambda u, i: 1 - Softmax(u, i))  # 1 - p_j in either form
    assert got == want or sp.expand(difference) == 0


def test_an_undefined_function_is_refused_by_its_name_not_by_an_internal_node():
    h, x_, L = sp.Function("h"), tensor("x", N), tensor("L")
    graph = Graph((Definition(L, sp.Sum(sp.log(h(x_[k], z)), (k, 1, N))),), (x_, z), "L")
    result = sp.Sum(sp.Derivative(h(x_[k], z), z) / h(x_[k], z), (k, 1, N))
    with pytest.raises(CompileError, match=r"^no array code for h: h\(x\[k\], z\) uses h as a function but it is not def"):
        compile_derivation(Derivation("h", "h", graph, results=[Result("z", L, z, result)]))


def test_an_index_used_as_a_number_is_refused_naming_the_product_and_the_subscript_spelling():
    d = symgrad.derive(loss=r"L = \frac{1}{C}\sum_{i=1}^{C} y(i) x_i", wrt=["x"])
    with pytest.raises(CompileError, match=r"^index i used as a value in .*y\*i.*: write an element as y_i or y_\{i\} "
                                           r"\(y\(i\) reads as the product y i\)"):
        d.compile()


def test_an_element_in_brackets_under_its_sum_is_the_element():
    # y[i] under the sum over i (read/bracket_indices, session 12) is y_i: the gradient by x is y / C
    d = symgrad.derive(loss=r"L = \frac{1}{C}\sum_{i=1}^{C} y[i] x_i", wrt=["x"])
    f = d.compile()
    y, x = np.array([1.0, -2.0, 3.0]), np.array([0.5, 0.1, -1.0])
    value, grads = f.value_and_grad(x=x, y=y)  # C is the length of x
    np.testing.assert_allclose(value, np.dot(y, x) / 3, rtol=1e-12)
    np.testing.assert_allclose(grads["x"] if isinstance(grads, dict) else grads, y / 3, rtol=1e-12)


def test_a_difference_prints_its_subtrahend_in_brackets_when_it_is_a_sum():
    from symgrad.compile.printer import _ArrayPrinter

    assert _ArrayPrinter("np").doprint(Difference(z, y + sp.Symbol("c"))) == "z - (c + y)"
    assert _ArrayPrinter("np").doprint(2 * Difference(z, y)) == "2*(z - y)"


def test_a_ratio_divides_its_whole_numerator_by_its_whole_denominator():
    from symgrad.compile.printer import _ArrayPrinter

    text = _ArrayPrinter("np").doprint(Ratio(z - y, y + 2) ** 2)
    assert eval(text, {"z": 5.0, "y": 1.0}) == ((5.0 - 1.0) / (1.0 + 2)) ** 2  # never z - y/y + 2


def test_a_difference_inside_a_sum_is_subtracted_first():
    from symgrad.compile.printer import _ArrayPrinter

    assert _ArrayPrinter("np").doprint(sp.Symbol("c") + Difference(z, y)) in ("c + (z - y)", "(z - y) + c")


def test_every_rewrite_in_the_table_is_exercised_and_has_a_reason():
    assert {r.name for r in REWRITES} == {case[0] for case in REWRITE_CASES}
    assert all(r.reason and len(r.name.split()) == 1 for r in REWRITES)


# --- dtypes, NaN, integer labels, batches ---


@pytest.mark.parametrize("name", NAMES)
def test_float32_stays_float32_and_float64_stays_float64(name):
    d, f = entry(name)
    for dtype in (np.float32, np.float64):
        arrays = {k: np.asarray(v, dtype=dtype) for k, v in inputs(d, seed=7).items()}
        value, grads = f.value_and_grad(**arrays)
        assert all(np.asarray(v).dtype == dtype for v in [value, f.loss(**arrays), *grads.values()])


def test_a_square_root_of_a_size_keeps_float32_float32():
    f = symgrad.derive(loss=r"L = \sum_{n=1}^{N} \frac{x_n^2}{\sqrt{N}}", wrt=["x"]).compile()
    x = np.array([1.0, -2.0, 3.0], dtype=np.float32)
    value, grads = f.value_and_grad(x=x)
    assert np.asarray(value).dtype == grads["x"].dtype == np.float32
    np.testing.assert_allclose(grads["x"], 2 * x / np.sqrt(3), rtol=1e-6)


def test_integer_inputs_become_float64_and_integer_labels_keep_float32():
    f = symgrad.compile("seed-ce-logits")
    rng = np.random.default_rng(8)
    x, w, b = rng.integers(-3, 3, (6, 4)), rng.integers(-3, 3, (4, 3)), rng.integers(-3, 3, 3)
    labels = np.array([0, 2, 1, 1, 0, 2])
    value, grads = f.value_and_grad(x=x, w=w, b=b, y=labels)
    assert value.dtype == np.float64 and grads["w"].dtype == np.float64
    want_value, want_grads = f.value_and_grad(x=x * 1.0, w=w * 1.0, b=b * 1.0, y=np.eye(3)[labels])
    assert_close(value, want_value, 1e-15)
    assert_close(grads["w"], want_grads["w"], 1e-15)
    x32, w32, b32 = (v.astype(np.float32) for v in (x, w, b))
    value32, grads32 = f.value_and_grad(x=x32, w=w32, b=b32, y=labels)
    assert value32.dtype == np.float32 and grads32["b"].dtype == np.float32


def test_integer_labels_for_a_batch_of_single_vector_entries():
    f = symgrad.compile("cce-logits")
    z = np.random.default_rng(9).standard_normal((4, 5))
    labels = np.array([4, 0, 2, 2])
    value, grads = f.value_and_grad(z=z, y=labels)
    want_value, want_grads = f.value_and_grad(z=z, y=np.eye(5)[labels])
    assert_close(value, want_value, 1e-15)
    assert_close(grads["z"], want_grads["z"], 1e-15)
    assert_close(f.loss(z=z[1], y=0), want_value[1], 1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_nan_in_gives_nan_out_without_exceptions(name):
    d, f = entry(name)
    arrays = inputs(d, seed=10)
    first = next(n for n in f.inputs if n not in f.spec["labels"])
    arrays[first] = np.array(arrays[first], dtype=np.float64)
    arrays[first].flat[0] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # np.logaddexp(0, nan) says "invalid value"
        value, grads = f.value_and_grad(**arrays)
    assert np.isnan(value).any() or any(np.isnan(g).any() for g in grads.values())


def test_one_over_a_broadcast_scalar_is_divided_by_where_used_so_value_and_grad_gives_the_loss_bit_for_bit():
    f = symgrad.derive(loss=r"L = \frac{\sum_k c_k e^{z_k / \tau}}{\sum_j e^{z_j / \tau}}", wrt=["z", r"\tau"],
                       given=[r"z \in \mathbb{R}^{K}", r"c \in \mathbb{R}^{K}"]).compile()
    assert "= 1/tau" not in f.source  # z * (1/tau) rounds twice: 3x the error of z/tau at logits near 1e4 (float32)
    rng = np.random.default_rng(14)
    arrays = {"z": (rng.standard_normal(3) + 1e4).astype(np.float32), "c": rng.standard_normal(3).astype(np.float32),
              "tau": np.float32(1.4675)}
    assert f.value_and_grad(**arrays)[0] == f.loss(**arrays)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("name", NAMES)
def test_a_non_finite_input_raises_nothing_and_stays_in_its_row_of_a_batch(name, bad):
    d, f = entry(name)
    if not f.spec["batched"]:
        pytest.skip(f"{name} takes matrices: no batch axis")
    rows = [inputs(d, seed=s) for s in (10, 11)]
    arrays = {k: np.stack([np.asarray(r[k]) for r in rows]) for k in rows[0]}
    first = next(n for n in f.inputs if n not in f.spec["labels"])
    arrays[first] = arrays[first].astype(np.float64)
    arrays[first][0].flat[0] = bad
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # inf - inf, 0 * inf: "invalid value"
        value, grads = f.value_and_grad(**arrays)
    clean_value, clean_grads = f.value_and_grad(**{k: v[1] for k, v in arrays.items()})
    assert_close(value[1], clean_value, 1e-15)
    for w, g in grads.items():
        assert g.shape[0] == 2
        assert_close(g[1], clean_grads[w], 1e-15)


def test_softmax_takes_leading_batch_axes_and_gives_one_jacobian_per_row():
    f = symgrad.compile("softmax")
    a = np.random.default_rng(11).standard_normal((2, 3, 4))
    p, grads = f.value_and_grad(a=a)
    assert p.shape == (2, 3, 4) and grads["a"].shape == (2, 3, 4, 4)
    for r in np.ndindex(2, 3):
        row_p, row_grads = f.value_and_grad(a=a[r])
        assert_close(p[r], row_p, 1e-15)
        assert_close(grads["a"][r], row_grads["a"], 1e-15)
        assert_close(row_grads["a"], np.diag(row_p) - np.outer(row_p, row_p), 1e-14)


def test_leading_axes_broadcast_between_inputs():
    f = symgrad.compile("bce-logits")
    z = np.linspace(-3, 3, 6).reshape(2, 3)
    value, grads = f.value_and_grad(z=z, y=np.float64(1.0))
    assert_close(value, _softplus(z) - z, 1e-14)
    assert_close(grads["z"], _sigmoid(z) - 1, 1e-14)


# --- argument checks: every ShapeError says what and where ---

SEED = {"x": np.ones((4, 4)), "w": np.ones((4, 3)), "b": np.ones(3), "y": np.eye(3)[[0, 1, 2, 0]]}
SHAPE_ERRORS = [
    ("seed-ce-logits", {**SEED, "w": np.ones((4, 2))},
     "seed-ce-logits: w has shape (4, 2) but z = b + (x @ w) needs (4, 3): expected [D, C] with D=4 from x, C=3 from b"),
    ("seed-ce-logits", {k: v for k, v in SEED.items() if k != "y"},
     "seed-ce-logits: missing argument 'y', an array of shape [B, C]"),
    ("seed-ce-logits", {**SEED, "q": 1.0}, "seed-ce-logits: unexpected argument 'q'; the arguments are x, w, b, y"),
    ("seed-ce-logits", {**SEED, "b": np.ones((3, 1))}, "seed-ce-logits: b has shape (3, 1) (rank 2) but expected [C] (rank 1)"),
    ("seed-ce-logits", {**SEED, "y": np.ones((4, 3, 1))},
     "seed-ce-logits: y has shape (4, 3, 1) (rank 3) but expected [B, C] (rank 2, or integer class labels [B])"),
    ("seed-ce-logits", {**SEED, "x": np.ones((5, 4))},
     "seed-ce-logits: y has shape (4, 3) but L needs (5, 3): expected [B, C] with B=5 from x, C=3 from w"),
    ("seed-ce-logits", {**SEED, "y": np.array([0, 1, 2])},
     "seed-ce-logits: y (class labels) has shape (3,) but L needs (4,): expected [B] with B=4 from x"),
    ("seed-ce-logits", {**SEED, "y": np.array([0, 1, 2, 3])},
     "seed-ce-logits: y holds class labels outside 0..2 (C=3 from w)"),
    ("seed-ce-logits", {**SEED, "x": np.array([["a"] * 4] * 4)}, "seed-ce-logits: x has dtype <U1; expected real numbers"),
    ("softmax", {"a": 3.0}, "softmax: a has shape () (rank 0) but expected [..., N] (rank 1 or more)"),
    ("cce-logits", {"z": np.ones((2, 5)), "y": np.ones((3, 5))},
     "cce-logits: the leading (batch) axes do not broadcast: z has (2,), y has (3,)"),
    ("cce-logits", {"z": np.ones((2, 5)), "y": np.ones((2, 4))},
     "cce-logits: y has shape (2, 4) but L needs (2, 5): expected [..., N] with N=5 from z"),
]


@pytest.mark.parametrize("name, arrays, message", SHAPE_ERRORS)
def test_bad_arguments_raise_shape_error_naming_argument_shape_and_expectation(name, arrays, message):
    f = entry(name)[1]
    for fn in (f.loss, f.grad, f.value_and_grad):
        with pytest.raises(ShapeError) as err:
            fn(**arrays)
        assert str(err.value) == message
    assert isinstance(err.value, ValueError) and isinstance(err.value, SymgradError)


def test_the_forward_pass_checks_argument_names_too():
    forward = symgrad.compile("seed-ce-logits").loss_fn(np)
    with pytest.raises(ShapeError, match="missing argument 'b'"):
        forward(x=SEED["x"], w=SEED["w"], y=SEED["y"])
    with pytest.raises(ShapeError, match="unexpected argument 'q'"):
        forward(**SEED, q=1)


def test_constructs_without_array_code_raise_compile_error():
    x, L = tensor("x", N), tensor("L")
    partial = Graph((Definition(L, sp.Sum(x[k], (k, 1, 3))),), (x,), "L")
    with pytest.raises(CompileError, match="whole index range"):
        compile_derivation(Derivation("partial", "partial", partial))
    shifted = Graph((Definition(L, sp.Sum(x[k] * x[k + 1], (k, 1, N))),), (x,), "L")
    with pytest.raises(CompileError, match="distinct plain indices"):
        compile_derivation(Derivation("shifted", "shifted", shifted))
