"""The framework targets: symgrad's closed-form gradients inside torch autograd, jax.grad and array-API code.

References are the same losses written by hand in each framework and differentiated by its own
autodiff (torch.autograd, jax.grad, HIPS autograd), never symgrad's output. A framework that is not
installed skips its tests, unless SYMGRAD_REQUIRE_BACKENDS=1 (then they fail).
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import os

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad
from symgrad import ShapeError

REQUIRE = os.environ.get("SYMGRAD_REQUIRE_BACKENDS") == "1"
TOL = {"float64": 1e-10, "float32": 1e-4}  # relative to the largest element of the reference
SEEDS = ["seed-ce-logits", "seed-mse-softmax"]


@functools.cache
def compiled(entry: str):
    return symgrad.compile(entry)


def need(module: str):
    return importlib.import_module(module) if REQUIRE else pytest.importorskip(module)


def seed_arrays(dtype: str, B: int = 6, D: int = 5, C: int = 4, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    return {"x": rng.normal(size=(B, D)).astype(dtype), "w": rng.normal(size=(D, C)).astype(dtype),
            "b": rng.normal(size=C).astype(dtype), "y": np.eye(C, dtype=dtype)[rng.integers(0, C, B)]}


def hand_seed_loss(entry: str, x, w, b, y, ops):
    """The seed's two losses as a person writes them: ``ops`` gives matmul, logsumexp, exp, sum."""
    z = ops.matmul(x, w) + b
    log_p = z - ops.logsumexp(z)
    if entry == "seed-ce-logits":
        return -ops.sum(y * log_p) / x.shape[0]
    return ops.sum((ops.exp(log_p) - y) ** 2) / (x.shape[0] * w.shape[1])


class TorchOps:
    def __init__(self):
        self.torch = need("torch")

    def matmul(self, a, b):
        return a @ b

    def logsumexp(self, z):
        return self.torch.logsumexp(z, dim=-1, keepdim=True)

    def exp(self, z):
        return self.torch.exp(z)

    def sum(self, a):
        return a.sum()


class NumpyOps:
    def __init__(self, np_module):
        self.np = np_module

    def matmul(self, a, b):
        return self.np.dot(a, b)

    def logsumexp(self, z):
        m = self.np.max(z, axis=-1, keepdims=True)
        return m + self.np.log(self.np.sum(self.np.exp(z - m), axis=-1, keepdims=True))

    def exp(self, z):
        return self.np.exp(z)

    def sum(self, a):
        return self.np.sum(a)


def close(got, want, dtype: str) -> None:
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert np.abs(got - want).max() <= TOL[dtype] * max(1.0, np.abs(want).max()), (got, want)


# --- torch ---


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("entry", SEEDS)
def test_torch_backward_fills_grad_with_torch_autograd_of_the_hand_written_loss(entry, dtype):
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled(entry))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays(dtype).items()}
    w, b = a["w"].clone().requires_grad_(), a["b"].clone().requires_grad_()
    loss = ft(x=a["x"], w=w, b=b, y=a["y"])
    loss.backward()
    w_ref, b_ref = a["w"].clone().requires_grad_(), a["b"].clone().requires_grad_()
    ref = hand_seed_loss(entry, a["x"], w_ref, b_ref, a["y"], TorchOps())
    ref.backward()
    assert loss.dtype == w.grad.dtype == b.grad.dtype == getattr(torch, dtype)
    close(loss.detach(), ref.detach(), dtype)
    close(w.grad, w_ref.grad, dtype)
    close(b.grad, b_ref.grad, dtype)


def test_torch_bfloat16_stays_bfloat16_and_agrees_with_float64_to_bfloat16_precision():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    w = a["w"].to(torch.bfloat16).requires_grad_()
    loss = ft(x=a["x"].to(torch.bfloat16), w=w, b=a["b"].to(torch.bfloat16), y=a["y"].to(torch.bfloat16))
    loss.backward()
    w_ref = a["w"].clone().requires_grad_()
    hand_seed_loss("seed-ce-logits", a["x"], w_ref, a["b"], a["y"], TorchOps()).backward()
    assert loss.dtype == w.grad.dtype == torch.bfloat16
    assert torch.allclose(w.grad.double(), w_ref.grad, atol=5e-2 * float(w_ref.grad.abs().max()))


