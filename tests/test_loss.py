"""Any loss, not just the catalog: a suite of catalog entries and user losses written in LaTeX (and SymPy).

Every loss is derived by ``symgrad.derive(loss=...)``, compiled, and its gradients are compared at three random
float64 points with autograd, twice: on a NumPy reference written by hand here (independent of the parser, the
engine and the compiler), and through ``symgrad.check`` (autograd on the compiled forward pass). Where the
mathematics is finite, the compiled function is finite and right at inputs scaled to +-1e3 and +-1e4.
The traps where SymPy's matrix calculus is silently wrong are each either right or a one-line ``SymgradError``.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from test_engine_reference import mp_reference

import symgrad
import symgrad.cli
from symgrad.check import draw_inputs, input_domains, resolve_sizes
from symgrad.compile import Compiled
from symgrad.derivation import Derivation
from symgrad.errors import SymgradError
from symgrad.linalg import inverse
from symgrad.loss import python_name
from symgrad.tensors import index, size

SEEDS = (0, 1, 2)
RTOL = 1e-9


def logsumexp(a, axis=None, keepdims=False):
    """Stable log-sum-exp in autograd.numpy (autograd.scipy would need SciPy, which symgrad does not)."""
    m = anp.max(a, axis=axis, keepdims=True)
    out = m + anp.log(anp.sum(anp.exp(a - m), axis=axis, keepdims=True))
    return out if keepdims else anp.squeeze(out, axis=axis)


def shape(name: str, *dims: str) -> str:
    return name + r" \in \mathbb{R}^{" + r" \times ".join(dims) + "}"


LINEAR = (shape("X", "N", "D"), shape("w", "D"), shape("y", "N"))


def softplus(u: Any) -> Any:
    return anp.logaddexp(0.0, u)


def logcosh(u: Any) -> Any:
    a = anp.abs(u)
    return a + anp.log1p(anp.exp(-2 * a)) - np.log(2.0)


def softmax(z: Any) -> Any:
    return anp.exp(z - logsumexp(z))


def huber(r: Any, delta: Any) -> Any:
    return anp.where(anp.abs(r) <= delta, r**2 / 2, delta * (anp.abs(r) - delta / 2))


@dataclass(frozen=True)
class Case:
    """A user loss, what to differentiate it by, and a hand-written autograd.numpy reference of its value.

    ``reference`` takes the inputs as keywords in Python spelling; ``extreme`` names the inputs scaled to
    +-1e3/+-1e4 where the mathematics stays finite; ``sympy`` builds the loss as SymPy (Python API) instead.
    """

    id: str
    loss: str | Callable[[], tuple[Any, tuple]]
    wrt: tuple[str, ...]
    reference: Callable[..., Any]
    define: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    extreme: tuple[str, ...] = ()
    fix: dict[str, Callable[[np.ndarray], np.ndarray]] = field(default_factory=dict)


def _sympy_logcosh() -> tuple[Any, tuple]:
    N = size("N")
    n = index("n", N)
    x, y, w = sp.IndexedBase("x", shape=(N,)), sp.IndexedBase("y", shape=(N,)), sp.Symbol("w")
    return sp.Eq(sp.Symbol("L"), sp.Sum(sp.log(sp.cosh(w * x[n] - y[n])), (n, 1, N)) / N), ()


def _sympy_greek() -> tuple[Any, tuple]:
    N = size("N")
    n = index("n", N)
    y, mu, lam = sp.IndexedBase("y", shape=(N,)), sp.Symbol(r"\mu"), sp.Symbol(r"\lambda")
    return sp.Eq(sp.Symbol("L"), sp.Sum((y[n] - mu) ** 2, (n, 1, N)) + lam * mu**2), ()


CASES = [
    Case("least-squares-norm", r"L = \|Xw - y\|_2^2", ("w",), lambda X, w, y: anp.sum((X @ w - y) ** 2),
         given=LINEAR, extreme=("w",)),
    Case("ridge-lambda", r"L = \|Xw - y\|^2 + \lambda \|w\|^2", ("w", r"\lambda"),
         lambda X, w, y, lambda_: anp.sum((X @ w - y) ** 2) + lambda_ * anp.sum(w**2), given=LINEAR, extreme=("w",)),
    Case("softmax-cross-entropy", r"L = -\sum_k y_k \log \mathrm{softmax}(z)_k", ("z",),
         lambda z, y: -anp.sum(y * (z - logsumexp(z))),
         given=(shape("z", "K"), shape("y", "K"), r"\sum_k y_k = 1"), extreme=("z",)),
    Case("log-cosh-regression", r"L = \frac{1}{N}\sum_{n=1}^{N} \log\cosh(\hat y_n - y_n)", ("w", "b"),
         lambda x, w, b, y: anp.mean(logcosh(x * w + b - y)), define=(r"\hat y_n = x_n w + b",), extreme=("w",)),
    Case("logistic-regression-per-sample",
         r"L = -\frac{1}{N}\sum_n \left(y_n \log \sigma(x_n w + b) + (1 - y_n)\log(1 - \sigma(x_n w + b))\right)",
         ("w", "b"), lambda x, w, b, y: anp.mean(softplus(x * w + b) - y * (x * w + b)), extreme=("w",)),
    Case("huber-cases",
         r"L = \sum_n \begin{cases} \frac{1}{2} r_n^2 & |r_n| \le \delta \\ \delta(|r_n| - \frac{1}{2}\delta) "
         r"& \text{otherwise} \end{cases}",
         ("w", r"\delta"), lambda x, w, y, delta: anp.sum(huber(y - x * w, delta)), define=(r"r_n = y_n - x_n w",),
         extreme=("w",), fix={"delta": lambda a: np.abs(a) + 0.5}),
    Case("hinge-max", r"L = \sum_n \max(0, 1 - y_n z_n)", ("z",),
         lambda y, z: anp.sum(anp.maximum(0.0, 1 - y * z)), extreme=("z",)),
    Case("softplus", r"L = \log(1 + e^{z})", ("z",), lambda z: softplus(z), extreme=("z",)),
    Case("softplus-sum", r"L = \sum_k \log(1 + e^{z_k})", ("z",), lambda z: anp.sum(softplus(z)),
         given=(shape("z", "K"),), extreme=("z",)),
    Case("weighted-mse", r"L = \frac{1}{N}\sum_n c_n (y_n - x_n w - b)^2", ("w", "b"),
         lambda c, y, x, w, b: anp.mean(c * (y - x * w - b) ** 2), extreme=("w",)),
    Case("l1-abs", r"L = \sum_n |y_n - x_n w|", ("w",), lambda y, x, w: anp.sum(anp.abs(y - x * w)), extreme=("w",)),
    Case("l1-norm", r"L = \|Xw - y\|_1", ("w",), lambda X, w, y: anp.sum(anp.abs(X @ w - y)), given=LINEAR,
         extreme=("w",)),
    Case("elastic-net", r"L = \|Xw - y\|_2^2 + \alpha \|w\|_1 + \beta \|w\|_2^2", ("w",),
         lambda X, w, y, alpha, beta: anp.sum((X @ w - y) ** 2) + alpha * anp.sum(anp.abs(w)) + beta * anp.sum(w**2),
         given=LINEAR, extreme=("w",)),
    Case("poisson-nll", r"L = \sum_n (e^{\eta_n} - y_n \eta_n)", ("w", "b"),
         lambda x, w, b, y: anp.sum(anp.exp(x * w + b) - y * (x * w + b)), define=(r"\eta_n = x_n w + b",)),
    Case("two-layer-tanh", r"L = \sum_n (y_n - \sum_h v_h \tanh(\sum_d W_{hd} x_{nd}))^2", ("W", "v"),
         lambda x, W, v, y: anp.sum((y - anp.tanh(x @ W.T) @ v) ** 2),
         given=(shape("x", "N", "D"), shape("W", "H", "D"), shape("v", "H"), shape("y", "N")), extreme=("W",)),
    Case("gaussian-mu-gamma", r"L = \frac{1}{2}\sum_n \left(\log \gamma + \frac{(y_n - \mu)^2}{\gamma}\right)",
         (r"\mu", "gamma"), lambda y, gamma, mu: 0.5 * anp.sum(anp.log(gamma) + (y - mu) ** 2 / gamma),
         given=(shape("y", "N"),)),
    Case("temperature-cross-entropy", r"L = -\sum_k y_k \log \mathrm{softmax}(z / \tau)_k", ("z", r"\tau"),
         lambda z, y, tau: -anp.sum(y * (z / tau - logsumexp(z / tau))),
         given=(shape("z", "K"), shape("y", "K"), r"\sum_k y_k = 1"), extreme=("z",),
         fix={"tau": lambda a: np.abs(a) + 0.5}),
    Case("mse-with-bias-norm", r"L = \frac{1}{N}\|Xw + b - y\|^2", ("w", "b"),
         lambda X, w, y, b: anp.mean((X @ w + b - y) ** 2), given=LINEAR, extreme=("w",)),
    Case("sigmoid-squared-error", r"L = \sum_n (y_n - \sigma(x_n w))^2", ("w",),
         lambda y, x, w: anp.sum((y - anp.exp(-softplus(-x * w))) ** 2), extreme=("w",)),
    Case("quadratic-form", r"L = \frac{1}{2} w^T A w - c^T w", ("w",), lambda A, w, c: 0.5 * w @ A @ w - c @ w,
         given=(shape("A", "D", "D"), shape("w", "D"), shape("c", "D")), extreme=("w",)),
    Case("kl-to-softmax", r"L = \sum_k q_k \log \frac{q_k}{p_k}", ("z",),
         lambda z, q: anp.sum(q * (anp.log(q) - z + logsumexp(z))), define=(r"p = \mathrm{softmax}(z)",),
         given=(shape("z", "K"), shape("q", "K")), extreme=("z",)),
    Case("logistic-ones-vector", r"L = \mathbf{1}^T \log(1 + \exp(-y \odot (Xw)))", ("w",),
         lambda X, w, y: anp.sum(softplus(-y * (X @ w))), given=LINEAR, extreme=("w",)),
    Case("logistic-ones-vector-odot-product", r"L = \mathbf{1}^T \log(1 + \exp(-y \odot Xw))", ("w",),
         lambda X, w, y: anp.sum(softplus(-y * (X @ w))), given=LINEAR),
    Case("log-sum-exp-ones-vector", r"L = \log \mathbf{1}^T \exp(z)", ("z",), lambda z: logsumexp(z),
         given=(shape("z", "K"),), extreme=("z",)),
    Case("softmax-matrix-form", r"p = \exp(z) / (\mathbf{1}^T \exp(z))", ("z",), softmax,
         given=(shape("z", "K"),), extreme=("z",)),
    Case("softmax-regression", r"L = -\frac{1}{B}\sum_n \sum_k Y_{nk} \log P_{nk}", ("W",),
         lambda X, W, Y: -anp.sum(Y * (X @ W - logsumexp(X @ W, axis=1, keepdims=True))) / X.shape[0],
         define=(r"Z = XW", r"P_{nk} = \frac{\exp(Z_{nk})}{\sum_j \exp(Z_{nj})}"),
         given=(shape("X", "B", "D"), shape("W", "D", "K"), shape("Y", "B", "K"), r"\sum_k Y_{nk} = 1"),
         extreme=("W",)),
    Case("sympy-log-cosh", _sympy_logcosh, ("w",), lambda x, y, w: anp.mean(logcosh(w * x - y)), extreme=("w",)),
    Case("sympy-greek-names", _sympy_greek, (r"\mu", "lambda_"),
         lambda y, mu, lambda_: anp.sum((y - mu) ** 2) + lambda_ * mu**2),
]
IDS = [c.id for c in CASES]
BY_ID = {c.id: c for c in CASES}
XFAIL: dict[str, str] = {}  # case -> why symgrad.check cannot check it (none left)


@functools.cache
def derived(case_id: str) -> tuple[Derivation, Compiled]:
    case = BY_ID[case_id]
    if callable(case.loss):
        loss, given = case.loss()
        d = symgrad.derive(loss=loss, given=given, wrt=list(case.wrt))
    else:
        d = symgrad.derive(loss=case.loss, define=list(case.define), given=list(case.given), wrt=list(case.wrt))
    return d, d.compile()


def arrays_for(case: Case, d: Derivation, seed: int) -> dict[str, np.ndarray]:
    """Random inputs by symgrad.check's rule, keyed by their Python names, with the case's domain fixes."""
    drawn = {python_name(k): v for k, v in draw_inputs(d.graph, resolve_sizes(d.graph), seed).items()}
    return {k: np.asarray(case.fix[k](v) if k in case.fix else v, dtype=np.float64) for k, v in drawn.items()}


def assert_close(got: Any, want: Any, rtol: float = RTOL, floor: float = 0.0) -> None:
    """Within ``rtol`` relative to the size of the whole array (so that zero entries are judged fairly);
    differences below ``floor`` are underflow (1e-218 computed as 0 where the loss is about 1)."""
    want = np.asarray(want, dtype=np.float64)
    got = np.asarray(got, dtype=np.float64)
    assert got.shape == want.shape
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    np.testing.assert_allclose(got, want, rtol=rtol, atol=max(rtol * scale, floor))


def extreme_inputs(arrays: dict[str, np.ndarray], names: tuple[str, ...], scale: float) -> dict[str, np.ndarray]:
    """``names`` set to +-scale with alternating signs and magnitudes from 1 down to 0.5 (a scalar: +scale)."""
    out = dict(arrays)
    for name in names:
        a = arrays[name]
        signs = np.where(np.arange(a.size) % 2 == 0, 1.0, -1.0)
        out[name] = (scale * signs * np.linspace(1.0, 0.5, a.size)).reshape(a.shape)
    return out


def reference_gradients(case: Case, arrays: dict[str, np.ndarray], wrt: list[str]) -> dict[str, np.ndarray]:
    """autograd on the hand-written reference: the gradient (or Jacobian, for a vector target) by each name."""
    value = case.reference(**arrays)
    derivative = autograd.jacobian if np.ndim(value) else autograd.grad
    return {w: derivative(lambda v, w=w: case.reference(**{**arrays, w: v}))(arrays[w]) for w in wrt}


def quiet(fn: Callable[..., Any], **arrays: Any) -> Any:
    """Call ``fn`` with NumPy's overflow, divide and invalid warnings turned into errors."""
    with warnings.catch_warnings(), np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"):
        warnings.simplefilter("error")
        return fn(**arrays)


