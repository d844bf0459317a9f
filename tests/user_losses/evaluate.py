"""Judge one user loss at one input kind and dtype: right, refused, silently wrong, non-finite, crashed or n/a.

The truth is autograd on the hand-written reference in longdouble (64-bit mantissa on x86-64), from the same
dtype-rounded inputs the compiled code gets. A compiled quantity is right when its worst error is within
``RTOL[dtype]`` of the quantity's largest entry, plus 10x the error autograd makes itself on the reference in
the same dtype (the contract of issue 10: never worse than careful autodiff by more than 10x), plus 100 ulps of
the largest number of the comparison (a gradient that cancels terms of size 1e3 to 1e-17 is judged at 1e3).
A non-finite compiled number where the truth is finite (and representable in the dtype) is NON-FINITE; a truth
that is not finite makes the point n/a.
"""

from __future__ import annotations

import inspect
import warnings
from dataclasses import dataclass
from typing import Any

import autograd
import numpy as np
import sympy as sp

import symgrad
from symgrad.errors import SymgradError
from symgrad.loss import python_name
from symgrad.tensors import name_of, shape_of

from .case import DOMAINS, UserLoss

KINDS: tuple[str, ...] = ("random", "x1e3", "zeros", "offset1e4", "offset1e6")
DTYPES: tuple[str, ...] = ("float64", "float32")
RTOL: dict[str, float] = {"float64": 1e-7, "float32": 1e-4}
OUTCOMES: tuple[str, ...] = ("right", "refused", "silently wrong", "non-finite", "crashed", "n/a")
SEED = 20261127
DERIVE_TIMEOUT = 20.0


@dataclass(frozen=True)
class Outcome:
    """What happened, and a one-line why (the refusal message, the worst quantity and its error)."""

    kind: str
    detail: str = ""


def applies(case: UserLoss, kind: str) -> bool:
    """Whether the input kind moves anything for this case."""
    moved = {"random": ("-",), "x1e3": case.scale, "zeros": case.zero}.get(kind, case.offset)
    return bool(moved)


_COMPILED: dict[str, Any] = {}


def compiled(case: UserLoss) -> Any:
    """The derivation and compiled loss, or the exception that refused it (derived once per case id)."""
    if case.id not in _COMPILED:
        _COMPILED[case.id] = _compile(case)
    return _COMPILED[case.id]


def _compile(case: UserLoss) -> Any:
    try:
        d = symgrad.derive(loss=case.loss, define=list(case.define), given=list(case.given), wrt=list(case.wrt),
                           timeout=DERIVE_TIMEOUT)
        return d, d.compile()
    except SymgradError as e:
        return e
    except Exception as e:  # noqa: BLE001 - a crash is an outcome to record, not to hide
        return e


def shapes(graph: Any) -> dict[str, tuple[int, ...]]:
    """Each input's shape as symgrad read it, sizes 3, 4, 5, ... in the order of their names (N + 1 is 4 when N
    is 3), keyed by Python name."""
    extents = {python_name(name_of(t)): [sp.sympify(e) for e in shape_of(t)] for t in graph.inputs}
    symbols = sorted({s for dims in extents.values() for e in dims for s in e.free_symbols}, key=str)
    value = {s: 3 + k for k, s in enumerate(symbols)}
    return {name: tuple(int(e.xreplace(value)) for e in dims) for name, dims in extents.items()}


def inputs_for(case: UserLoss, derivation: Any, kind: str) -> dict[str, np.ndarray]:
    """Float64 inputs in the case's domains, shaped as symgrad read them, moved as ``kind`` says."""
    rng = np.random.default_rng(SEED)
    arrays = {}
    for name, dims in shapes(derivation.graph).items():
        arrays[name] = np.asarray(DOMAINS[case.domain.get(name, "real")][1](rng, dims), dtype=np.float64)
    for name in {"x1e3": case.scale, "zeros": case.zero}.get(kind, case.offset if kind != "random" else ()):
        a = arrays[name]
        arrays[name] = {"x1e3": a * 1e3, "zeros": np.zeros_like(a), "offset1e4": a + 1e4, "offset1e6": a + 1e6}[kind]
    return arrays