@pytest.mark.parametrize("entry", [*SEEDS, "softmax", "logsumexp", "cce-logits"])
def test_torch_function_passes_gradcheck(entry):
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    c = compiled(entry)
    ft = to_torch(c)
    arrays = seed_arrays("float64") if entry in SEEDS else {"a": np.random.default_rng(1).normal(size=(3, 4))}
    if entry == "logsumexp":
        arrays = {"z": arrays["a"]}
    if entry == "cce-logits":
        arrays = {"z": arrays["a"], "y": np.eye(4)[[0, 2, 3]]}
    tensors = {k: torch.from_numpy(v).requires_grad_(k in c.wrt) for k, v in arrays.items()}
    wrt = [tensors[k] for k in c.wrt]
    assert torch.autograd.gradcheck(lambda *vs: ft(**{**tensors, **dict(zip(c.wrt, vs))}), wrt)


def test_torch_two_layer_model_gradients_flow_through_cce_logits_into_the_first_layer():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    cce = to_torch(compiled("cce-logits"))
    torch.manual_seed(0)
    x, labels = torch.randn(8, 5, dtype=torch.float64), torch.randint(0, 3, (8,))
    layers = torch.nn.Sequential(torch.nn.Linear(5, 7), torch.nn.Tanh(), torch.nn.Linear(7, 3)).double()

    def grads(loss_of_logits):
        layers.zero_grad()
        z = layers(x)
        (0.5 * loss_of_logits(z).mean() + (z ** 2).mean()).backward()  # grad_output 0.5/B, plus another path
        return [p.grad.clone() for p in layers.parameters()]

    ours = grads(lambda z: cce(z=z, y=labels))
    ref = grads(lambda z: torch.nn.functional.cross_entropy(z, labels, reduction="none"))
    for g, r in zip(ours, ref):
        close(g, r, "float64")


def test_torch_input_without_a_derived_gradient_is_an_error_not_a_silent_zero():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    with pytest.raises(ShapeError, match="x asks for a gradient.*w, b only"):
        ft(**{**a, "x": a["x"].requires_grad_()})


def test_torch_second_derivatives_are_an_error_not_a_silent_zero():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    w = a["w"].clone().requires_grad_()
    (g,) = torch.autograd.grad(ft(**{**a, "w": w}), w, create_graph=True)
    with pytest.raises(RuntimeError):
        g.sum().backward()


def test_torch_labels_that_are_not_one_hot_are_refused_when_the_gradient_used_it():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    y = a["y"].clone()
    y[2] *= 0.5
    with pytest.raises(ShapeError, match=r"breaks the constraint .* at row \(2,\)"):
        ft(**{**a, "w": a["w"].requires_grad_(), "y": y})
    with pytest.raises(ShapeError, match=r"w has shape \(5, 3\) but z = b \+ \(x @ w\) needs \(5, 4\)"):
        ft(**{**a, "w": a["w"][:, :3]})


def test_torch_integer_labels_give_the_one_hot_loss():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float32").items()}
    assert ft(**{**a, "y": a["y"].argmax(-1)}).item() == pytest.approx(ft(**a).item(), rel=1e-6)


def test_torch_compile_traces_the_function_and_its_constraint_check_without_graph_breaks():
    torch = need("torch")
    from symgrad.targets.torch import to_torch

    ft = to_torch(compiled("seed-ce-logits"))
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    traced = torch.compile(lambda w, y: ft(x=a["x"], w=w, b=a["b"], y=y), backend="aot_eager", fullgraph=True)
    w = a["w"].clone().requires_grad_()
    traced(w, a["y"]).backward()
    w_ref = a["w"].clone().requires_grad_()
    hand_seed_loss("seed-ce-logits", a["x"], w_ref, a["b"], a["y"], TorchOps()).backward()
    close(w.grad, w_ref.grad, "float64")
    soft = a["y"].clone()
    soft[1] *= 0.5
    with pytest.raises(RuntimeError, match="y breaks the constraint sum_k y_nk = 1"):
        traced(w, soft)