def test_the_suite_has_at_least_40_losses_of_which_15_are_user_losses():
    assert len(CASES) >= 15 and len(symgrad.names()) + len(CASES) >= 40
    assert len(set(IDS)) == len(IDS)


# --- user losses ---


@pytest.mark.parametrize("case_id", IDS)
def test_user_loss_value_and_gradients_match_autograd_on_a_hand_written_reference(case_id):
    case = BY_ID[case_id]
    d, f = derived(case_id)
    keys = [python_name(r.wrt) for r in d.results]
    assert keys == [python_name(w) for w in case.wrt]
    for seed in SEEDS:
        arrays = arrays_for(case, d, seed)
        value, grads = quiet(f.value_and_grad, **arrays)
        assert set(grads) == set(keys)
        assert_close(value, case.reference(**arrays))
        for w, want in reference_gradients(case, arrays, keys).items():
            assert_close(grads[w], want)


@pytest.mark.parametrize("case_id", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=XFAIL[c]))
                                     if c in XFAIL else c for c in IDS])
def test_user_loss_passes_symgrad_check_against_autograd_at_three_points(case_id):
    d, f = derived(case_id)
    if BY_ID[case_id].fix:  # check draws from its generic domains; the case's fixes need the hand test
        pytest.skip("inputs need a domain fix (a positive scale) that symgrad.check does not know")
    for seed in SEEDS:
        report = symgrad.check(d, backend="autograd", seed=seed, compiled=f)
        assert report.ok, str(report)


