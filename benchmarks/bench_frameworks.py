"""Speed of symgrad's torch and JAX targets against each framework's own autodiff of the same loss.

Run by hand (not part of pytest), one thread per framework:

    python benchmarks/bench_frameworks.py --write

For ``seed-ce-logits`` and ``seed-mse-softmax`` at the four sizes of ``bench_compiled.py``, float32 and
float64, on the CPU, each implementation computes the loss and the gradients with respect to w and b:

- torch: ``to_torch`` (forward, then ``backward()``) against the hand-written loss under torch eager
  autograd and under ``torch.compile`` (inductor, compiled once per cell before timing);
- JAX: ``jax.jit(jax.value_and_grad(to_jax(...)))`` (labels checked outside: ``check_constraints=False``)
  against ``jax.jit(jax.value_and_grad(hand-written loss))``.

Every implementation is first checked against its framework's reference (float64 to 1e-8, float32 to
1e-3 relative to the largest element). Times are medians of single calls, in rounds that call every
implementation once in a shuffled order, so that changes in machine load fall on all of them alike.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import jax
import jax.numpy as jnp
import numpy as np
import torch

import symgrad
from symgrad.targets.jax import to_jax
from symgrad.targets.torch import to_torch

HERE = Path(__file__).resolve().parent
SIZES = [(32, 64, 10), (256, 784, 10), (4096, 784, 10), (1024, 512, 1000)]
DTYPES = ["float32", "float64"]
ENTRIES = ["seed-ce-logits", "seed-mse-softmax"]
jax.config.update("jax_enable_x64", True)
torch.set_num_threads(1)


READING = """Where symgrad is slower (ratio above 1), and why:

- **torch, the two small sizes, against eager autograd**: per-call overhead, not arithmetic. symgrad's
  function runs in Python: the argument test, the one-hot check of `y` for `seed-ce-logits` (a
  reduction and a host sync; `check_constraints=False` skips it), `torch.autograd.Function.apply` and a
  Python `backward`; eager autograd runs its backward in C++. About 60-100 microseconds a call.
- **torch, (1024, 512, 1000)**: the forward computes loss and closed-form gradients together in
  separate elementwise passes (shift, exp, sum, divide, `p - y`, the loss contraction) over the
  1024 x 1000 logits, plus the constraint check's passes over `y`; torch's fused `log_softmax`
  forward and backward kernels make fewer passes. The two matrix products, most of the time, are the
  same in both.
- **JAX**: under `jax.jit` both sides are one XLA program of nearly the same operations, so the
  ratios are ties within this machine's noise, in both directions.
