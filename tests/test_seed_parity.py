"""The seed tutorial's two TensorFlow programs, run as printed, agree with symgrad's compiled gradients.

Each program is run under ``tf.GradientTape`` exactly as in the seed (float32, ``x @ w + b``, ``tf.one_hot``,
``tf.losses.MSE`` / ``categorical_crossentropy(from_logits=True)``, ``reduce_mean``); symgrad's compiled
``value_and_grad`` gets the same arrays. The same programs written with torch and jax idioms are compared
too. Agreement is to 1e-6 relative, with an absolute floor of 1e-6 times the largest gradient element
(float32 rounding differs between op orders, so elements near zero are judged against the gradient's size).

A missing framework skips its tests, unless SYMGRAD_REQUIRE_BACKENDS=1 (as in CI): then it fails them.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import numpy as np
import pytest

import symgrad

RTOL = 1e-6
# (B, D, C, bias): the seed's own sizes with its zero bias, then a larger batch with a random bias
CASES = [(2, 4, 3, False), (16, 8, 5, True)]


def framework(name: str) -> ModuleType:
    """Import a framework quietly; skip without it, or fail when CI requires every backend."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        module = importlib.import_module(name)
    except ImportError:
        if os.environ.get("SYMGRAD_REQUIRE_BACKENDS") == "1":
            pytest.fail(f"{name} is not installed, and SYMGRAD_REQUIRE_BACKENDS=1 requires it")
        pytest.skip(f"{name} is not installed")
    if name == "tensorflow":
        module.get_logger().setLevel("ERROR")
    return module


def assert_close(got: np.ndarray, want: np.ndarray, what: str) -> None:
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == np.float32, f"{what}: compiled returned {got.dtype} for float32 inputs"
    np.testing.assert_allclose(got, want, rtol=RTOL, atol=RTOL * float(np.abs(want).max()), err_msg=what)


def seed_program(tf: ModuleType, program: str, B: int, D: int, C: int, bias: bool, seed: int) -> dict:
    """The seed's program with its sizes made parameters: inputs (as NumPy), loss and [dw, db] from TensorFlow."""
    tf.random.set_seed(seed)
    x = tf.random.normal([B, D])
    w = tf.random.normal([D, C])
    b = tf.random.normal([C]) if bias else tf.zeros([C])
    y = tf.constant(np.arange(B) * 7 % C)  # the seed's labels were [2, 0]; these also cover every class
    with tf.GradientTape() as tape:
        tape.watch([w, b])
        if program == "seed-mse-softmax":
            prob = tf.nn.softmax(x @ w + b, axis=1)
            loss = tf.reduce_mean(tf.losses.MSE(tf.one_hot(y, depth=C), prob))
        else:
            logits = x @ w + b
            loss = tf.reduce_mean(tf.losses.categorical_crossentropy(tf.one_hot(y, depth=C), logits,
                                                                     from_logits=True))
    grads = tape.gradient(loss, [w, b])
    return {"inputs": {"x": x.numpy(), "w": w.numpy(), "b": b.numpy(), "y": tf.one_hot(y, depth=C).numpy()},
            "labels": y.numpy(), "loss": loss.numpy(), "w": grads[0].numpy(), "b": grads[1].numpy()}


@pytest.fixture(scope="module")
def tf() -> ModuleType:
    return framework("tensorflow")


@pytest.fixture(scope="module")
def compiled() -> dict:
    return {name: symgrad.compile(name) for name in ("seed-mse-softmax", "seed-ce-logits")}