# (case, scale) -> why the compiled function is not finite there although the mathematics is (none left)
EXTREME_XFAIL: dict[tuple[str, float], str] = {}
EXTREME = [pytest.param(c.id, s, marks=pytest.mark.xfail(strict=True, reason=EXTREME_XFAIL[c.id, s]))
           if (c.id, s) in EXTREME_XFAIL else (c.id, s) for c in CASES if c.extreme for s in (1e3, -1e3, 1e4, -1e4)]


@pytest.mark.parametrize(("case_id", "scale"), EXTREME)
def test_user_loss_is_finite_and_right_at_extreme_inputs(case_id, scale):
    case = BY_ID[case_id]
    d, f = derived(case_id)
    arrays = extreme_inputs(arrays_for(case, d, seed=5), case.extreme, scale)
    value, grads = quiet(f.value_and_grad, **arrays)
    assert all(np.all(np.isfinite(g)) for g in grads.values()) and np.all(np.isfinite(value))
    assert_close(value, case.reference(**arrays), floor=1e-12)
    for w, want in reference_gradients(case, arrays, list(grads)).items():
        assert_close(grads[w], want, floor=1e-12)


@pytest.mark.parametrize("case_id", IDS)
def test_user_loss_derivation_is_a_document_that_pdflatex_compiles(case_id, tmp_path):
    if shutil.which("pdflatex") is None:  # CI sets SYMGRAD_REQUIRE_PDFLATEX=1: there a missing pdflatex fails
        if os.environ.get("SYMGRAD_REQUIRE_PDFLATEX") == "1":
            pytest.fail("pdflatex is missing but SYMGRAD_REQUIRE_PDFLATEX=1")
        pytest.skip("pdflatex is not installed")
    d = derived(case_id)[0]
    (tmp_path / "d.tex").write_text(d.document())
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "d.tex"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stdout[-2000:]


