"""Second derivatives: Hessians (``symgrad derive --hessian``) and Hessian-vector products (``--hvp``).

The cross-entropy Hessian by the logits is ``diag(p) - p p^T``, the softmax Jacobian, and the derivation says
so; compiled Hessians match ``autograd.hessian`` at three random float64 points to 1e-9 for smooth losses;
compiled HVPs match ``H @ v`` and, for cross-entropy, never build the N x N Hessian.
"""

from __future__ import annotations

import functools
import time
import tracemalloc

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

import symgrad
import symgrad.cli
from symgrad.check import draw_inputs, resolve_sizes
from symgrad.compile import Compiled
from symgrad.derivation import Derivation
from symgrad.graph import hessian, hvp
from symgrad.loss import python_name

SEEDS = (0, 1, 2)
RTOL = 1e-9
LINEAR = (r"X \in \mathbb{R}^{N \times D}", r"w \in \mathbb{R}^{D}", r"y \in \mathbb{R}^{N}")

# smooth losses: (catalog name or LaTeX loss, keyword arguments of derive, variable)
SMOOTH = {
    "cce-logits/z": ("cce-logits", {}, "z"),
    "bce-logits/z": ("bce-logits", {}, "z"),
    "logsumexp/z": ("logsumexp", {}, "z"),
    "label-smoothing-ce/z": ("label-smoothing-ce", {}, "z"),
    "poisson-nll/z": ("poisson-nll", {}, "z"),
    "gaussian-nll/mu": ("gaussian-nll", {}, "mu"),
    "gaussian-nll/v": ("gaussian-nll", {}, "v"),
    "mse-linear/w": ("mse-linear", {}, "w"),
    "seed-ce-logits/b": ("seed-ce-logits", {}, "b"),
    "seed-ce-logits/w": ("seed-ce-logits", {}, "w"),
    "cosine-similarity/x": ("cosine-similarity", {}, "x"),
    "ridge/w": (r"L = \|Xw - y\|^2 + \lambda \|w\|^2", {"given": LINEAR}, "w"),
    "ridge/lambda": (r"L = \|Xw - y\|^2 + \lambda \|w\|^2", {"given": LINEAR}, r"\lambda"),
    "quadratic-form/w": (r"L = \frac{1}{2} w^T A w - c^T w",
                         {"given": (r"A \in \mathbb{R}^{D \times D}", r"w \in \mathbb{R}^{D}", r"c \in \mathbb{R}^{D}")},
                         "w"),
    "logistic/w": (r"L = \mathbf{1}^T \log(1 + \exp(-y \odot (Xw)))", {"given": LINEAR}, "w"),
    "log-cosh-regression/w": (r"L = \frac{1}{N}\sum_{n=1}^{N} \log\cosh(\hat y_n - y_n)",
                              {"define": (r"\hat y_n = x_n w + b",)}, "w"),
    "softmax-ce-named/z": (r"L = -\sum_k y_k \log p_k", {"define": (r"p = \mathrm{softmax}(z)",),
                                                        "given": (r"z \in \mathbb{R}^{K}", r"y \in \mathbb{R}^{K}")},
                           "z"),
}


@functools.cache
def first(key: str) -> Derivation:
    source, kwargs, wrt = SMOOTH[key]
    if source in symgrad.names():
        return symgrad.derive(source)
    return symgrad.derive(loss=source, wrt=[wrt], **{k: list(v) for k, v in kwargs.items()})


def wrt_name(key: str) -> str:
    """The variable as the derivation names it (``\\lambda`` is ``lambda``)."""
    d, wrt = first(key), SMOOTH[key][2]
    return next(r.wrt for r in d.results if python_name(r.wrt) == python_name(wrt))


@functools.cache
def compiled(key: str, kind: str) -> tuple[Derivation, Compiled]:
    d = (hessian if kind == "hessian" else hvp)(first(key), wrt_name(key))
    return d, d.compile()


def inputs(d: Derivation, seed: int) -> dict[str, np.ndarray]:
    arrays = {python_name(k): v for k, v in draw_inputs(d.graph, resolve_sizes(d.graph), seed).items()}
    return arrays


def assert_close(got, want, rtol: float = RTOL) -> None:
    want = np.asarray(want, dtype=np.float64)
    assert np.shape(got) == want.shape
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    np.testing.assert_allclose(np.asarray(got, dtype=np.float64), want, rtol=rtol, atol=rtol * scale)


def autograd_hessian(key: str, arrays: dict[str, np.ndarray]) -> np.ndarray:
    """autograd.hessian of the first derivation's compiled forward pass (no symbolic derivative involved)."""
    forward = first(key).compile().loss_fn(anp)
    w = python_name(wrt_name(key))
    return autograd.hessian(lambda v: forward(**{**arrays, w: v}))(arrays[w])