def imports_of(source: str) -> set[str]:
    tree = ast.parse(source)
    return {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} | {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
        and node.module != "__future__"}  # a compiler directive, not a dependency


def load(source: str, name: str) -> dict:
    namespace: dict = {"__name__": name}
    exec(compile(source, name, "exec"), namespace)  # noqa: S102 - the module under test
    return namespace


def test_torch_module_source_imports_only_torch_and_computes_the_same_gradients():
    torch = need("torch")
    from symgrad.targets.torch import module_source

    source = module_source([compiled(e) for e in SEEDS], command="symgrad export --target torch")
    assert source.startswith("# Generated by symgrad") and imports_of(source) == {"math", "torch"}
    module = load(source, "torch_module")
    a = {k: torch.from_numpy(v) for k, v in seed_arrays("float64").items()}
    w = a["w"].clone().requires_grad_()
    module["seed_ce_logits"](**{**a, "w": w}).backward()
    w_ref = a["w"].clone().requires_grad_()
    hand_seed_loss("seed-ce-logits", a["x"], w_ref, a["b"], a["y"], TorchOps()).backward()
    close(w.grad, w_ref.grad, "float64")
    with pytest.raises(ValueError, match="unexpected argument 'W'"):
        module["seed_ce_logits"](**a, W=w)


# --- JAX ---


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("entry", SEEDS)
def test_jax_grad_agrees_with_jax_grad_of_the_hand_written_loss(entry, dtype):
    jax = need("jax")
    from symgrad.targets.jax import to_jax

    fj = to_jax(compiled(entry))
    with jax.enable_x64(dtype == "float64"):
        a = {k: jax.numpy.asarray(v) for k, v in seed_arrays(dtype).items()}
        x, w, b, y = a["x"], a["w"], a["b"], a["y"]
        value, grads = jax.value_and_grad(lambda w, b: fj(x=x, w=w, b=b, y=y), argnums=(0, 1))(w, b)
        ref_value, ref_grads = jax.value_and_grad(
            lambda w, b: hand_seed_loss(entry, x, w, b, y, NumpyOps(jax.numpy)), argnums=(0, 1))(w, b)
        assert value.dtype == grads[0].dtype == np.dtype(dtype)
    close(value, ref_value, dtype)
    for g, r in zip(grads, ref_grads):
        close(g, r, dtype)


def test_jax_function_jits_vmaps_and_nests_in_jax_grad():
    jax = need("jax")
    jnp = jax.numpy
    from symgrad.targets.jax import to_jax

    fj = to_jax(compiled("seed-ce-logits"))
    a = {k: jnp.asarray(v) for k, v in seed_arrays("float32").items()}
    x, y = a["x"], a["y"]

    @jax.jit
    def step(w, b, x, y):  # a training step: labels are traced, so they are checked outside
        loss, (gw, gb) = jax.value_and_grad(lambda w, b: fj(x=x, w=w, b=b, y=y, check_constraints=False),
                                            argnums=(0, 1))(w, b)
        return loss, w - 0.1 * gw, b - 0.1 * gb

    def hand(w, b):
        return hand_seed_loss("seed-ce-logits", x, w, b, y, NumpyOps(jnp))

    loss, w1, b1 = step(a["w"], a["b"], x, y)
    gw, gb = jax.grad(hand, argnums=(0, 1))(a["w"], a["b"])
    close(loss, hand(a["w"], a["b"]), "float32")
    close(w1, a["w"] - 0.1 * gw, "float32")
    close(b1, a["b"] - 0.1 * gb, "float32")
    ws = jnp.stack([a["w"], 2 * a["w"]])
    batched = jax.vmap(jax.grad(lambda w: fj(x=x, w=w, b=a["b"], y=y, check_constraints=False)))(ws)
    close(batched[1], jax.grad(hand)(2 * a["w"], a["b"]), "float32")