"""


def hand_loss(entry: str, x, w, b, y, lib):
    """The loss as a person writes it in torch or jax.numpy (``lib``)."""
    z = x @ w + b
    if lib is torch:
        log_p = torch.log_softmax(z, dim=-1)
        p = torch.softmax(z, dim=-1)
    else:
        log_p = jax.nn.log_softmax(z, axis=-1)
        p = jax.nn.softmax(z, axis=-1)
    if entry == "seed-ce-logits":
        return -(y * log_p).sum() / x.shape[0]
    return ((p - y) ** 2).sum() / (x.shape[0] * w.shape[1])


def torch_impls(entry: str, a: dict) -> dict:
    ft = to_torch(symgrad.compile(entry))
    x, y = a["x"], a["y"]
    w, b = a["w"].clone().requires_grad_(), a["b"].clone().requires_grad_()

    def run(loss_fn):
        def call():
            w.grad = b.grad = None
            loss = loss_fn(w, b)
            loss.backward()
            return loss.detach(), w.grad, b.grad
        return call

    compiled = torch.compile(lambda w, b: hand_loss(entry, x, w, b, y, torch))
    return {"symgrad torch": run(lambda w, b: ft(x=x, w=w, b=b, y=y)),
            "torch eager": run(lambda w, b: hand_loss(entry, x, w, b, y, torch)),
            "torch.compile": run(compiled)}


def jax_impls(entry: str, a: dict) -> dict:
    fj = to_jax(symgrad.compile(entry))
    ours = jax.jit(jax.value_and_grad(lambda w, b, x, y: fj(x=x, w=w, b=b, y=y, check_constraints=False), (0, 1)))
    hand = jax.jit(jax.value_and_grad(lambda w, b, x, y: hand_loss(entry, x, w, b, y, jnp), (0, 1)))

    def run(f):
        def call():
            loss, (gw, gb) = f(a["w"], a["b"], a["x"], a["y"])
            gw.block_until_ready()
            gb.block_until_ready()
            return loss, gw, gb
        return call

    return {"symgrad jax": run(ours), "jax.jit": run(hand)}


def agree(got, want, dtype: str) -> None:
    for g, r in zip(got, want):
        g, r = np.asarray(g, dtype=np.float64), np.asarray(r, dtype=np.float64)
        tol = {"float64": 1e-8, "float32": 1e-3}[dtype] * max(1.0, np.abs(r).max())
        if np.abs(g - r).max() > tol:
            raise SystemExit(f"disagreement beyond {tol:.1e}: {np.abs(g - r).max():.3e}")


def time_cell(impls: dict, budget: float) -> dict:
    for f in impls.values():
        f()
        f()
    once = {k: _time(f) for k, f in impls.items()}
    rounds = max(5, min(200, int(budget / max(sum(once.values()), 1e-6))))
    times: dict = {k: [] for k in impls}
    names = list(impls)
    for _ in range(rounds):
        random.shuffle(names)
        for k in names:
            times[k].append(_time(impls[k]))
    return {k: statistics.median(v) for k, v in times.items()}


def _time(f) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def cell(entry: str, size: tuple, dtype: str, budget: float) -> dict:
    B, D, C = size
    rng = np.random.default_rng(0)
    arrays = {"x": rng.normal(size=(B, D)), "w": rng.normal(size=(D, C)) * 0.05, "b": rng.normal(size=C) * 0.05,
              "y": np.eye(C)[rng.integers(0, C, B)]}
    arrays = {k: v.astype(dtype) for k, v in arrays.items()}
    t = torch_impls(entry, {k: torch.from_numpy(v) for k, v in arrays.items()})
    j = jax_impls(entry, {k: jnp.asarray(v) for k, v in arrays.items()})
    agree(t["symgrad torch"](), t["torch eager"](), dtype)
    agree(t["torch.compile"](), t["torch eager"](), dtype)
    agree(j["symgrad jax"](), j["jax.jit"](), dtype)
    return time_cell({**t, **j}, budget)


def table(results: list) -> str:
    head = ("| entry | B, D, C | dtype | symgrad torch | torch eager | torch.compile | symgrad / eager | "
            "symgrad / compile | symgrad jax | jax.jit | symgrad / jax.jit |")
    lines = [head, "|" + "---|" * 11]
    for entry, size, dtype, r in results:
        ms = {k: v * 1e3 for k, v in r.items()}
        lines.append(f"| {entry} | {', '.join(map(str, size))} | {dtype} | {ms['symgrad torch']:.3f} | "
                     f"{ms['torch eager']:.3f} | {ms['torch.compile']:.3f} | "
                     f"{r['symgrad torch'] / r['torch eager']:.2f} | {r['symgrad torch'] / r['torch.compile']:.2f} | "
                     f"{ms['symgrad jax']:.3f} | {ms['jax.jit']:.3f} | {r['symgrad jax'] / r['jax.jit']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=0.5, help="seconds of timed calls per cell (default 0.5)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/frameworks.md")
    args = parser.parse_args()
    results = []
    for entry in ENTRIES:
        for size in SIZES:
            for dtype in DTYPES:
                r = cell(entry, size, dtype, args.budget)
                results.append((entry, size, dtype, r))
                print(entry, size, dtype, {k: f"{v * 1e3:.3f} ms" for k, v in r.items()}, flush=True)
    text = table(results)
    print(text)
    if args.write:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        header = (f"# Framework targets: speed (CPU)\n\nMade by `python benchmarks/bench_frameworks.py --budget "
                  f"{args.budget} --write` on {stamp}: {platform.machine()}, {os.cpu_count()} CPUs, Python "
                  f"{sys.version.split()[0]}, torch {torch.__version__}, jax {jax.__version__}, one thread per framework. "
                  f"**The machine was shared with other jobs** (load average {load} at the end, on {os.cpu_count()} "
                  "CPUs): rounds interleave the implementations so load falls on all alike, but single cells move "
                  "by 20-50 % between runs; read ratios within 0.8-1.25 as ties. Times in ms, medians of loss + "
                  "gradients with respect to w and b; ratios below 1 mean symgrad is faster. Every implementation "
                  "was first checked against its framework's own autodiff (float64 to 1e-8, float32 to 1e-3).\n\n")
        (HERE / "frameworks.md").write_text(header + text + "\n\n" + READING)


if __name__ == "__main__":
    main()
