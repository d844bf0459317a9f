"""Speed of symgrad's compiled ``seed-ce-logits`` value_and_grad against hand-written NumPy and autodiff.

Run by hand (not part of pytest), with OpenBLAS's core-type overrides removed for this command alone:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/bench_compiled.py --write

Every implementation computes the loss L = -1/B sum_n sum_c y_nc log softmax(x w + b)_nc and its
gradients with respect to w and b, and is first checked against the hand-written NumPy version
(float64 to 1e-10, float32 to 1e-4 relative to the largest element). Times are medians of single
calls after two warm-up calls, taken in rounds that call every implementation once in a shuffled
order (at least 5 rounds, about ``--budget`` seconds per implementation and cell), so that changes
in machine load fall on all of them alike. The matmul floor is the time the two unavoidable matrix products (x @ w and x.T @ g: 4 B D C flops) take at
the peak rate measured for ``numpy.matmul`` on this machine.

SymPy's naive ``lambdify`` evaluates the same definitions and derivative results written with Sums:
each becomes a Python generator loop, called once per output element. It runs only where its
estimated time per call (scaled from the smallest size by the number of loop iterations) is under
``--sympy-cap`` seconds, once per cell.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SIZES = [(32, 64, 10), (256, 784, 10), (4096, 784, 10), (1024, 512, 1000)]
DTYPES = ["float32", "float64"]
Impl = Callable[[dict], tuple]


def hand_numpy(a: dict) -> tuple:
    """The stable hand-written NumPy reference (the one the compiler must match within 1.10x)."""
    x, w, b, y = a["x"], a["w"], a["b"], a["y"]
    B = x.shape[0]
    z = x @ w + b
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    s = e.sum(axis=1, keepdims=True)
    p = e / s
    L = -(y * (z - np.log(s))).sum() / B
    g = (p - y) / B
    return L, {"w": x.T @ g, "b": g.sum(axis=0)}


def symgrad_impl() -> Impl:
    import symgrad

    f = symgrad.compile("seed-ce-logits")
    return lambda a: f.value_and_grad(x=a["x"], w=a["w"], b=a["b"], y=a["y"])


def torch_impl() -> Impl:
    import torch

    def run(a: dict) -> tuple:
        x, y = a["t_x"], a["t_y"]
        w, b = a["t_w"].requires_grad_(True), a["t_b"].requires_grad_(True)
        loss = -(y * torch.log_softmax(x @ w + b, dim=1)).sum() / x.shape[0]
        gw, gb = torch.autograd.grad(loss, [w, b])
        return loss.detach().numpy(), {"w": gw.numpy(), "b": gb.numpy()}

    return run


def jax_impl() -> Impl:
    import jax
    import jax.numpy as jnp

    def loss(w, b, x, y):
        return -jnp.sum(y * jax.nn.log_softmax(x @ w + b, axis=1)) / x.shape[0]

    f = jax.jit(jax.value_and_grad(loss, argnums=(0, 1)))

    def run(a: dict) -> tuple:
        value, (gw, gb) = f(a["j_w"], a["j_b"], a["j_x"], a["j_y"])
        gw.block_until_ready()
        return value, {"w": gw, "b": gb}

    return run


def autograd_impl() -> Impl:
    import autograd
    import autograd.numpy as anp

    def loss(params, x, y):
        w, b = params
        z = x @ w + b
        z = z - anp.max(z, axis=1, keepdims=True)
        return -anp.sum(y * (z - anp.log(anp.sum(anp.exp(z), axis=1, keepdims=True)))) / x.shape[0]

    f = autograd.value_and_grad(loss)

    def run(a: dict) -> tuple:
        value, (gw, gb) = f((a["w"], a["b"]), a["x"], a["y"])
        return value, {"w": gw, "b": gb}

    return run


class SympyNaive:
    """The seed-ce-logits definitions and derivative results, each lambdified with its Sums as Python loops."""

    def __init__(self) -> None:
        import sympy as sp

        import symgrad
        from symgrad.tensors import name_of

        d = symgrad.derive("seed-ce-logits")
        self.sizes = ["B", "C", "D"]
        self.parts = []  # (name, free indices, function) in evaluation order
        items = [(df.name, df.indices, df.rhs) for df in d.graph.definitions]
        items += [(f"d{r.wrt}", r.free_indices, r.expr) for r in d.results]
        names = [name_of(t) for t in d.graph.inputs] + [df.name for df in d.graph.definitions]
        for name, free, expr in items:
            # 1-based indices in the vocabulary; NumPy arrays are 0-based
            expr = expr.replace(lambda e: isinstance(e, sp.Indexed),
                                lambda e: e.base[tuple(i - 1 for i in e.indices)])
            expr = expr.xreplace({i: i.label for i in expr.atoms(sp.Idx)})
            args = [sp.Symbol(n) for n in names] + [i.label for i in free] + [sp.Symbol(s) for s in self.sizes]
            expr = expr.xreplace({s: sp.Symbol(s.name) for s in expr.free_symbols if s.name in self.sizes + names})
            self.parts.append((name, free, sp.lambdify(args, expr, modules="numpy")))
        self.names = names

    def __call__(self, a: dict) -> tuple:
        sizes = {"B": a["x"].shape[0], "D": a["x"].shape[1], "C": a["w"].shape[1]}
        values = {n: a[n] for n in ("x", "w", "b", "y")}
        for name, free, f in self.parts:
            fixed = [values.get(n) for n in self.names]
            size = [sizes[s] for s in self.sizes]
            if not free:
                values[name] = f(*fixed, *size)
                continue
            shape = tuple(sizes[str(i.upper)] for i in free)
            out = np.empty(shape, dtype=a["x"].dtype)
            for pos in np.ndindex(*shape):
                out[pos] = f(*fixed, *(k + 1 for k in pos), *size)
            values[name] = out
        return values["L"], {"w": values["dw"], "b": values["db"]}

    @staticmethod
    def iterations(B: int, D: int, C: int) -> int:
        """Python loop iterations per call: z (B C D), p (B C C), L (B C), dw (D C B), db (C B)."""
        return B * C * D + B * C * C + B * C + D * C * B + C * B


def inputs(B: int, D: int, C: int, dtype: str, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    a = {"x": rng.standard_normal((B, D)), "w": rng.standard_normal((D, C)) / np.sqrt(D),
         "b": rng.standard_normal(C), "y": np.eye(C)[rng.integers(0, C, B)]}
    return {k: v.astype(dtype) for k, v in a.items()}


def add_framework_arrays(a: dict) -> None:
    """Framework copies made once, outside the timed calls."""
    try:
        import torch

        for k in "xwby":
            a[f"t_{k}"] = torch.from_numpy(a[k].copy())
    except ImportError:
        pass
    try:
        import jax.numpy as jnp

        for k in "xwby":
            a[f"j_{k}"] = jnp.asarray(a[k])
    except ImportError:
        pass


def median_time(f: Impl, a: dict, budget: float, min_runs: int = 5, warmup: int = 2) -> tuple[float, int]:
    for _ in range(warmup):
        f(a)
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < min_runs or (time.perf_counter() - start < budget and len(times) < 1000):
        t0 = time.perf_counter()
        f(a)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(times)


def interleaved_medians(impls: dict[str, Impl], a: dict, budget: float, min_rounds: int = 5) -> dict:
    """Median time of each implementation, timed in rounds that call each once in a shuffled order.

    Interleaving spreads any change in machine load (other processes on the 2 cores) over all of them.
    """
    for f in impls.values():
        f(a)
        f(a)
    rng = np.random.default_rng(0)
    labels = list(impls)
    times: dict[str, list[float]] = {k: [] for k in labels}
    start = time.perf_counter()
    rounds = 0
    while rounds < min_rounds or (time.perf_counter() - start < budget * len(labels) and rounds < 1000):
        for k in rng.permutation(labels):
            t0 = time.perf_counter()
            impls[k](a)
            times[k].append(time.perf_counter() - t0)
        rounds += 1
    return {k: (statistics.median(v), len(v), min(v)) for k, v in times.items()}


def matmul_peak(dtype: str, n: int = 2048) -> float:
    """flop/s of numpy.matmul on square n x n matrices (median of 5)."""
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((n, n)).astype(dtype), rng.standard_normal((n, n)).astype(dtype)
    t, _ = median_time(lambda _: a @ b, {}, budget=1.0, min_runs=5, warmup=1)
    return 2 * n**3 / t


def agrees(result: tuple, reference: tuple, dtype: str) -> bool:
    rtol = 1e-10 if dtype == "float64" else 1e-4
    pairs = [(result[0], reference[0])] + [(result[1][k], reference[1][k]) for k in ("w", "b")]
    return all(np.allclose(np.asarray(got, dtype=np.float64), want, rtol=rtol,
                           atol=rtol * float(np.abs(want).max())) for got, want in pairs)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    core = ""
    try:
        from threadpoolctl import threadpool_info

        core = ", ".join(f"{i.get('internal_api')} {i.get('architecture')} x{i.get('num_threads')}"
                         for i in threadpool_info() if i.get("user_api") == "blas")
    except ImportError:
        core = "threadpoolctl not installed: kernel not queried"
    versions = [f"Python {platform.python_version()}", f"NumPy {np.__version__}"]
    for package in ("sympy", "torch", "jax", "autograd"):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    overrides = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
    return (f"{cpu}, {os.cpu_count()} cores; {platform.platform()}; BLAS {blas.get('name')} {blas.get('version')} "
            f"({core}); OpenBLAS overrides: {overrides or 'none'}; {'; '.join(versions)}")


def limit_threads(n: int) -> None:
    """Every implementation on ``n`` threads: OpenBLAS (NumPy, autograd, SymPy), torch, and XLA (set before jax loads)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(n)
    flags = f"--xla_cpu_multi_thread_eigen={'true' if n > 1 else 'false'} intra_op_parallelism_threads={n}"
    os.environ["XLA_FLAGS"] = f"{os.environ.get('XLA_FLAGS', '')} {flags}".strip()
    try:
        import torch

        torch.set_num_threads(n)
    except ImportError:
        pass


