"""Constraints at call time (issue 16): a compiled gradient whose derivation used a constraint on an input
(sum_k y_k = 1 for cross-entropy on logits) is right for every input that meets it, soft labels included,
and raises a one-line ShapeError naming the constraint and the row for an input that breaks it.

The references are hand-written in autograd.numpy from the definitions, sharing no code with symgrad.
"""

from __future__ import annotations

import functools

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad
from symgrad.check import check
from symgrad.errors import ShapeError
from symgrad.export import export_module


def logsumexp(a, axis=-1):
    m = anp.max(a, axis=axis, keepdims=True)
    return m + anp.log(anp.sum(anp.exp(a - m), axis=axis, keepdims=True))


def cce_logits(z, y):
    return -anp.sum(y * (z - logsumexp(z)))


def seed_ce_logits(x, w, b, y):
    z = x @ w + b
    return -anp.sum(y * (z - logsumexp(z))) / x.shape[0]


def label_smoothing_ce(z, y, epsilon):
    t = (1 - epsilon) * y + epsilon / z.shape[-1]
    return -anp.sum(t * (z - logsumexp(z)))


def soft(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Soft labels: positive rows summing to 1 (label smoothing, distillation targets)."""
    a = rng.uniform(0.05, 1.0, size=shape)
    return a / a.sum(axis=-1, keepdims=True)


def draw(name: str, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    if name == "seed-ce-logits":
        return {"x": rng.standard_normal((6, 4)), "w": rng.standard_normal((4, 3)), "b": rng.standard_normal(3),
                "y": soft(rng, (6, 3))}
    arrays = {"z": rng.standard_normal(5) * 3, "y": soft(rng, (5,))}
    return arrays | ({"epsilon": np.float64(0.1)} if name == "label-smoothing-ce" else {})


# entry -> (hand-written reference, the inputs differentiated by)
CONSTRAINED = {
    "cce-logits": (cce_logits, ("z",)),
    "seed-ce-logits": (seed_ce_logits, ("w", "b")),
    "label-smoothing-ce": (label_smoothing_ce, ("z",)),
}


@functools.cache
def compiled(name: str) -> symgrad.Compiled:
    return symgrad.compile(name)


def uses_a_constraint(name: str) -> bool:
    return any(s.rule.startswith("use the constraint") for s in symgrad.derive(name).steps)


def test_the_entries_here_are_exactly_the_catalog_entries_whose_derivation_uses_a_constraint():
    assert {n for n in symgrad.names() if uses_a_constraint(n)} == set(CONSTRAINED)


@pytest.mark.parametrize("name", sorted(CONSTRAINED))
def test_soft_labels_that_sum_to_one_give_the_autograd_gradient(name):
    reference, wrt = CONSTRAINED[name]
    arrays = draw(name, seed=1)
    value, grads = compiled(name).value_and_grad(**arrays)
    assert np.isclose(value, reference(**arrays), rtol=1e-13)
    for w in wrt:
        want = autograd.grad(reference, list(arrays).index(w))(*arrays.values())
        np.testing.assert_allclose(grads[w], want, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", sorted(CONSTRAINED))
def test_labels_that_break_the_constraint_raise_one_line_naming_it_and_the_row(name):
    arrays = draw(name, seed=2)
    y = arrays["y"].copy()
    row = (3,) if y.ndim == 2 else ()
    y[row] *= 1.25  # that row now sums to 1.25
    arrays["y"] = y
    for fn in (compiled(name).grad, compiled(name).value_and_grad):
        with pytest.raises(ShapeError) as err:
            fn(**arrays)
        message = str(err.value)
        assert len(message.splitlines()) == 1 and message.startswith(f"{name}: y breaks the constraint sum_k y")
        assert "= 1" in message and "where it is 1.25" in message and "check_constraints=False" in message
        assert (f"at row {row}" in message) == bool(row)


def test_the_first_row_that_breaks_the_constraint_is_named_in_a_batch():
    y = np.full((2, 3, 4), 0.25)
    y[1, 2, 0] = 0.5
    with pytest.raises(ShapeError, match=r"at row \(1, 2\), where it is 1\.25"):
        compiled("cce-logits").grad(z=np.zeros((2, 3, 4)), y=y)


def test_rounding_in_float32_labels_is_not_a_broken_constraint():
    rng = np.random.default_rng(3)
    y = soft(rng, (50, 7)).astype(np.float32)
    z = rng.standard_normal((50, 7)).astype(np.float32)
    grads = compiled("cce-logits").grad(z=z, y=y)
    want = autograd.grad(cce_logits)(z.astype(np.float64), y.astype(np.float64))
    np.testing.assert_allclose(grads["z"], want, rtol=1e-5, atol=1e-6)


def test_integer_class_labels_always_meet_the_constraint():
    z = np.random.default_rng(4).standard_normal((3, 5))
    grads = compiled("cce-logits").grad(z=z, y=np.array([0, 4, 2]))
    np.testing.assert_allclose(grads["z"], autograd.grad(cce_logits)(z, np.eye(5)[[0, 4, 2]]), rtol=1e-13)


def test_check_constraints_false_skips_the_check_and_returns_the_derived_formula():
    z, y = np.array([0.5, -1.0, 2.0]), np.array([0.5, 0.5, 0.5])
    grads = compiled("cce-logits").grad(z=z, y=y, check_constraints=False)
    p = np.exp(z - logsumexp(z))
    np.testing.assert_allclose(grads["z"], p - y, rtol=1e-14)  # p - y: what sum_k y_k = 1 makes of p sum y - y


def test_nan_labels_give_nan_gradients_not_a_constraint_error():
    grads = compiled("cce-logits").grad(z=np.zeros(3), y=np.array([np.nan, 0.5, 0.5]))
    assert np.isnan(grads["z"][0])


def test_the_loss_alone_needs_no_constraint_and_takes_any_labels():
    z, y = np.array([0.5, -1.0, 2.0]), np.array([2.0, 0.0, 1.0])
    assert np.isclose(compiled("cce-logits").loss(z=z, y=y), cce_logits(z, y), rtol=1e-14)


def test_an_entry_that_declares_but_never_uses_a_constraint_checks_nothing():
    f = compiled("seed-mse-softmax")
    assert not uses_a_constraint("seed-mse-softmax") and "check_constraints" not in f.source


def test_the_exported_module_checks_the_constraint_the_same_way(tmp_path):
    namespace: dict = {}
    exec(export_module(["cce-logits"], "symgrad export cce-logits -o m.py"), namespace)  # noqa: S102
    with pytest.raises(ValueError, match=r"cce-logits: y breaks the constraint sum_k y_k = 1 .* where it is 2"):
        namespace["cce_logits"](z=np.zeros(3), y=np.array([1.0, 1.0, 0.0]))
    _, grads = namespace["cce_logits"](z=np.zeros(3), y=np.array([0.2, 0.3, 0.5]))
    np.testing.assert_allclose(grads["z"], np.full(3, 1 / 3) - [0.2, 0.3, 0.5], rtol=1e-14)


# --- symgrad check --constraints inside declared domains (issue 10 item 5) --------------------------

CE = {"loss": r"L = -\sum_{k=1}^{K} y_k \log p_k", "define": [r"p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}"],
      "wrt": ["z"]}


def test_labels_declared_in_zero_one_are_never_drawn_soft_or_off_their_constraint():
    d = symgrad.derive(**CE, given=[r"z, y \in \mathbb{R}^{K}", r"y \in \{0, 1\}^{K}", r"\sum_{k=1}^{K} y_k = 1"])
    report = check(d, constraints=True)
    assert report.ok, str(report)
    assert not any("soft y" in r.quantity or "off its constraint" in r.quantity for r in report.rows)
    assert report.notes[-2:] == ["soft labels for y lie outside its declared domain: not drawn",
                                 "labels for y off its constraint lie outside its declared domain: not drawn"]


def test_labels_declared_in_the_unit_interval_are_drawn_soft_and_agree_with_a_hand_written_autograd_gradient():
    d = symgrad.derive(**CE, given=[r"z \in \mathbb{R}^{K}", r"y \in [0, 1]^{K}", r"\sum_{k=1}^{K} y_k = 1"])
    report = check(d, constraints=True)
    assert report.ok and "dL/dz at soft y" in [r.quantity for r in report.rows], str(report)
    y = soft(np.random.default_rng(5), (4,))
    z = np.random.default_rng(6).standard_normal(4)
    np.testing.assert_allclose(d.compile().grad(z=z, y=y)["z"], autograd.grad(cce_logits)(z, y), rtol=1e-12)