def test_ridge_compiles_lambda_as_the_python_name_lambda_():
    d, f = derived("ridge-lambda")
    assert "lambda" in {str(t) for t in d.graph.inputs}  # the derivation keeps the LaTeX name
    assert f.inputs == ("X", "w", "y", "lambda_") and f.wrt == ("w", "lambda_")
    assert "lambda_" in f.source and "lambda " not in f.source
    rng = np.random.default_rng(7)
    X, w, y = rng.standard_normal((6, 3)), rng.standard_normal(3), rng.standard_normal(6)
    value, grads = f.value_and_grad(X=X, w=w, y=y, lambda_=np.float64(0.3))
    assert_close(value, np.sum((X @ w - y) ** 2) + 0.3 * w @ w, 1e-12)
    assert_close(grads["w"], 2 * X.T @ (X @ w - y) + 0.6 * w, 1e-12)
    assert_close(grads["lambda_"], w @ w, 1e-12)


@pytest.mark.parametrize("spelling", ["lambda", r"\lambda", "lambda_"])
def test_wrt_accepts_the_latex_and_the_python_spelling(spelling):
    d = symgrad.derive(loss=r"L = \|Xw - y\|^2 + \lambda \|w\|^2", given=list(LINEAR), wrt=[spelling])
    assert [r.wrt for r in d.results] == ["lambda"] and d.compile().wrt == ("lambda_",)


