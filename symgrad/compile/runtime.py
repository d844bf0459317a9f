"""The runtime: argument checks and conversions of compiled functions; copied verbatim into exported modules."""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from ..errors import ShapeError, SingularMatrixError
from ..linalg import MatrixInput, factorisation_problem, symmetry_problem

_MISSING = object()


def _shape_text(dims: tuple[str, ...], batched: bool) -> str:
    return "[" + ", ".join((["..."] if batched else []) + list(dims)) + "]"


def _names_check(spec: dict, given: tuple, extra: dict) -> None:
    """Raise ShapeError for an unexpected or a missing argument of a compiled function."""
    names = [name for name, _ in spec["inputs"]]
    if extra:
        raise ShapeError(f"{spec['entry']}: unexpected argument {min(extra)!r}; "
                         f"the arguments are {', '.join(names)}")
    for (name, dims), value in zip(spec["inputs"], given):
        if value is _MISSING:
            raise ShapeError(f"{spec['entry']}: missing argument {name!r}, an array of shape "
                             f"{_shape_text(dims, spec['batched'])}")


def _prepare(spec: dict, given: tuple, extra: dict) -> tuple:
    """Check and convert the arguments (the slow path): arrays in one float dtype, then the sizes."""
    _names_check(spec, given, extra)
    arrays = _real_arrays(spec, given)
    leads, label_dims, batch = _batch_axes(spec, arrays)
    sizes = _sizes(spec, arrays, leads, label_dims)
    _check_labels(spec, arrays, sizes, label_dims)
    floats = [a.dtype for a in arrays.values() if a.dtype.kind == "f"]
    dtype = np.result_type(*floats) if floats else np.dtype(np.float64)
    out = []
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if name in label_dims:
            a = np.eye(sizes[dims[-1]][0], dtype=dtype)[a]
        a = a.astype(dtype, copy=False)
        if spec["batched"] and a.shape[:a.ndim - len(dims)] != batch:
            a = np.broadcast_to(a, batch + a.shape[a.ndim - len(dims):])
        out.append(a)
    out += [sizes[d][0] if d in sizes else 0 for d in spec["sizes"]]
    return (*out, batch) if spec["batched"] else tuple(out)


def _real_arrays(spec: dict, given: tuple) -> dict:
    """The arguments as NumPy arrays; ShapeError for one that does not hold real numbers."""
    arrays = {}
    for (name, _), value in zip(spec["inputs"], given):
        a = np.asarray(value)
        if a.dtype.kind not in "biuf":
            raise ShapeError(f"{spec['entry']}: {name} has dtype {a.dtype}; expected real numbers")
        arrays[name] = a
    return arrays


def _rank_error(spec: dict, name: str, dims: tuple, a: np.ndarray) -> ShapeError:
    batched = spec["batched"]
    want = f"rank {len(dims)}" + (" or more" if batched else "")
    alt = f", or integer class labels {_shape_text(dims[:-1], batched)}" if name in spec["labels"] else ""
    return ShapeError(f"{spec['entry']}: {name} has shape {a.shape} (rank {a.ndim}) but expected "
                      f"{_shape_text(dims, batched)} ({want}{alt})")


def _batch_axes(spec: dict, arrays: dict) -> tuple[dict, dict, tuple]:
    """Each input's leading (batch) axes, the inputs given as integer class labels, and the common batch shape."""
    batched, labels = spec["batched"], spec["labels"]
    leads = {}
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if not (name in labels and a.dtype.kind in "biu"):
            if a.ndim < len(dims) or (a.ndim != len(dims) and not batched):
                raise _rank_error(spec, name, dims, a)
            leads[name] = a.shape[:a.ndim - len(dims)]
    lead_rank = max((len(s) for s in leads.values()), default=0)
    label_dims = {}
    for name, dims in spec["inputs"]:
        a = arrays[name]
        if name in leads:
            continue
        if a.ndim == lead_rank + len(dims) - 1:  # integer class labels: one axis fewer than one-hot
            label_dims[name] = dims
            leads[name] = a.shape[:lead_rank]
        elif a.ndim == lead_rank + len(dims) or (batched and a.ndim >= len(dims) and not leads):
            leads[name] = a.shape[:a.ndim - len(dims)]
        else:
            raise _rank_error(spec, name, dims, a)
    try:
        batch = np.broadcast_shapes(*leads.values())
    except ValueError:
        parts = ", ".join(f"{n} has {s}" for n, s in leads.items())
        raise ShapeError(f"{spec['entry']}: the leading (batch) axes do not broadcast: {parts}") from None
    return leads, label_dims, batch