@pytest.mark.parametrize("program", ["seed-mse-softmax", "seed-ce-logits"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: "B{}-D{}-C{}{}".format(*c[:3], "-bias" * c[3]))
def test_seed_program_gradients_equal_tensorflow_gradient_tape(tf, compiled, program, case) -> None:
    run = seed_program(tf, program, *case, seed=2026)
    loss, grads = compiled[program].value_and_grad(**run["inputs"])
    assert_close(loss, run["loss"], f"{program} loss vs TensorFlow")
    assert_close(grads["w"], run["w"], f"{program} dL/dw vs TensorFlow")
    assert_close(grads["b"], run["b"], f"{program} dL/db vs TensorFlow")


def test_seed_printed_gradients_sum_to_zero_over_classes_like_symgrads() -> None:
    """Softmax outputs sum to 1, so each row of dL/dz sums to 0 over the classes, hence so do dL/db and every row
    of dL/dw = x^T dL/dz. The seed's printed gradients obey it (to their 8 printed digits), and so must symgrad's."""
    printed = {
        "seed-mse-softmax": ([[0.01156707, -0.00927749, -0.00228957], [0.03556816, -0.03894382, 0.00337564],
                              [-0.02537526, 0.01924876, 0.00612648], [-0.0074787, 0.00161515, 0.00586352]],
                             [-0.01552947, 0.01993286, -0.00440337]),
        "seed-ce-logits": ([[-0.38076094, 0.33844548, 0.04231545], [-1.0262716, -0.6730384, 1.69931],
                            [0.20613424, -0.50421923, 0.298085], [0.5800004, -0.22329211, -0.35670823]],
                           [-0.3719653, 0.53269935, -0.16073406]),
    }
    rng = np.random.default_rng(7)
    x, w, b = (rng.standard_normal(s).astype(np.float32) for s in ((2, 4), (4, 3), (3,)))
    y = np.eye(3, dtype=np.float32)[[2, 0]]
    for program, (dw, db) in printed.items():
        np.testing.assert_allclose(np.sum(dw, axis=1), 0, atol=1e-6)
        assert abs(sum(db)) <= 1e-7
        grads = symgrad.compile(program).grad(x=x, w=w, b=b, y=y)
        scale = float(np.abs(grads["w"]).max())
        np.testing.assert_allclose(grads["w"].sum(axis=1), 0, atol=1e-6 * scale)
        assert abs(float(grads["b"].sum())) <= 1e-6 * float(np.abs(grads["b"]).max())


def torch_program(torch: ModuleType, program: str, run: dict) -> tuple:
    x, w, b, y = (torch.tensor(run["inputs"][k]) for k in "xwby")
    w.requires_grad_(True)
    b.requires_grad_(True)
    logits = x @ w + b
    if program == "seed-mse-softmax":
        loss = torch.mean(torch.mean((y - torch.softmax(logits, dim=1)) ** 2, dim=1))
    else:
        loss = torch.nn.functional.cross_entropy(logits, torch.tensor(run["labels"], dtype=torch.long))
    dw, db = torch.autograd.grad(loss, [w, b])
    return loss.detach().numpy(), dw.numpy(), db.numpy()


def jax_program(jax: ModuleType, program: str, run: dict) -> tuple:
    jnp = jax.numpy

    def loss(w, b, x, y):
        logits = x @ w + b
        if program == "seed-mse-softmax":
            return jnp.mean(jnp.mean((y - jax.nn.softmax(logits, axis=1)) ** 2, axis=1))
        return -jnp.mean(jnp.sum(y * jax.nn.log_softmax(logits, axis=1), axis=1))

    x, w, b, y = (jnp.asarray(run["inputs"][k], dtype=jnp.float32) for k in "xwby")
    value, (dw, db) = jax.value_and_grad(loss, argnums=(0, 1))(w, b, x, y)
    return np.asarray(value), np.asarray(dw), np.asarray(db)


@pytest.mark.parametrize("backend", ["torch", "jax"])
@pytest.mark.parametrize("program", ["seed-mse-softmax", "seed-ce-logits"])
def test_seed_program_gradients_equal_torch_and_jax_autodiff(compiled, backend, program) -> None:
    module = framework(backend)
    rng = np.random.default_rng(11)
    B, D, C = 16, 8, 5
    labels = rng.integers(0, C, size=B)
    inputs = {"x": rng.standard_normal((B, D)), "w": rng.standard_normal((D, C)), "b": rng.standard_normal(C),
              "y": np.eye(C)[labels]}
    run = {"inputs": {k: v.astype(np.float32) for k, v in inputs.items()}, "labels": labels}
    value, dw, db = (torch_program if backend == "torch" else jax_program)(module, program, run)
    loss, grads = compiled[program].value_and_grad(**run["inputs"])
    assert_close(loss, value, f"{program} loss vs {backend}")
    assert_close(grads["w"], dw, f"{program} dL/dw vs {backend}")
    assert_close(grads["b"], db, f"{program} dL/db vs {backend}")