def test_python_name_strips_backslashes_and_escapes_keywords():
    assert [python_name(n) for n in (r"\mu", r"\gamma", r"\lambda", "lambda", "yhat", "w")] == \
        ["mu", "gamma", "lambda_", "lambda_", "yhat", "w"]


def test_user_loss_exports_as_a_standalone_module_named_loss(tmp_path, capsys):
    out = tmp_path / "grads.py"
    code = symgrad.cli.main(["export", "--loss", r"L = \|Xw - y\|^2 + \lambda \|w\|^2", *[
        w for g in LINEAR for w in ("--given", g)], "--wrt", "w", "--wrt", r"\lambda", "-o", str(out)])
    assert code == 0 and "loss" in capsys.readouterr().out
    namespace: dict[str, Any] = {}
    exec(compile(out.read_text(), str(out), "exec"), namespace)  # noqa: S102 - the module we just generated
    rng = np.random.default_rng(8)
    X, w, y = rng.standard_normal((5, 2)), rng.standard_normal(2), rng.standard_normal(5)
    value, grads = namespace["loss"](X=X, w=w, y=y, lambda_=np.float64(2.0))
    assert_close(value, np.sum((X @ w - y) ** 2) + 2.0 * w @ w, 1e-12)
    assert_close(grads["w"], 2 * X.T @ (X @ w - y) + 4.0 * w, 1e-12)
    assert set(grads) == {"w", "lambda_"}


def test_export_name_option_names_the_function(tmp_path):
    out = tmp_path / "m.py"
    assert symgrad.cli.main(["export", "--loss", r"L = \log(1 + e^{z})", "--wrt", "z", "--name", "softplus",
                             "-o", str(out)]) == 0
    text = out.read_text()
    assert "def softplus(" in text and "--name softplus" in text.splitlines()[1]