# --- the cross-entropy Hessian is the softmax Jacobian ---


def test_cross_entropy_hessian_by_logits_is_diag_p_minus_p_p_transpose_and_says_it_is_the_softmax_jacobian():
    h = hessian(symgrad.derive("cce-logits"), "z")
    r = h.result("z")
    (j,), (k,) = r.of.indices, r.var.indices
    p = next(b for b in r.expr.atoms(sp.IndexedBase) if str(b.label) == "p")
    assert sp.expand(r.expr - p[j] * (sp.KroneckerDelta(j, k) - p[k])) == 0
    assert any("equals the Jacobian ∂p/∂z" in n for n in h.notes)
    z = np.random.default_rng(1).standard_normal(6)
    P = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    H = h.compile().grad(z=z, y=np.eye(6)[2])["z"]
    assert_close(H, np.diag(P) - np.outer(P, P), 1e-13)


def test_cli_derive_hessian_prints_both_derivations_and_the_jacobian_remark(capsys):
    assert symgrad.cli.main(["derive", "cce-logits", "--hessian"]) == 0
    out = capsys.readouterr().out
    assert "second derivatives by z" in out and "equals the Jacobian ∂p/∂z" in out


def test_cli_derive_hessian_of_a_user_loss(capsys):
    code = symgrad.cli.main(["derive", "--loss", r"L = \|Xw - y\|^2 + \lambda \|w\|^2",
                             *[a for g in LINEAR for a in ("--given", g)], "--wrt", "w", "--hessian", "--format", "md"])
    assert code == 0
    assert "second derivatives by w" in capsys.readouterr().out


def test_ridge_hessian_is_two_x_transpose_x_plus_two_lambda_identity():
    f = compiled("ridge/w", "hessian")[1]
    rng = np.random.default_rng(3)
    X, w, y = rng.standard_normal((7, 4)), rng.standard_normal(4), rng.standard_normal(7)
    H = f.grad(X=X, w=w, y=y, lambda_=np.float64(0.5))["w"]
    assert_close(H, 2 * X.T @ X + np.eye(4), 1e-13)


# --- compiled Hessians against autograd.hessian ---


@pytest.mark.parametrize("key", sorted(SMOOTH))
def test_compiled_hessian_matches_autograd_hessian_at_three_points(key):
    f = compiled(key, "hessian")[1]
    w = python_name(wrt_name(key))
    for seed in SEEDS:
        arrays = inputs(first(key), seed)
        assert_close(f.grad(**arrays)[w], autograd_hessian(key, arrays))


@pytest.mark.parametrize("key", sorted(SMOOTH))
def test_compiled_hvp_matches_hessian_times_v_at_three_points(key):
    d, f = compiled(key, "hvp")
    w = python_name(wrt_name(key))
    v_name = next(python_name(str(t)) for t in d.graph.inputs if str(t) not in {str(u) for u in first(key).graph.inputs})
    for seed in SEEDS:
        arrays = inputs(first(key), seed)
        v = np.random.default_rng(100 + seed).standard_normal(np.shape(arrays[w]))
        H = autograd_hessian(key, arrays)
        n = np.size(v)
        want = (np.reshape(H, (n, n)) @ np.ravel(v)).reshape(np.shape(v))
        assert_close(f.grad(**arrays, **{v_name: v})[w], want)


# --- HVPs never build the N x N Hessian where they need not ---


def test_cross_entropy_hvp_source_has_no_identity_and_no_outer_product_over_the_classes():
    f = compiled("cce-logits/z", "hvp")[1]
    assert "eye" not in f.source
    assert "None, :]" not in f.source and ":, None]" not in f.source  # no p[:, None] * p[None, :]
    assert "'...a,...b->...ab'" not in f.source


def test_cross_entropy_hvp_with_20000_classes_is_fast_and_small():
    f = compiled("cce-logits/z", "hvp")[1]
    n = 20_000
    rng = np.random.default_rng(4)
    z, v = rng.standard_normal(n), rng.standard_normal(n)
    y = np.eye(1, n, 7)[0]
    tracemalloc.start()
    start = time.perf_counter()
    got = f.grad(z=z, y=y, v=v)["z"]
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    p = np.exp(z - z.max())
    p /= p.sum()
    assert_close(got, p * (v - p @ v), 1e-12)
    assert elapsed < 0.5 and peak < 50 * n * 8  # an N x N float64 Hessian would be 3.2 GB


def test_cli_derive_hvp_prints_the_hessian_vector_product(capsys):
    assert symgrad.cli.main(["derive", "cce-logits", "--hvp"]) == 0
    out = capsys.readouterr().out
    assert "Hessian-vector product by z" in out


def test_hessian_of_a_vector_target_is_refused_in_one_line(capsys):
    assert symgrad.cli.main(["derive", "softmax", "--hessian"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a scalar" in err