def reference(case: UserLoss, arrays: dict[str, np.ndarray], wrt: tuple[str, ...]) -> list[np.ndarray]:
    """The loss and its gradient (Jacobian for a vector loss) by each name, by autograd on the reference."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = case.reference(**arrays)
        derivative = autograd.jacobian if np.ndim(value) else autograd.grad
        grads = [derivative(lambda v, w=w: case.reference(**{**arrays, w: v}))(arrays[w]) for w in wrt]
    return [np.asarray(value)] + [np.asarray(g) for g in grads]


def _misread(case: UserLoss, f: Any) -> str:
    """Why symgrad's inputs or gradients are not the loss's (a misread name), or ''."""
    wanted = tuple(inspect.signature(case.reference).parameters)
    if set(f.inputs) != set(wanted):
        return f"misread: symgrad's inputs are {', '.join(f.inputs)}, the loss's are {', '.join(wanted)}"
    if tuple(f.wrt) != tuple(python_name(w) for w in case.wrt):
        return f"misread: gradients by {', '.join(f.wrt)}, asked for {', '.join(case.wrt)}"
    return ""


def judge(names: list[str], got: list[Any], truth: list[np.ndarray], own: list[np.ndarray], dtype: str) -> Outcome:
    """Compare each compiled quantity with the truth (see the module docstring)."""
    biggest = float(np.finfo(dtype).max)
    if not all(np.all(np.isfinite(t)) and np.max(np.abs(t), initial=0) <= biggest for t in truth):
        return Outcome("n/a", f"the truth is not finite in {dtype}")
    floor = 100 * float(np.finfo(dtype).eps) * max(float(np.max(np.abs(t), initial=0)) for t in truth)
    worst = ("", 0.0)
    for name, g, t, a in zip(names, got, truth, own):
        t = np.asarray(t, dtype=np.longdouble)
        g = np.asarray(g, dtype=np.longdouble)
        if g.shape != t.shape:
            return Outcome("silently wrong", f"{name} has shape {g.shape}, the truth {t.shape}")
        if not np.all(np.isfinite(g)):
            return Outcome("non-finite", f"{name} is not finite where the truth is")
        scale = float(np.max(np.abs(t), initial=0))
        err = float(np.max(np.abs(g - t), initial=0))
        auto = float(np.max(np.abs(np.asarray(a, dtype=np.longdouble) - t), initial=0))
        allowed = RTOL[dtype] * scale + (10 * auto if np.isfinite(auto) else 0.0) + floor
        if not err <= allowed:
            return Outcome("silently wrong", f"{name}: error {err:.3g} relative {err / (scale or 1):.3g} "
                                             f"(autograd in {dtype}: {auto / (scale or 1):.3g})")
        worst = max(worst, (name, err / (scale or 1)), key=lambda p: p[1])
    return Outcome("right", f"worst relative error {worst[1]:.3g} ({worst[0] or '-'})")


def evaluate(case: UserLoss, kind: str, dtype: str) -> Outcome:
    """The outcome of ``case`` at input ``kind`` in ``dtype``."""
    if not applies(case, kind):
        return Outcome("n/a", f"{kind} does not apply")
    made = compiled(case)
    if isinstance(made, SymgradError):
        return Outcome("refused", str(made))
    if isinstance(made, Exception):
        return Outcome("crashed", f"{type(made).__name__}: {made}")
    d, f = made
    why = _misread(case, f)
    if why:
        return Outcome("silently wrong", why)
    arrays = {k: v.astype(dtype) for k, v in inputs_for(case, d, kind).items()}
    try:
        truth = reference(case, {k: v.astype(np.longdouble) for k, v in arrays.items()}, f.wrt)
    except TypeError:  # NumPy's linalg (solve, slogdet) has no longdouble: the truth is autograd in float64 there
        truth = reference(case, {k: v.astype(np.float64) for k, v in arrays.items()}, f.wrt)
    own = reference(case, arrays, f.wrt)
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value, grads = f.value_and_grad(**arrays)
    except Exception as e:  # noqa: BLE001 - recorded as a crash with its message
        return Outcome("crashed", f"{type(e).__name__}: {e}")
    return judge(["L", *(f"dL/d{w}" for w in f.wrt)], [value, *(grads[w] for w in f.wrt)], truth, own, dtype)
