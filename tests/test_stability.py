"""symgrad.compile's stability rewrites on losses spelled the way people write them (in LaTeX, through the engine).

Each spelling is finite at inputs of +-1e3 and +-1e4 in float32 and float64 and equal there to a stable NumPy
reference written by hand; at ordinary inputs the compiled gradients match autograd on a hand-written reference
to 1e-10 (float64).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import autograd
import autograd.numpy as anp
import mpmath
import numpy as np
import pytest
import sympy as sp

import symgrad
from symgrad.compile import Compiled, Sigmoid, stabilise

SCALES = (1e3, -1e3, 1e4, -1e4)
DTYPES = (np.float32, np.float64)


@functools.cache
def compiled(loss: str, wrt: tuple[str, ...], given: tuple[str, ...] = (), define: tuple[str, ...] = ()) -> Compiled:
    return symgrad.derive(loss=loss, wrt=list(wrt), given=list(given), define=list(define)).compile()


def quiet(fn: Callable[..., Any], **arrays: Any) -> Any:
    """Call ``fn`` with NumPy's overflow, divide and invalid warnings turned into errors."""
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
        warnings.simplefilter("error")
        return fn(**arrays)


def assert_close(got: Any, want: Any, rtol: float, floor: float = 0.0) -> None:
    """Within ``rtol`` relative to the size of the whole array (zero entries are judged at that scale);
    differences below ``floor`` are underflow (float32 cannot hold 1e-218)."""
    want = np.asarray(want, dtype=np.float64)
    got = np.asarray(got, dtype=np.float64)
    assert got.shape == want.shape
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    np.testing.assert_allclose(got, want, rtol=rtol, atol=max(rtol * scale, floor))


def assert_stable(f: Compiled, arrays: dict[str, np.ndarray], reference: Callable[..., tuple[Any, dict]],
                  dtype: type) -> None:
    """Value and gradients of ``f`` in ``dtype``: finite, no NumPy warning, equal to ``reference`` (float64)."""
    arrays = {k: np.asarray(v, dtype=dtype) for k, v in arrays.items()}
    value, grads = quiet(f.value_and_grad, **arrays)
    want_value, want_grads = reference(**{k: v.astype(np.float64) for k, v in arrays.items()})
    assert set(grads) == set(want_grads)
    rtol = 1e-5 if dtype == np.float32 else 1e-12
    for got, want in [(value, want_value)] + [(grads[k], want_grads[k]) for k in want_grads]:
        assert np.asarray(got).dtype == dtype and np.all(np.isfinite(got))
        assert_close(got, want, rtol, floor=np.finfo(dtype).tiny * 1e8)


def assert_autograd(f: Compiled, arrays: dict[str, np.ndarray], reference: Callable[..., Any]) -> None:
    """Value and gradients of ``f`` at float64 ``arrays`` against autograd on the hand-written ``reference``."""
    value, grads = quiet(f.value_and_grad, **arrays)
    assert_close(value, reference(**arrays), 1e-10)
    for w, g in grads.items():
        assert_close(g, autograd.grad(lambda v, w=w: reference(**{**arrays, w: v}))(arrays[w]), 1e-10)


def spread(scale: float, n: int) -> np.ndarray:
    """``n`` values of about ``scale`` with alternating signs, magnitudes from 1 down to 0.5 times it."""
    return scale * np.where(np.arange(n) % 2 == 0, 1.0, -1.0) * np.linspace(1.0, 0.5, n)


def np_softplus(u: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, u)


def np_sigmoid(u: np.ndarray) -> np.ndarray:
    return np.exp(-np.logaddexp(0.0, -u))


# --- softplus: log(1 + exp(u)) is logaddexp(0, u) ---