def replace_section(path: Path, section: str, body: str) -> None:
    """Replace the text between ``<!-- section:start -->`` and ``<!-- section:end -->`` in ``path``."""
    text = path.read_text()
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{body}\n{end}{tail}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--budget", type=float, default=1.0, help="seconds of timed calls per cell (default 1)")
    p.add_argument("--sympy-cap", type=float, default=30.0, help="largest estimated seconds per SymPy call to run")
    p.add_argument("--threads", type=int, default=1,
                   help="threads for BLAS, torch and XLA (default 1: steadier on a shared 2-core machine)")
    p.add_argument("--write", action="store_true", help="write the tables into benchmarks/README.md")
    args = p.parse_args()
    limit_threads(args.threads)

    impls: dict[str, Impl] = {"hand NumPy": hand_numpy, "symgrad": symgrad_impl()}
    for label, make in (("torch eager", torch_impl), ("jax.jit(value_and_grad)", jax_impl),
                        ("autograd", autograd_impl)):
        try:
            impls[label] = make()
        except ImportError as e:
            print(f"skipping {label}: {e}", file=sys.stderr)
    try:
        import jax

        jax.config.update("jax_enable_x64", True)
    except ImportError:
        pass
    naive = SympyNaive()
    start_load = os.getloadavg()[0]
    peaks = {dt: matmul_peak(dt) for dt in DTYPES}
    sympy_rate = None  # seconds per loop iteration, from the smallest size
    rows = []
    for dtype in DTYPES:
        for B, D, C in SIZES:
            a = inputs(B, D, C, dtype)
            add_framework_arrays(a)
            reference = hand_numpy(a)
            right = {label: f for label, f in impls.items() if agrees(f(a), reference, dtype)}
            cell: dict[str, tuple[float, int, float] | str] = {label: "WRONG" for label in impls if label not in right}
            cell.update(interleaved_medians(right, a, args.budget))
            estimate = sympy_rate * SympyNaive.iterations(B, D, C) if sympy_rate else 0.0
            if estimate <= args.sympy_cap:
                t0 = time.perf_counter()
                result = naive(a)
                elapsed = time.perf_counter() - t0
                sympy_rate = sympy_rate or elapsed / SympyNaive.iterations(B, D, C)
                cell["SymPy lambdify (loops)"] = (elapsed, 1, elapsed) if agrees(result, reference, dtype) else "WRONG"
            else:
                cell["SymPy lambdify (loops)"] = f"not run (~{estimate:.0f} s est.)"
            floor = 4 * B * D * C / peaks[dtype]
            rows.append((dtype, (B, D, C), cell, floor))
            print(dtype, (B, D, C), {k: v if isinstance(v, str) else f"{v[0] * 1e3:.3f} ms" for k, v in cell.items()},
                  f"floor {floor * 1e3:.3f} ms", file=sys.stderr, flush=True)

    labels = list(impls) + ["SymPy lambdify (loops)"]
    lines = ["| dtype | B, D, C | matmul floor | " + " | ".join(labels) + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in labels) + " |"]
    for dtype, size, cell, floor in rows:
        hand = cell["hand NumPy"][0]
        entries = []
        for label in labels:
            v = cell[label]
            entries.append(v if isinstance(v, str) else f"{_ms(v[0])} ({v[0] / hand:.2f}x)")
        lines.append(f"| {dtype} | {', '.join(map(str, size))} | {_ms(floor)} ({floor / hand:.2f}x) | "
                     + " | ".join(entries) + " |")
    target = ["", ("symgrad against hand-written NumPy (target: at most 1.10x), as the ratio of the medians and, "
                   "less sensitive to other processes, of the fastest calls:"), "",
              "| dtype | B, D, C | median ratio | fastest-call ratio | calls each |", "| --- | --- | ---: | ---: | ---: |"]
    for dtype, size, cell, _ in rows:
        ours, hand = cell["symgrad"], cell["hand NumPy"]
        if isinstance(ours, str):
            target.append(f"| {dtype} | {', '.join(map(str, size))} | {ours} | | |")
            continue
        target.append(f"| {dtype} | {', '.join(map(str, size))} | {ours[0] / hand[0]:.3f}x | {ours[2] / hand[2]:.3f}x "
                      f"| {ours[1]} |")
    stamp = datetime.date.today().isoformat()
    peak = ", ".join(f"{dt} {peaks[dt] / 1e9:.1f} GFLOP/s" for dt in DTYPES)
    load = f"load average (1 min) {start_load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"
    table = "\n".join([f"Measured {stamp} on: {machine()}; {load}; {args.threads} thread(s) for every implementation.",
                        "",
                       f"numpy.matmul peak (2048 x 2048): {peak}.", "",
                       ("Median time per `value_and_grad` call, and in brackets the ratio to hand-written NumPy "
                        "(lower is faster):"), ""] + lines + target)
    print(table)
    if args.write:
        replace_section(HERE / "README.md", "compiled", table)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:.3g} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.3g} µs"


if __name__ == "__main__":
    main()