def test_jax_hessian_differentiates_through_the_closed_form_gradient():
    jax = need("jax")
    from symgrad.targets.jax import to_jax

    fj = to_jax(compiled("seed-mse-softmax"))
    with jax.enable_x64(True):
        a = {k: jax.numpy.asarray(v) for k, v in seed_arrays("float64", B=3, D=2, C=3).items()}
        ours = jax.hessian(lambda w: fj(x=a["x"], w=w, b=a["b"], y=a["y"]))(a["w"])
        ref = jax.hessian(lambda w: hand_seed_loss("seed-mse-softmax", a["x"], w, a["b"], a["y"], NumpyOps(jax.numpy)))(
            a["w"])
    close(ours, ref, "float64")


def test_jax_traced_labels_ask_for_check_constraints_false():
    jax = need("jax")
    from symgrad.targets.jax import to_jax

    fj = to_jax(compiled("seed-ce-logits"))
    a = {k: jax.numpy.asarray(v) for k, v in seed_arrays("float32").items()}
    with pytest.raises(ShapeError, match="y is traced.*check_constraints=False"):
        jax.jit(jax.grad(lambda w, y: fj(x=a["x"], w=w, b=a["b"], y=y)))(a["w"], a["y"])
    with pytest.raises(ShapeError, match="x asks for a gradient"):
        jax.grad(lambda x: fj(x=x, w=a["w"], b=a["b"], y=a["y"]))(a["x"])


def test_jax_module_source_imports_only_jax():
    jax = need("jax")
    from symgrad.targets.jax import module_source

    source = module_source(compiled("seed-mse-softmax"))
    assert imports_of(source) == {"functools", "math", "jax"}
    f = load(source, "jax_module")["seed_mse_softmax"]
    a = {k: jax.numpy.asarray(v) for k, v in seed_arrays("float32").items()}
    got = jax.grad(lambda b: f(x=a["x"], w=a["w"], b=b, y=a["y"]))(a["b"])
    want = jax.grad(lambda b: hand_seed_loss("seed-mse-softmax", a["x"], a["w"], b, a["y"], NumpyOps(jax.numpy)))(a["b"])
    close(got, want, "float32")


# --- array API ---


@pytest.mark.parametrize("entry", SEEDS)
def test_array_api_function_runs_on_numpy_torch_and_jax_arrays_and_agrees_with_autograd(entry):
    from symgrad.targets.array_api import to_array_api

    f = to_array_api(compiled(entry))
    a = seed_arrays("float64")
    ref_value = hand_seed_loss(entry, a["x"], a["w"], a["b"], a["y"], NumpyOps(anp))
    ref = autograd.grad(lambda w, b: hand_seed_loss(entry, a["x"], w, b, a["y"], NumpyOps(anp)), argnum=(0, 1))(
        a["w"], a["b"])
    libraries = [("numpy", np.asarray)]
    # torch tensors carry no __array_namespace__: array_api_compat gives theirs
    for name, deps in (("torch", ("torch", "array_api_compat")), ("jax", ("jax",))):
        if REQUIRE or all(importlib.util.find_spec(d) for d in deps):
            module = importlib.import_module(name)
            libraries.append((name, module.from_numpy if name == "torch" else module.numpy.asarray))
    for name, to_array in libraries:
        if name == "jax":
            import jax

            context = jax.enable_x64(True)
        else:
            context = _nothing()
        with context:
            value, grads = f(**{k: to_array(v) for k, v in a.items()})
            assert type(grads["w"]).__module__.split(".")[0] == type(to_array(a["w"])).__module__.split(".")[0]
            close(value, ref_value, "float64")
            close(np.asarray(grads["w"]), ref[0], "float64")
            close(np.asarray(grads["b"]), ref[1], "float64")


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_array_api_module_source_imports_no_array_library():
    from symgrad.targets.array_api import module_source

    source = module_source(compiled("seed-ce-logits"))
    assert imports_of(source) <= {"math", "array_api_compat"}
    f = load(source, "xp_module")["seed_ce_logits"]
    a = seed_arrays("float32")
    value, grads = f(**a)
    ref = autograd.value_and_grad(lambda w: hand_seed_loss("seed-ce-logits", a["x"], w, a["b"], a["y"], NumpyOps(anp)))
    ref_value, ref = ref(a["w"])
    assert grads["w"].dtype == value.dtype == np.float32
    close(value, ref_value, "float32")
    close(grads["w"], ref, "float32")