Z_K = (r"z \in \mathbb{R}^{K}",)
SOFTPLUS = {  # spelling -> sign of u in log(1 + exp(u))
    r"L = \sum_k \log(1 + e^{z_k})": 1.0,
    r"L = \sum_k \log(e^{z_k} + 1)": 1.0,
    r"L = \sum_k \log(1 + \exp(-z_k))": -1.0,
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("loss", sorted(SOFTPLUS))
def test_softplus_spellings_are_logaddexp_and_finite_at_extremes(loss, scale, dtype):
    f = compiled(loss, ("z",), Z_K)
    assert "softplus" in f.rewrites and "np.log(" not in f.source
    s = SOFTPLUS[loss]
    z = np.append(spread(scale, 5), 0.0)
    assert_stable(f, {"z": z}, lambda z: (np_softplus(s * z).sum(), {"z": s * np_sigmoid(s * z)}), dtype)


@pytest.mark.parametrize("loss", sorted(SOFTPLUS))
def test_softplus_spellings_agree_with_autograd(loss):
    s = SOFTPLUS[loss]
    z = np.random.default_rng(0).standard_normal(6) * 3
    assert_autograd(compiled(loss, ("z",), Z_K), {"z": z}, lambda z: anp.sum(anp.log1p(anp.exp(s * z))))


# --- losses whose gradients the engine writes in exp(u), not in sigma(u) ---


def x_and_y(n: int = 6) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(3)
    return {"x": rng.standard_normal(n), "y": rng.integers(0, 2, n).astype(np.float64)}


@dataclass(frozen=True)
class Case:
    """A LaTeX loss; ``arrays(scale)`` its inputs with the variables about +-scale (1: ordinary); ``stable`` a
    hand-written stable NumPy (value, gradients); ``reference`` an autograd.numpy value for the ordinary check."""

    loss: str
    wrt: tuple[str, ...]
    arrays: Callable[[float], dict[str, np.ndarray]]
    stable: Callable[..., tuple[Any, dict[str, Any]]]
    reference: Callable[..., Any]
    rewrites: tuple[str, ...]
    given: tuple[str, ...] = ()
    define: tuple[str, ...] = ()

    def compiled(self) -> Compiled:
        return compiled(self.loss, self.wrt, self.given, self.define)


def _logistic(x, y, w, b):
    u = x * w + b
    return np.mean(np_softplus(u) - y * u), {"w": np.mean((np_sigmoid(u) - y) * x), "b": np.mean(np_sigmoid(u) - y)}


def _sigmoid_squared(x, y, w):
    s, r = np_sigmoid(x * w), np_sigmoid(-x * w)  # y - s = y r - (1 - y) s: no cancellation where s ~ 1
    return np.sum((y - s) ** 2), {"w": -2 * np.sum((y * r - (1 - y) * s) * s * r * x)}


def _split_softplus(x, w, b):
    u = x * w + b
    return np.sum(np_softplus(u)), {"w": np.sum(np_sigmoid(u) * x), "b": np.sum(np_sigmoid(u))}


SIGMA = {
    "logistic-per-sample": Case(
        r"L = -\frac{1}{N}\sum_n \left(y_n \log \sigma(x_n w + b) + (1 - y_n)\log(1 - \sigma(x_n w + b))\right)",
        ("w", "b"), lambda s: {**x_and_y(), "w": np.float64(s), "b": np.float64(0.3)}, _logistic,
        lambda x, y, w, b: anp.mean(anp.logaddexp(0.0, x * w + b) - y * (x * w + b)),
        ("exp-product", "logistic-fraction")),
    "sigmoid-squared-error": Case(
        r"L = \sum_n (y_n - \sigma(x_n w))^2", ("w",), lambda s: {**x_and_y(), "w": np.float64(s)}, _sigmoid_squared,
        lambda x, y, w: anp.sum((y - 1 / (1 + anp.exp(-x * w))) ** 2), ("logistic-fraction",)),
    "sigmoid-derivative-spelled-out": Case(
        r"L = \sum_k \frac{1}{1 + e^{-z_k}}", ("z",), lambda s: {"z": spread(s, 6) if s != 1 else x_and_y()["x"]},
        lambda z: (np.sum(np_sigmoid(z)), {"z": np_sigmoid(z) * np_sigmoid(-z)}),
        lambda z: anp.sum(1 / (1 + anp.exp(-z))), ("logistic-fraction",), Z_K),
    "softplus-of-split-exponentials": Case(
        r"L = \sum_n \log(1 + e^{b} e^{x_n w})", ("w", "b"),
        lambda s: {"x": x_and_y()["x"], "w": np.float64(s), "b": np.float64(-0.7)}, _split_softplus,
        lambda x, w, b: anp.sum(anp.log1p(anp.exp(b) * anp.exp(x * w))), ("exp-product", "exp-into-sum", "softplus")),
}


# --- ratios of sums of exp over one index: softmax-weighted sums, with the max subtracted ---


def np_softmax(u: np.ndarray) -> np.ndarray:
    e = np.exp(u - u.max())
    return e / e.sum()


def np_logsumexp(u: np.ndarray) -> np.ndarray:
    return u.max() + np.log(np.exp(u - u.max()).sum())


def _temperature(z, y, tau):
    p = np_softmax(z / tau)
    return (-np.sum(y * (z / tau - np_logsumexp(z / tau))),
            {"z": (p - y) / tau, "tau": (np.sum(y * z) - np.sum(p * z)) / tau**2})


def _expected_logit(z):
    p = np_softmax(z)
    return p @ z, {"z": p * (1 + z - p @ z)}


def _weighted(z, c, tau):
    """In 400-digit mpmath: at logits of 1e3 dL/dtau is 6.7e-82, a covariance of terms of size 1e3 (float64 gives 0)."""
    with mpmath.workdps(400):
        z, c, tau = [mpmath.mpf(float(v)) for v in z], [mpmath.mpf(float(v)) for v in c], mpmath.mpf(float(tau))
        e = [mpmath.exp((v - max(z)) / tau) for v in z]
        p = [v / mpmath.fsum(e) for v in e]
        mean = mpmath.fsum(a * b for a, b in zip(p, c))
        cov = mpmath.fsum(a * (b - mean) * v for a, b, v in zip(p, c, z))
        return float(mean), {"z": np.array([float(a * (b - mean) / tau) for a, b in zip(p, c)]),
                             "tau": float(-cov / tau**2)}


def one_hot_off_the_max(n: int = 5) -> np.ndarray:
    return np.eye(n)[2]  # spread() puts the max at 0 or 1: the loss and dL/dtau stay far from 0


def anp_logsumexp(u: Any) -> Any:
    return anp.max(u) + anp.log(anp.sum(anp.exp(u - anp.max(u))))


SOFTMAX = {
    "temperature-cross-entropy": Case(
        r"L = -\sum_k y_k \log \mathrm{softmax}(z / \tau)_k", ("z", r"\tau"),
        lambda s: {"z": spread(s, 5), "y": one_hot_off_the_max(), "tau": np.float64(0.7)}, _temperature,
        lambda z, y, tau: -anp.sum(y * (z / tau - anp_logsumexp(z / tau))), ("softmax", "log-softmax"),
        (r"z \in \mathbb{R}^{K}", r"y \in \mathbb{R}^{K}", r"\sum_k y_k = 1")),
    "expected-logit": Case(
        r"L = \frac{\sum_k z_k e^{z_k}}{\sum_k e^{z_k}}", ("z",), lambda s: {"z": spread(s, 5)}, _expected_logit,
        lambda z: anp.sum(z * anp.exp(z)) / anp.sum(anp.exp(z)), ("exp-into-sum", "softmax"), Z_K),
    "weighted-tempered-softmax": Case(
        r"L = \frac{\sum_k c_k e^{z_k / \tau}}{\sum_j e^{z_j / \tau}}", ("z", r"\tau"),
        lambda s: {"z": spread(s, 5), "c": np.array([0.5, -1.0, 2.0, 0.25, 3.0]), "tau": np.float64(1.3)}, _weighted,
        lambda z, c, tau: anp.sum(c * anp.exp(z / tau)) / anp.sum(anp.exp(z / tau)),
        ("exp-into-sum", "softmax", "refine-mean"),
        (r"z \in \mathbb{R}^{K}", r"c \in \mathbb{R}^{K}")),
}


# --- logs of products and quotients with a factor positive by construction ---

Q = np.array([0.1, 0.2, 0.3, 0.15, 0.25])
C = np.array([0.5, 1.5, 2.0, 0.75, 1.25, 3.0])


def _kl(z, q):
    return np.sum(q * (np.log(q) - z + np_logsumexp(z))), {"z": np_softmax(z) * q.sum() - q}


def _log_sigmoid_ratio(x, c, w):
    return np.sum(-np_softplus(-x * w) - np.log(c)), {"w": np.sum(x * np_sigmoid(-x * w))}


LOGS = {
    "kl-to-softmax": Case(
        r"L = \sum_k q_k \log \frac{q_k}{p_k}", ("z",), lambda s: {"z": spread(s, 5), "q": Q}, _kl,
        lambda z, q: anp.sum(q * anp.log(q / (anp.exp(z) / anp.sum(anp.exp(z))))), ("log-split", "log-softmax"),
        (r"z \in \mathbb{R}^{K}", r"q \in \mathbb{R}^{K}"), (r"p = \mathrm{softmax}(z)",)),
    "log-sigmoid-ratio": Case(
        r"L = \sum_n \log \frac{\sigma(x_n w)}{c_n}", ("w",), lambda s: {"x": x_and_y()["x"], "c": C, "w": np.float64(s)},
        _log_sigmoid_ratio, lambda x, c, w: anp.sum(anp.log(1 / (1 + anp.exp(-x * w)) / c)), ("log-split", "log-sigmoid")),
}
CASES = {**SIGMA, **SOFTMAX, **LOGS}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("case_id", sorted(CASES))
def test_spelling_is_finite_and_equal_to_a_stable_reference_at_extremes(case_id, scale, dtype):
    case = CASES[case_id]
    f = case.compiled()
    assert set(case.rewrites) <= set(f.rewrites)
    assert_stable(f, case.arrays(scale), case.stable, dtype)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_spelling_agrees_with_autograd_at_ordinary_inputs(case_id):
    case = CASES[case_id]
    assert_autograd(case.compiled(), case.arrays(1.0), case.reference)


# --- tanh, sinh, cosh, arctan in the forward pass that symgrad.check differentiates ---

ELEMENTARY = {
    "two-layer-tanh": (r"L = \sum_n (y_n - \sum_h v_h \tanh(\sum_d W_{hd} x_{nd}))^2", ("W", "v"),
                       (r"x \in \mathbb{R}^{N \times D}", r"W \in \mathbb{R}^{H \times D}", r"v \in \mathbb{R}^{H}",
                        r"y \in \mathbb{R}^{N}")),
    "arctan-regression": (r"L = \sum_n (y_n - \arctan(x_n w))^2", ("w",), ()),
    "cosh-minus-sinh": (r"L = \sum_n (\cosh(x_n w) - \sinh(x_n w))", ("w",), ()),
}


def installed(backend: str) -> Any:
    package = {"torch": "torch", "jax": "jax", "tensorflow": "tensorflow"}.get(backend)
    required = os.environ.get("SYMGRAD_REQUIRE_BACKENDS") == "1"  # then a missing backend fails, not skips
    return pytest.mark.skipif(not required and package is not None and importlib.util.find_spec(package) is None,
                              reason=f"{package} is not installed")


@pytest.mark.parametrize("backend", [pytest.param(b, marks=installed(b))
                                     for b in ("autograd", "torch", "jax", "tensorflow", "fd")])
@pytest.mark.parametrize("case_id", sorted(ELEMENTARY))
def test_forward_pass_with_hyperbolic_and_arctan_passes_check_on_every_backend(case_id, backend):
    loss, wrt, given = ELEMENTARY[case_id]
    d = symgrad.derive(loss=loss, wrt=list(wrt), given=list(given))
    report = symgrad.check(d, backend=backend, seed=0, compiled=compiled(loss, wrt, given))
    assert report.ok, str(report)


def test_tanh_network_forward_pass_equals_a_hand_written_one_in_autograd():
    loss, wrt, given = ELEMENTARY["two-layer-tanh"]
    rng = np.random.default_rng(4)
    x, W, v, y = rng.standard_normal((5, 3)), rng.standard_normal((4, 3)), rng.standard_normal(4), rng.standard_normal(5)
    f = compiled(loss, wrt, given)
    assert "xp.tanh(" in f.forward_source and "@" not in f.forward_source  # TensorFlow's @ takes no vectors
    forward = f.loss_fn(anp)
    want = np.sum((y - np.tanh(x @ W.T) @ v) ** 2)
    assert_close(forward(x=x, W=W, v=v, y=y), want, 1e-13)
    grad = autograd.grad(lambda W: forward(x=x, W=W, v=v, y=y))(W)
    assert_close(grad, -2 * (((y - np.tanh(x @ W.T) @ v)[:, None] * (1 - np.tanh(x @ W.T) ** 2) * v).T @ x), 1e-12)


# --- the rules themselves: what logistic-fraction and log-split rewrite, and what they leave alone ---

u, c = sp.symbols("u c", real=True)
E = sp.exp(u)


@pytest.mark.parametrize("expr", [E / (1 + E) ** 2, (c * E**2 - E + 3) / (1 + E) ** 2, E**3 / (1 + E) ** 3,
                                  sp.exp(u + 1) / (sp.exp(1) * (1 + E) ** 2)])
def test_bounded_fractions_of_exp_u_become_products_of_sigmoids(expr):
    fired: list[str] = []
    got = stabilise(expr, {}, fired)
    assert "logistic-fraction" in fired and not got.has(sp.exp(u))
    for x in (-30.0, -1.0, 0.0, 0.5, 30.0):
        at = {u: x, c: 0.25}
        assert float(lower_stable(got).subs(at)) == pytest.approx(float(expr.subs(at)), rel=1e-12)


@pytest.mark.parametrize("expr", [E**2 / (1 + E), sp.exp(-u) / (1 + E) ** 2, E / sp.sqrt(1 + E), E / (1 + E) ** c])
def test_fractions_of_exp_u_that_grow_without_bound_are_left_to_the_other_rules(expr):
    fired: list[str] = []
    stabilise(expr, {}, fired)
    assert "logistic-fraction" not in fired


def test_log_split_leaves_a_log_of_two_factors_of_unknown_sign_whole():
    fired: list[str] = []
    assert stabilise(sp.log(u * c), {}, fired) == sp.log(u * c) and "log-split" not in fired
    got = stabilise(sp.log(-u * c * sp.exp(u)), {}, fired)
    assert "log-split" in fired and sp.expand(got - (u + sp.log(-u * c))) == 0


def lower_stable(e: sp.Expr) -> sp.Expr:
    """``e`` with the stable nodes written back as SymPy (to evaluate the rewritten form)."""
    return e.replace(Sigmoid, lambda v: 1 / (1 + sp.exp(-v)))


# --- compiled code keeps the structure of the definitions (issue 10): residuals, x-hat, named factors ---
# The reference is autograd on a hand-written loss in longdouble (x86: 64-bit mantissa), an independent truth;
# the contract is that the compiled float64 gradient is within 10x of autograd's own float64 error.


def relative_errors(f: Compiled, reference: Callable[..., Any], arrays: dict[str, np.ndarray],
                    wrt: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    """Per gradient: (compiled error, autograd float64 error), relative to the largest longdouble entry."""
    names = list(arrays)
    grads = f.grad(**arrays)
    out = {}
    for w in wrt:
        at = names.index(w)
        truth = autograd.grad(reference, at)(*[v.astype(np.longdouble) for v in arrays.values()])
        ours = autograd.grad(reference, at)(*arrays.values())
        scale = float(np.max(np.abs(truth)))
        out[w] = tuple(float(np.max(np.abs(np.asarray(g, dtype=np.longdouble) - truth))) / scale
                       for g in (grads[w], ours))
    return out


def assert_as_precise_as_autograd(errors: dict[str, tuple[float, float]]) -> None:
    for w, (ours, theirs) in errors.items():
        assert ours <= 10 * theirs + 1e-15, f"d/d{w}: compiled error {ours:.2e}, autograd {theirs:.2e}"


CHARBONNIER = r"L = \sum_{n=1}^{N} \sqrt{(\hat{y}_n - y_n)^2 + \epsilon^2}"


@pytest.mark.parametrize("offset", [0.0, 1e4, 1e6])
def test_charbonnier_gradient_keeps_the_residual_and_is_exact_at_targets_near_1e6(offset):
    f = compiled(CHARBONNIER, ("w", "b"), define=(r"\hat{y}_n = x_n w + b",))
    assert "centre" in f.rewrites and "yhat**2" not in f.source and "y**2" not in f.source
    rng = np.random.default_rng(3)
    arrays = {"x": rng.standard_normal(6), "w": np.float64(1.5), "b": np.float64(offset),
              "y": rng.standard_normal(6) + offset, "epsilon": np.float64(0.1)}

    def reference(x, w, b, y, epsilon):
        return anp.sum(anp.sqrt((x * w + b - y) ** 2 + epsilon**2))

    assert_as_precise_as_autograd(relative_errors(f, reference, arrays, ("w", "b")))


def test_swish_gradient_at_x_zero_is_g_over_two_not_zero_over_zero():
    f = compiled(r"L = \sum_n g_n s_n", ("x", r"\beta"), define=(r"s_n = x_n \sigma(\beta x_n)",))
    assert "cancel-named-factor" in f.rewrites
    x, g = np.array([0.0, -0.0, 1e-300, 2.0, -3.0]), np.array([1.0, 2.0, 1.0, 0.5, 1.5])
    grads = quiet(f.grad, x=x, g=g, beta=np.float64(1.7))

    def reference(x, g, beta):
        return anp.sum(g * x / (1 + anp.exp(-beta * x)))

    assert_close(grads["x"], autograd.grad(reference)(x, g, 1.7), 1e-14)
    assert grads["x"][0] == 0.5 and grads["x"][1] == 1.0


ELBO = (r"L = -\sum_d \left(x_d \log \hat{x}_d + (1 - x_d) \log(1 - \hat{x}_d)\right)"
        r" + \frac{1}{2}\sum_k \left(v_k + \mu_k^2 - 1 - \log v_k\right)")
ELBO_DECODERS = [r"\hat{x}_d = \sigma(t_d)", r"\hat{x}_d = \frac{1}{1 + \exp(-t_d)}",
                 r"\hat{x}_d = \frac{\exp(t_d)}{1 + \exp(t_d)}"]


@pytest.mark.parametrize("decoder", ELBO_DECODERS)
def test_negative_elbo_with_a_sigmoid_decoder_has_finite_gradients_past_logits_of_709(decoder):
    f = compiled(ELBO, (r"\mu", "v", "W", "c"), define=(r"z_k = \mu_k + \sqrt{v_k} \xi_k",
                                                       r"t_d = \sum_k W_{dk} z_k + c_d", decoder),
                 given=(r"x \in \mathbb{R}^{D}", r"W \in \mathbb{R}^{D \times K}", r"\mu \in \mathbb{R}^{K}"))
    rng = np.random.default_rng(11)
    arrays = {"mu": rng.standard_normal(3), "v": rng.uniform(0.5, 2.0, 3), "W": rng.standard_normal((5, 3)) * 1e3,
              "c": rng.standard_normal(5), "x": rng.integers(0, 2, 5) * 1.0, "xi": rng.standard_normal(3)}

    def reference(mu, v, W, c, x, xi):
        t = W @ (mu + anp.sqrt(v) * xi) + c
        return anp.sum(x * anp.logaddexp(0.0, -t) + (1 - x) * anp.logaddexp(0.0, t)) + 0.5 * anp.sum(
            v + mu**2 - 1 - anp.log(v))

    grads = quiet(f.grad, **arrays)
    for at, w in enumerate(("mu", "v", "W", "c")):
        assert_close(grads[w], autograd.grad(reference, at)(*arrays.values()), 1e-12)


NORM_DEFINITIONS = (r"\mu = \frac{1}{D}\sum_{d=1}^{D} x_d", r"v = \frac{1}{D}\sum_{d=1}^{D} (x_d - \mu)^2",
                    r"\hat{x}_d = \frac{x_d - \mu}{\sqrt{v + \epsilon}}")


@pytest.mark.parametrize("offset", [0.0, 1e4, 1e6])
def test_layernorm_gradient_works_from_the_centred_x_hat_and_is_as_precise_as_autograd(offset):
    f = compiled(r"L = \sum_d g_d (\gamma_d \hat{x}_d + \beta_d)", ("x", r"\gamma"), define=NORM_DEFINITIONS,
                 given=(r"x \in \mathbb{R}^{D}", r"g \in \mathbb{R}^{D}"))
    rng = np.random.default_rng(5)
    arrays = {"x": rng.standard_normal(8) + offset, "g": rng.standard_normal(8), "gamma": rng.standard_normal(8),
              "beta": rng.standard_normal(8), "epsilon": np.float64(1e-3)}

    def reference(x, g, gamma, beta, epsilon):
        mu = anp.mean(x)
        v = anp.mean((x - mu) ** 2)
        return anp.sum(g * (gamma * (x - mu) / anp.sqrt(v + epsilon) + beta))

    assert_as_precise_as_autograd(relative_errors(f, reference, arrays, ("x", "gamma")))


@pytest.mark.parametrize("offset", [0.0, 1e6])
def test_batchnorm_over_a_batch_is_as_precise_as_autograd_at_inputs_offset_by_1e6(offset):
    f = compiled(r"L = \sum_b \sum_c G_{bc} \hat{X}_{bc}", ("X",),
                 define=(r"\mu_c = \frac{1}{B}\sum_{b=1}^{B} X_{bc}",
                         r"v_c = \frac{1}{B}\sum_{b=1}^{B} (X_{bc} - \mu_c)^2",
                         r"\hat{X}_{bc} = \frac{X_{bc} - \mu_c}{\sqrt{v_c + \epsilon}}"),
                 given=(r"X \in \mathbb{R}^{B \times C}", r"G \in \mathbb{R}^{B \times C}"))
    rng = np.random.default_rng(6)
    arrays = {"X": rng.standard_normal((7, 3)) + offset, "G": rng.standard_normal((7, 3)), "epsilon": np.float64(1e-3)}

    def reference(X, G, epsilon):
        mu = anp.mean(X, axis=0)
        v = anp.mean((X - mu) ** 2, axis=0)
        return anp.sum(G * (X - mu) / anp.sqrt(v + epsilon))

    assert_as_precise_as_autograd(relative_errors(f, reference, arrays, ("X",)))


@pytest.mark.parametrize("offset", [0.0, 1e6])
def test_triplet_loss_on_norms_keeps_both_differences_apart(offset):
    f = compiled(r"L = \max\left(\|a - p\| - \|a - n\| + m, 0\right)", ("a", "p", "n"),
                 given=(r"a \in \mathbb{R}^{D}", r"p \in \mathbb{R}^{D}", r"n \in \mathbb{R}^{D}"))
    rng = np.random.default_rng(8)
    arrays = {"a": rng.standard_normal(5) + offset, "p": rng.standard_normal(5) + offset,
              "n": rng.standard_normal(5) * 3 + offset, "m": np.float64(4.0)}

    def reference(a, p, n, m):
        return anp.maximum(anp.sqrt(anp.sum((a - p) ** 2)) - anp.sqrt(anp.sum((a - n) ** 2)) + m, 0.0)

    assert reference(**arrays) > 0  # the hinge is active: the gradient is not 0
    assert_as_precise_as_autograd(relative_errors(f, reference, arrays, ("a", "p", "n")))


# --- a difference summed over an index the other side lacks: sum_n sum_k (x_n - y_k)^2 ---

PAIRWISE = (r"x \in \mathbb{R}^{N}", r"y \in \mathbb{R}^{K}")


def pairwise_truth(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """dL/dx_i = 2 sum_k (x_i - y_k), dL/dy_j = 2 sum_n (y_j - x_n), by hand, in 50-digit mpmath."""
    with mpmath.workdps(50):
        xs, ys = [mpmath.mpf(float(v)) for v in x], [mpmath.mpf(float(v)) for v in y]
        gx = [float(2 * mpmath.fsum(a - b for b in ys)) for a in xs]
        gy = [float(2 * mpmath.fsum(b - a for a in xs)) for b in ys]
    return np.array(gx), np.array(gy)


@pytest.mark.parametrize("offset", [0.0, 1e4, 1e8])
def test_pairwise_squared_difference_gradient_sums_the_differences_at_offsets_of_1e8(offset):
    f = compiled(r"L = \sum_n \sum_k (x_n - y_k)^2", ("x", "y"), PAIRWISE)
    assert "spread" in f.rewrites
    rng = np.random.default_rng(12)
    x, y = rng.standard_normal(5) + offset, rng.standard_normal(7) + offset
    grads = quiet(f.grad, x=x, y=y)
    for got, want in zip((grads["x"], grads["y"]), pairwise_truth(x, y)):
        assert_close(got, want, 1e-12)  # 2 K x - 2 sum y: error 1e-8 relative at offsets of 1e8 (catastrophic)


def test_weighted_pairwise_gradient_keeps_the_differences_under_the_weights():
    f = compiled(r"L = \sum_n \sum_k w_k (x_n - y_k)^2", ("x",), (*PAIRWISE, r"w \in \mathbb{R}^{K}"))
    assert "spread" in f.rewrites
    rng = np.random.default_rng(13)
    x, y, w = rng.standard_normal(4) + 1e8, rng.standard_normal(6) + 1e8, rng.uniform(0.5, 2.0, 6)
    with mpmath.workdps(50):
        want = np.array([float(2 * mpmath.fsum(mpmath.mpf(float(c)) * (mpmath.mpf(float(a)) - mpmath.mpf(float(b)))
                                               for b, c in zip(y, w))) for a in x])
    assert_close(quiet(f.grad, x=x, y=y, w=w)["x"], want, 1e-12)


@pytest.mark.parametrize(("dtype", "tiny"), [(np.float64, 1e-310), (np.float32, 1e-40)])
def test_a_norm_of_denormal_residuals_is_scaled_first_and_its_gradient_is_finite(dtype, tiny):
    f = symgrad.compile("mse-linear-norm")  # L = sqrt(sum_n (x_n w + b - y_n)^2)
    assert "norm" in f.rewrites
    rng = np.random.default_rng(15)
    x, y = rng.standard_normal(4).astype(dtype), (rng.standard_normal(4) * tiny).astype(dtype)
    value, grads = quiet(f.value_and_grad, x=x, y=y, w=dtype(0), b=dtype(0))
    with mpmath.workdps(50):  # L = ||y||, dL/dw = -x.y/||y||, dL/db = -sum(y)/||y||, by hand
        ys, xs = [mpmath.mpf(float(v)) for v in y], [mpmath.mpf(float(v)) for v in x]
        norm = mpmath.sqrt(mpmath.fsum(v**2 for v in ys))
        want = [norm, -mpmath.fsum(a * b for a, b in zip(xs, ys)) / norm, -mpmath.fsum(ys) / norm]
    rtol = 1e-12 if dtype == np.float64 else 1e-4  # the residuals are denormals: about 13 (3) digits held
    for got, truth in zip((value, grads["w"], grads["b"]), want):
        assert np.isfinite(got) and got == pytest.approx(float(truth), rel=rtol)

