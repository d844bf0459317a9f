"""symgrad's compiled backward passes against hand-written NumPy ones (CS231n style) for batchnorm, layernorm,
attention and GELU (both forms): the loss and every gradient from the inputs, both sides computing the forward pass
they need. The hand-written erf-form GELU calls SciPy's erf; symgrad's NumPy code has only NumPy (functions.py).

Run by hand: python benchmarks/bench_layers.py [--write FILE]. Each round times both sides back to back; the table
gives each side's best round and the median of the per-round ratios (symgrad / hand-written: below 1 means symgrad
is faster), both robust to a machine shared with other work. benchmarks/layers.md holds three such runs side by
side (default allocator; MALLOC_MMAP_THRESHOLD_ set so temporaries stay on the heap; see its header).
"""

from __future__ import annotations

import argparse
import os
import platform
import timeit
from collections.abc import Callable

# one BLAS thread on each side: on a shared machine a threaded matmul measures the neighbours, not the code
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # after the thread settings, which NumPy reads on import
from scipy.special import erf

import symgrad


def batchnorm_by_hand(x, g, gamma, beta, epsilon):
    n = x.shape[0]
    mu = x.mean(axis=0)
    xc = x - mu
    std = np.sqrt((xc**2).mean(axis=0) + epsilon)
    xhat = xc / std
    loss = np.vdot(g, gamma * xhat + beta)
    dxhat = g * gamma
    dx = (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0)) / (n * std)
    return loss, {"x": dx, "gamma": (g * xhat).sum(axis=0), "beta": g.sum(axis=0)}


def layernorm_by_hand(x, g, gamma, beta, epsilon):
    d = x.shape[1]
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    std = np.sqrt((xc**2).mean(axis=1, keepdims=True) + epsilon)
    xhat = xc / std
    loss = np.vdot(g, gamma * xhat + beta)
    dxhat = g * gamma
    dx = (d * dxhat - dxhat.sum(axis=1, keepdims=True) - xhat * (dxhat * xhat).sum(axis=1, keepdims=True)) / (d * std)
    return loss, {"x": dx, "gamma": (g * xhat).sum(axis=0), "beta": g.sum(axis=0)}


def attention_by_hand(Q, K, V, G):
    scale = 1 / np.sqrt(Q.shape[1])
    S = Q @ K.T * scale
    A = np.exp(S - S.max(axis=1, keepdims=True))
    A /= A.sum(axis=1, keepdims=True)
    loss = np.vdot(G, A @ V)
    dA = G @ V.T
    dS = A * (dA - (A * dA).sum(axis=1, keepdims=True))
    return loss, {"Q": dS @ K * scale, "K": dS.T @ Q * scale, "V": A.T @ G}


def gelu_by_hand(x, g):
    c = np.sqrt(2 / np.pi)
    t = np.tanh(c * (x + 0.044715 * x * x * x))  # not x**3: NumPy sends a cube to pow(), ~300x slower
    loss = np.vdot(g, 0.5 * x * (1 + t))
    return loss, {"x": g * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x))}


def gelu_erf_by_hand(x, g):
    phi = 0.5 * (1 + erf(x / np.sqrt(2)))
    loss = np.vdot(g, x * phi)
    return loss, {"x": g * (phi + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi))}


def _inputs(name: str, rng: np.random.Generator) -> dict[str, np.ndarray]:
    r = rng.standard_normal
    if name == "attention":
        return {"Q": r((256, 64)), "K": r((256, 64)), "V": r((256, 64)), "G": r((256, 64))}
    if name.startswith("gelu"):
        return {"x": r((256, 512)), "g": r((256, 512))}
    return {"x": r((256, 512)) + 3.0, "g": r((256, 512)), "gamma": r(512), "beta": r(512),
            "epsilon": np.float64(1e-5)}


CASES: dict[str, tuple[str, Callable]] = {
    "batchnorm": ("x [256, 512], per feature over the batch", batchnorm_by_hand),
    "layernorm": ("x [256, 512], per sample over the features", layernorm_by_hand),
    "attention": ("Q, K, V, G [256, 64]", attention_by_hand),
    "gelu": ("x, g [256, 512]", gelu_by_hand),
    "gelu-erf": ("x, g [256, 512]", gelu_erf_by_hand),
}


def _time(fn: Callable, arrays: dict, number: int) -> float:
    return timeit.timeit(lambda: fn(**arrays), number=number) / number


def measure(rounds: int = 40, number: int = 10) -> list[tuple[str, str, float, float, float]]:
    """Per layer: the best time of each side and the median of the per-round ratios (each round times both
    sides back to back, so a busy moment of the machine hits both)."""
    rows = []
    for name, (shape, by_hand) in CASES.items():
        arrays = _inputs(name, np.random.default_rng(0))
        f = symgrad.compile(name)
        mine, hand = f.value_and_grad(**arrays), by_hand(**arrays)
        for w in hand[1]:  # same numbers before timing anything
            np.testing.assert_allclose(mine[1][w], hand[1][w], rtol=1e-9, atol=1e-9 * np.abs(hand[1][w]).max())
        ours, theirs = [], []
        for _ in range(rounds):
            ours.append(_time(f.value_and_grad, arrays, number))
            theirs.append(_time(by_hand, arrays, number))
        rows.append((name, shape, min(ours), min(theirs), float(np.median(np.divide(ours, theirs)))))
    return rows


def table(rows: list[tuple[str, str, float, float, float]]) -> str:
    lines = [("| layer | shapes | symgrad value_and_grad (best) | hand-written NumPy (best) | ratio of bests | "
             "median ratio per round |"), "|---|---|---|---|---|---|"]
    for name, shape, ours, theirs, ratio in rows:
        lines.append(f"| {name} | {shape} | {ours * 1e6:.0f} µs | {theirs * 1e6:.0f} µs | {ours / theirs:.2f}x | "
                     f"{ratio:.2f}x |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", help="write the table into this Markdown file")
    args = parser.parse_args()
    out = table(measure())
    print(out)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            fh.write("# Layers: compiled backward passes against hand-written NumPy\n\n"
                     "Made by `python benchmarks/bench_layers.py --write benchmarks/layers.md` "
                     f"(NumPy {np.__version__}, Python {platform.python_version()}, {platform.machine()}).\n"
                     "Both sides compute the loss and every gradient from the inputs (the forward pass included), "
                     "one BLAS thread; 40 rounds of 10 calls each side, back to back. Ratio = symgrad / hand-written.\n\n" + out + "\n")


if __name__ == "__main__":
    main()
