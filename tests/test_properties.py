"""Property tests of the compiled losses: random shapes and hostile values, checked against autograd.

For random sizes (batch 1 to 64, classes 2 to 50, features 1 to 100) and values drawn in one of
four styles (standard normal; with entries of +-1e4 mixed in; mostly zeros; with denormals mixed
in), in float32 and float64:

- outputs keep the input dtype and are finite;
- NumPy reports no overflow, invalid value or division by zero (``np.errstate`` raising; underflow
  of denormals is allowed);
- the loss and every gradient agree with ``autograd`` on the same values in float64, differentiating
  the loss as written by hand here in ``autograd.numpy`` (not symgrad's compiled forward pass), relative to
  the largest entry of the reference array (float32: or of 1, as float32 rounds the logits
  themselves; float64: or of 1e-12, below which a saturated softmax gradient is 0; plus 8 ulps of 1 for
  the terms of order 1 that a saturated gradient cancels): 1e-9 for float64 (1e-6 when +-1e4 logits make the
  softmax saturate and float64 rounding of the logits shows), 2e-3 for float32 on values of
  moderate size. Float32 with +-1e4 entries is checked for dtype, finiteness and warnings only: its
  logits are rounded by up to 1e3 and no reference can be expected to agree.
"""

from __future__ import annotations

import functools

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import symgrad

# (entry, the sizes drawn for each size symbol) -- sizes named after their role in the catalog
SIZE_RANGES = {"B": (1, 64), "C": (2, 50), "D": (1, 100), "N": (2, 50)}
BATCH = (1, 64)  # leading axis of the batched (per-sample) entries
ENTRIES = ["seed-ce-logits", "seed-mse-softmax", "cce-logits", "bce-logits", "softmax", "huber", "hinge",
           "log-cosh", "logsumexp"]
# inputs that must stay in their domain: huber's delta is positive
POSITIVE = {("huber", "delta")}
STYLES = ("normal", "extreme", "zeros", "denormal")
RTOL = {("float64", "normal"): 1e-9, ("float64", "zeros"): 1e-9, ("float64", "denormal"): 1e-9,
        ("float64", "extreme"): 1e-6, ("float32", "normal"): 2e-3, ("float32", "zeros"): 2e-3,
        ("float32", "denormal"): 2e-3}
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@functools.cache
def compiled(name: str) -> symgrad.Compiled:
    return symgrad.compile(name)


def _logsumexp(z):
    m = anp.max(z, axis=-1, keepdims=True)
    return m + anp.log(anp.sum(anp.exp(z - m), axis=-1, keepdims=True))


def _seed_softmax(x, w, b):
    z = x @ w + b
    return anp.exp(z - _logsumexp(z))


def _huber(u, y, delta):
    r, delta = anp.abs(u - y), anp.expand_dims(delta, -1)  # one delta per sample
    return anp.mean(anp.where(r <= delta, r**2 / 2, delta * (r - delta / 2)), axis=-1)


# each entry's loss as its catalog definition reads, written by hand in autograd.numpy (stable forms), with the
# catalog's argument names; batched entries take a leading batch axis and give one loss per sample
REFERENCE = {
    "seed-ce-logits": lambda x, w, b, y: -anp.sum(y * (x @ w + b - _logsumexp(x @ w + b))) / x.shape[0],
    "seed-mse-softmax": lambda x, w, b, y: anp.sum((y - _seed_softmax(x, w, b)) ** 2) / y.size,
    "cce-logits": lambda z, y: -anp.sum(y * (z - _logsumexp(z)), axis=-1),
    "bce-logits": lambda z, y: anp.logaddexp(0.0, z) - y * z,
    "softmax": lambda a: anp.exp(a - _logsumexp(a)),
    "huber": _huber,
    "hinge": lambda z, y: anp.mean(anp.maximum(0.0, 1 - y * z), axis=-1),
    "log-cosh": lambda u, y: anp.mean(anp.abs(u - y) + anp.log1p(anp.exp(-2 * anp.abs(u - y))) - np.log(2.0),
                                      axis=-1),
    "logsumexp": lambda z: _logsumexp(z)[..., 0],
}


def values(rng: np.random.Generator, shape: tuple[int, ...], style: str, dtype: str) -> np.ndarray:
    """An array of ``shape`` in ``style``; denormals are those of ``dtype``."""
    a = rng.standard_normal(shape)
    mask = rng.random(shape)
    if style == "extreme":
        a = np.where(mask < 0.3, np.sign(a) * 1e4, a)
    elif style == "zeros":
        a = np.where(mask < 0.8, 0.0, a)
    elif style == "denormal":
        tiny = np.finfo(dtype).smallest_subnormal
        a = np.where(mask < 0.5, np.sign(a) * tiny * rng.integers(1, 100, shape), a)
    return a.astype(dtype)