def _sizes(spec: dict, arrays: dict, leads: dict, label_dims: dict) -> dict:
    """Each size as ``(value, the input it came from)`` by majority; ShapeError for an input that disagrees."""
    votes: dict[str, list] = {}
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in label_dims else dims
        for d, n in zip(own, arrays[name].shape[len(leads[name]):]):
            votes.setdefault(d, []).append((n, name))
    sizes = {}
    for d, vs in votes.items():
        counts: dict[int, int] = {}
        for n, _ in vs:
            counts[n] = counts.get(n, 0) + 1
        best = max(counts.values())
        sizes[d] = next((n, src) for n, src in vs if counts[n] == best)
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in label_dims else dims
        got = arrays[name].shape[len(leads[name]):]
        want = tuple(sizes[d][0] for d in own)
        if got != want:
            used = spec["used_by"].get(name)
            full = leads[name] + want
            need = f" but {used} needs {full}" if used else f" but expected {full}"
            known = ", ".join(f"{d}={sizes[d][0]} from {sizes[d][1]}" for d in own if sizes[d][1] != name)
            what = f"{name} (class labels)" if name in label_dims else name
            raise ShapeError(f"{spec['entry']}: {what} has shape {arrays[name].shape}{need}: expected "
                             f"{_shape_text(own, spec['batched'])}" + (f" with {known}" if known else ""))
    return sizes


def _check_labels(spec: dict, arrays: dict, sizes: dict, label_dims: dict) -> None:
    """ShapeError for class labels outside 0..n-1, or when no argument gives the number of classes."""
    for name, dims in label_dims.items():
        n = sizes[dims[-1]][0] if dims[-1] in sizes else None
        a = arrays[name]
        if n is None:
            raise ShapeError(f"{spec['entry']}: {name} holds class labels but no other argument gives the number of "
                             f"classes {dims[-1]}; pass {name} one-hot {_shape_text(dims, spec['batched'])}")
        if a.size and (a.min() < 0 or a.max() >= n):
            raise ShapeError(f"{spec['entry']}: {name} holds class labels outside 0..{n - 1} "
                             f"({dims[-1]}={n} from {sizes[dims[-1]][1]})")


def _check_constraint(spec: dict, which: int, value: np.ndarray) -> None:
    """Raise ShapeError where an input breaks a constraint its derivation used, naming the first row that does.

    ``value`` is the constraint's left side per row; it holds within the square root of the dtype's
    epsilon (relative to the right side). NaN passes through, as NaN does everywhere else.
    """
    name, text, want = spec["constraints"][which]
    value = np.asarray(value)
    tol = float(np.finfo(value.dtype).eps) ** 0.5 * max(1.0, abs(want))
    bad = np.abs(value - want) > tol
    if bad.any():
        at = np.unravel_index(np.argmax(bad), bad.shape)
        row = f" at row {tuple(int(i) for i in at)}" if bad.ndim else ""
        raise ShapeError(f"{spec['entry']}: {name} breaks the constraint {text}{row}, where it is "
                         f"{float(value[at]):.6g}; the gradient was derived with it. Pass {name} that meets it "
                         "(or check_constraints=False to skip this check when it does)")


RUNTIME: tuple[Callable, ...] = (_shape_text, _names_check, _prepare, _real_arrays, _rank_error, _batch_axes, _sizes,
                                  _check_labels, _check_constraint)


def checked_matrices(fn: Callable, entry: str, matrices: tuple[MatrixInput, ...]) -> Callable:
    """``fn`` checking its square matrix inputs: symmetric where declared (Cholesky reads one triangle, solve both),
    and NumPy's LinAlgError as one SingularMatrixError line naming the matrix (see ``linalg.factorisation_problem``)."""

    @functools.wraps(fn)
    def call(*args, **arrays):
        for name, symmetric, _ in matrices:
            if symmetric and (problem := symmetry_problem(entry, name, arrays.get(name))):
                raise ShapeError(problem)
        try:
            return fn(*args, **arrays)
        except np.linalg.LinAlgError as e:
            raise SingularMatrixError(factorisation_problem(entry, matrices, arrays, e)) from None

    return call