def test_export_options_without_loss_are_a_usage_error(tmp_path, capsys):
    assert symgrad.cli.main(["export", "--wrt", "w", "-o", str(tmp_path / "m.py")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- the catalog: every entry through the same checks ---


@pytest.mark.parametrize("name", symgrad.names())
def test_catalog_entry_passes_symgrad_check_against_autograd_at_three_points(name):
    d = symgrad.derive(name)
    f = d.compile()
    for seed in SEEDS:
        report = symgrad.check(d, backend="autograd", seed=seed, compiled=f)
        assert report.ok, str(report)


# exp(z) of a large z is infinite in exact arithmetic too: no finite answer to give
CATALOG_NOT_FINITE = {"poisson-nll"}
# parameters outside the generic standard-normal domain: focal's gamma >= 0, positive scales
CATALOG_FIX = {"focal": {"gamma": lambda a: np.float64(2.0), "alpha": lambda a: np.float64(0.25)},
               "huber": {"delta": lambda a: np.abs(a) + 0.5}, "softmax-temperature": {"T": lambda a: np.abs(a) + 0.5}}


# the mpmath reference cannot settle here: weights and inputs of 1e3-1e4 through two layers make logits near 1e6,
# and 1 - sigma(1e6) cancels to 0 below about 434,000 digits; its ladder (50, 600, 6000 digits, confirmed at
# 12000) cost 190 s of the suite to fail every time, so these are not run (compiled values are finite; a
# reference that settles there would let them run, strict)
_UNSETTLED = "the mpmath reference does not settle through two layers at inputs of 1e3-1e4 (compiled values finite)"
EXTREME_GAPS = {
    ("mlp-relu", 1e3): _UNSETTLED, ("mlp-relu", -1e4): _UNSETTLED,
    ("attention", 1e3): "a saturated softmax: symgrad gives 0 where the truth is 4.6e-81 (absolute error below 1e-80, "
                        "relative error 1)",
}
# logdet: the matrix scaled from standard-normal draws is singular at n = 3 (rank 2), which the compiled function
# refuses (SingularMatrixError); gaussian-mvn-nll: the reference cannot evaluate an inverse element.
# tests/test_linalg.py checks both against autograd at condition numbers up to 1e6
MATRIX_ENTRIES = {"logdet", "gaussian-mvn-nll"}


def _extreme_cases() -> list:
    return [pytest.param(name, scale, id=f"{name}-{scale}", marks=[pytest.mark.xfail(
                strict=True, run=EXTREME_GAPS[name, scale] != _UNSETTLED, reason=EXTREME_GAPS[name, scale])]
                if (name, scale) in EXTREME_GAPS else [])
            for name in symgrad.names() if name not in CATALOG_NOT_FINITE | MATRIX_ENTRIES for scale in (1e3, -1e4)]


@pytest.mark.parametrize("name, scale", _extreme_cases())
def test_catalog_entry_is_finite_and_agrees_with_autograd_at_extreme_inputs(name, scale):
    """Every variable drawn standard normal (logits, weights, predictions) scaled to about +-1e3 or +-1e4;
    the reference is the entry's definitions evaluated in 50-digit mpmath and differentiated by central
    differences there (``test_engine_reference.mp_reference``), sharing no code with the engine or compiler."""
    d = symgrad.derive(name)
    f = d.compile()
    sizes = resolve_sizes(d.graph)
    arrays = {k: np.asarray(v) for k, v in draw_inputs(d.graph, sizes, 9).items()}
    for k, fix in CATALOG_FIX.get(name, {}).items():
        arrays[k] = np.asarray(fix(arrays[k]))
    domains = input_domains(d.graph)
    scaled = [r.wrt for r in d.results if domains[r.wrt][0] == "standard normal"]
    if not scaled:
        pytest.skip(f"{name} takes probabilities, not logits: nothing to scale")
    arrays = extreme_inputs(arrays, tuple(scaled), scale)
    value, grads = quiet(f.value_and_grad, **arrays)
    assert np.all(np.isfinite(value)) and all(np.all(np.isfinite(g)) for g in grads.values())
    want_value, want_grads = mp_reference(d.graph, sizes, arrays, tuple(r.wrt for r in d.results))
    assert_close(value, want_value, floor=1e-12)
    for r in d.results:
        assert_close(grads[python_name(r.wrt)], want_grads[r.wrt], floor=1e-12)


# --- the traps: where SymPy's matrix calculus is silently wrong, symgrad is right or says why not ---

SQUARE = (shape("X", "N", "N"),)
COOKBOOK = {  # d/dX_ij of each, in index form: log det X -> (X^{-1})_ji, tr X -> delta_ij
    "log-det": (r"L = \log\det X", lambda X, i, j: inverse(X)[j, i]),
    "trace": (r"L = \mathrm{tr}(X) + c", lambda X, i, j: sp.KroneckerDelta(i, j)),
    "operatorname-trace": (r"L = \operatorname{Tr}(X)", lambda X, i, j: sp.KroneckerDelta(i, j)),
}


@pytest.mark.parametrize("name", sorted(COOKBOOK))
def test_trace_and_log_det_derive_to_the_matrix_cookbook_form(name):
    loss, want = COOKBOOK[name]
    (r,) = symgrad.derive(loss=loss, given=[r"X \in \mathbb{R}^{N \times N}"], wrt=["X"]).results
    X, (i, j) = r.var.base, r.var.indices
    assert sp.simplify(r.expr - want(X, i, j)) == 0


TRAP_ERRORS = {
    "ones-vector-alone": (r"L = \mathbf{1} + \sum_k z_k", (shape("z", "K"),), "z", r"\mathbf{1}"),
}


@pytest.mark.parametrize("trap", sorted(TRAP_ERRORS))
def test_unsupported_matrix_construct_is_a_one_line_error_naming_it(trap):
    loss, given, wrt, named = TRAP_ERRORS[trap]
    with pytest.raises(SymgradError) as info:
        symgrad.derive(loss=loss, given=list(given), wrt=[wrt])
    message = str(info.value)
    assert named in message and "column" in message and "\n" not in message


@pytest.mark.parametrize("trap", sorted(TRAP_ERRORS))
def test_unsupported_matrix_construct_exits_2_with_one_line_on_stderr(trap, capsys):
    loss, given, wrt, named = TRAP_ERRORS[trap]
    code = symgrad.cli.main(["derive", "--loss", loss, *[a for g in given for a in ("--given", g)], "--wrt", wrt])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.count("\n") == 1 and named in captured.err


def test_log_sum_exp_with_the_ones_vector_is_log_of_a_sum_not_zero():
    d, _ = derived("log-sum-exp-ones-vector")
    (target,) = [x for x in d.graph.definitions if x.name == "L"]
    assert isinstance(target.rhs, sp.log) and isinstance(target.rhs.args[0], sp.Sum)
    r = d.result("z")
    (i,) = r.var.indices
    z = r.var.base
    k = target.rhs.args[0].limits[0][0]
    assert sp.simplify(r.expr - sp.exp(z[i]) / sp.Sum(sp.exp(z[k]), (k, 1, k.upper))) == 0


def test_softmax_in_matrix_form_has_the_softmax_jacobian():
    f = derived("softmax-matrix-form")[1]
    z = np.array([1e4, -1e4, 3.0, 0.0])
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    value, grads = quiet(f.value_and_grad, z=z)
    assert_close(value, p, 1e-13)
    assert_close(grads["z"], np.diag(p) - np.outer(p, p), 1e-13)


@pytest.mark.parametrize("spelling", [r"\mathbf{1}^T", r"\mathbf 1^\top", r"\mathbb{1}^T", r"\boldsymbol{1}^{T}"])
def test_every_spelling_of_the_ones_vector_sums(spelling):
    d = symgrad.derive(loss=rf"L = {spelling} \exp(z)", given=[shape("z", "K")], wrt=["z"])
    z = np.array([0.5, -1.0, 2.0])
    value, grads = d.compile().value_and_grad(z=z)
    assert_close(value, np.exp(z).sum(), 1e-14)
    assert_close(grads["z"], np.exp(z), 1e-14)


# --- what a user loss can and cannot get (the README's list): each limit is a one-line error naming it ---

ELEMENTWISE = (r"z \in \mathbb{R}^{N}",)
DERIVES_BUT_DOES_NOT_COMPILE = {
    "cot": (r"L = \sum_{k=1}^{N} \cot(z_k)", "cot"),
    "sec": (r"L = \sum_{k=1}^{N} \sec(z_k)", "sec"),
    "floor": (r"L = \sum_{k=1}^{N} \lfloor z_k \rfloor", "floor"),
    "abstract-function": (r"L = \sum_{k=1}^{N} f(z_k)", "f"),
}


@pytest.mark.parametrize("case", sorted(DERIVES_BUT_DOES_NOT_COMPILE))
def test_a_function_without_array_code_derives_but_compiling_is_a_one_line_error_naming_it(case):
    loss, named = DERIVES_BUT_DOES_NOT_COMPILE[case]
    d = symgrad.derive(loss=loss, given=list(ELEMENTWISE), wrt=["z"])
    assert (d.results[0].expr == 0) == (case == "floor")  # floor' = 0 away from its jumps
    with pytest.raises(SymgradError) as info:
        d.compile()
    assert f"no array code for {named}" in str(info.value) and "\n" not in str(info.value)


def test_a_product_over_an_index_is_refused_in_one_line_naming_it():
    with pytest.raises(SymgradError, match=r"^in the definition of L: cannot differentiate Product in Product\("):
        symgrad.derive(loss=r"L = \prod_{k=1}^{N} z_k", given=list(ELEMENTWISE), wrt=["z"])


# each function as a LaTeX command and in autograd.numpy, written by hand
ELEMENTARY = {r"\cos": anp.cos, r"\sin": anp.sin, r"\tan": anp.tan, r"\tanh": anp.tanh, r"\cosh": anp.cosh,
              r"\arctan": anp.arctan, r"\arcsin": anp.arcsin, r"\sigma": lambda u: 1 / (1 + anp.exp(-u))}


@pytest.mark.parametrize("function", sorted(ELEMENTARY))
def test_an_elementary_function_compiles_to_numpy_with_the_gradient_autograd_gives(function):
    d = symgrad.derive(loss=rf"L = \sum_{{k=1}}^{{N}} {function}(z_k / 2)", given=list(ELEMENTWISE), wrt=["z"])
    z = np.random.default_rng(3).uniform(-1.5, 1.5, size=5)
    value, grads = quiet(d.compile().value_and_grad, z=z)
    reference = lambda z: anp.sum(ELEMENTARY[function](z / 2))
    assert_close(value, reference(z))
    assert_close(grads["z"], autograd.grad(reference)(z))


@pytest.mark.parametrize("function", sorted(ELEMENTARY))
def test_symgrad_check_of_an_elementary_function_agrees_or_is_a_one_line_error_naming_it(function):
    d = symgrad.derive(loss=rf"L = \sum_{{k=1}}^{{N}} {function}(z_k / 2)", given=list(ELEMENTWISE), wrt=["z"])
    try:
        report = symgrad.check(d, backend="autograd", seed=0)
    except SymgradError as e:  # the autodiff forward pass has no code for cos, sin, tan, arcsin (yet)
        assert "no array code for" in str(e) and "\n" not in str(e)
    else:
        assert report.ok, str(report)


@pytest.mark.parametrize("loss", [r"L = -\sum_{k} y_k \log p_k \text{ where } p = \mathrm{softmax}(z)",
                                  r"-\sum_{k} y_k \log p_k, \quad \text{where } p = \mathrm{softmax}(z)"])
def test_a_where_clause_of_the_loss_defines_what_the_loss_uses_as_verify_reads_it(loss):
    d = symgrad.derive(loss=loss, given=[shape("z", "K"), shape("y", "K")], wrt=["z"])
    z, y = np.array([0.5, -1.0, 2.0]), np.array([0.2, 0.3, 0.5])

    def reference(z):
        return -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z)))))

    value, grads = quiet(d.compile().value_and_grad, z=z, y=y)
    assert_close(value, reference(z), 1e-13)
    assert_close(grads["z"], autograd.grad(reference)(z), 1e-13)


def test_a_case_after_where_in_a_loss_is_a_one_line_error_naming_it():
    with pytest.raises(SymgradError, match=r"'i \\neq j' after 'where' is a case"):
        symgrad.derive(loss=r"L = x_i x_j \text{ where } i \neq j", given=[shape("x", "K")], wrt=["x"])


def test_a_one_hot_fact_after_where_makes_the_cross_entropy_gradient_p_minus_y():
    loss = r"L = -\sum_{k} y_k \log p_k \text{ where } p = \mathrm{softmax}(z), y \text{ is one-hot}"
    d = symgrad.derive(loss=loss, given=[shape("z", "K")], wrt=["z"])
    r = d.result("z")
    (m,) = r.var.indices
    bases = {str(b.label): b for b in r.expr.atoms(sp.IndexedBase)}
    assert set(bases) == {"p", "y"} and sp.simplify(r.expr - (bases["p"][m] - bases["y"][m])) == 0
    z, y = np.array([0.5, -1.0, 2.0]), np.array([0.0, 1.0, 0.0])
    want = autograd.grad(lambda z: -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z))))))(z)
    assert_close(quiet(d.compile().value_and_grad, z=z, y=y)[1]["z"], want, 1e-13)