@st.composite
def case(draw: st.DrawFn, name: str) -> tuple[dict[str, np.ndarray], str, str]:
    """Keyword arrays for entry ``name``, their dtype and value style."""
    f = compiled(name)
    sizes = {s: draw(st.integers(*SIZE_RANGES[s])) for s in f.spec["sizes"]}
    batch = (draw(st.integers(*BATCH)),) if f.spec["batched"] else ()
    dtype = draw(st.sampled_from(["float32", "float64"]))
    style = draw(st.sampled_from(STYLES))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    arrays = {}
    for arg, dims in f.spec["inputs"]:
        shape = batch + tuple(sizes[d] for d in dims)
        if arg in f.spec["labels"]:  # one-hot along the last axis
            arrays[arg] = np.eye(shape[-1], dtype=dtype)[rng.integers(0, shape[-1], shape[:-1])]
        else:
            arrays[arg] = values(rng, shape, style, dtype)
        if (name, arg) in POSITIVE:
            arrays[arg] = (np.abs(arrays[arg]) + 0.5).astype(dtype)
    return arrays, dtype, style


def assert_close(got: np.ndarray, want: np.ndarray, rtol: float, what: str, floor: float = 0.0,
                 atol: float = 0.0) -> None:
    """Within ``rtol`` of the reference array's largest entry (at least ``floor``) plus ``atol``, wherever the
    reference is finite."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape, what
    finite = np.isfinite(want)
    scale = max(float(np.max(np.abs(want[finite]), initial=0.0)), floor)
    err = float(np.max(np.abs(got[finite] - want[finite]), initial=0.0))
    assert err <= rtol * scale + atol + 1e-300, f"{what}: max error {err:.3g} at scale {scale:.3g} (rtol {rtol:g})"


def reference(name: str, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Loss and gradients from autograd on the hand-written ``REFERENCE`` at float64 copies; batched entries are
    independent per sample,
    so the gradient of the summed loss is each sample's gradient. A vector target (softmax) is checked
    on its first sample's Jacobian."""
    f = compiled(name)
    # autograd differentiates |x| as g*x/|x|, which rounds on denormals: flushing them to zero changes
    # the values by less than 1e-307 and keeps the reference exact
    ref = {k: np.where(np.abs(v) < np.finfo(v.dtype).tiny, 0.0, v).astype(np.float64) for k, v in arrays.items()}
    fwd = REFERENCE[name]
    value = fwd(**ref)
    grads = {}
    for wrt in f.wrt:
        if np.ndim(value) > (1 if f.spec["batched"] else 0):
            first = {k: v[0] for k, v in ref.items()}
            grads[wrt] = autograd.jacobian(lambda v, wrt=wrt, first=first: fwd(**{**first, wrt: v}))(first[wrt])
        else:
            grads[wrt] = autograd.grad(lambda v, wrt=wrt: anp.sum(fwd(**{**ref, wrt: v})))(ref[wrt])
    return value, grads


def check(name: str, arrays: dict[str, np.ndarray], dtype: str, style: str) -> None:
    f = compiled(name)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        value, grads = f.value_and_grad(**arrays)
    assert np.asarray(value).dtype == np.dtype(dtype)
    assert np.all(np.isfinite(value)), "loss is not finite on finite inputs"
    for wrt, g in grads.items():
        assert np.asarray(g).dtype == np.dtype(dtype), f"d/d{wrt} changed dtype"
        assert np.all(np.isfinite(g)), f"d/d{wrt} is not finite on finite inputs"
    rtol = RTOL.get((dtype, style))
    if rtol is None:
        return
    want_value, want_grads = reference(name, arrays)
    # float32 rounds the logits themselves: a loss of 1e-9 (a confident right answer) comes out as 0
    floor = 1.0 if dtype == "float32" else 1e-12
    # a saturated gradient p - y cancels terms of order 1: two right computations of it differ by ulps of 1
    atol = 8 * np.finfo(np.float64).eps
    assert_close(value, want_value, rtol, "loss", floor, atol)
    for wrt, want in want_grads.items():
        got = grads[wrt]
        if want.ndim < np.ndim(got) and compiled(name).spec["batched"] and np.ndim(want_value) == np.ndim(value):
            got = got[0]  # a vector target: the first sample's Jacobian
        assert_close(got, want, rtol, f"d/d{wrt}", floor, atol)


def _property(name: str):
    @SETTINGS
    @given(case(name))
    def test(drawn):
        check(name, *drawn)

    test.__name__ = f"test_{name.replace('-', '_')}_agrees_with_autograd_keeps_dtype_and_never_warns"
    return test


for _name in ENTRIES:
    globals()[_property(_name).__name__] = _property(_name)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_softmax_at_plus_minus_1e4_is_one_hot_without_warnings(dtype):
    a = np.array([[1e4, -1e4, 0.0], [0.0, 0.0, 0.0]], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):  # e^{-2e4} underflows to 0
        p = compiled("softmax").loss(a=a)
    assert p.dtype == np.dtype(dtype)
    np.testing.assert_allclose(p, [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3]], rtol=1e-6)
