"""Argument layout for the framework targets: names, ranks, sizes and batch axes from shapes alone.

Pure Python (no NumPy), so that generated torch, JAX and array-API modules copy these functions
verbatim and import only their framework. The messages are the NumPy runtime's (``compile.runtime``).
"""

from __future__ import annotations

from collections.abc import Callable

from ..compile.runtime import _names_check, _rank_error, _shape_text
from ..errors import ShapeError


def _broadcast_shapes(spec: dict, leads: dict) -> tuple:
    """The common batch shape of the inputs' leading axes (NumPy's broadcasting rules)."""
    rank = max([0] + [len(s) for s in leads.values()])
    out = [1] * rank
    for shape in leads.values():
        for pos, n in enumerate(shape, rank - len(shape)):
            if n != out[pos] and 1 not in (n, out[pos]):
                parts = ", ".join(f"{k} has {s}" for k, s in leads.items())
                raise ShapeError(f"{spec['entry']}: the leading (batch) axes do not broadcast: {parts}")
            out[pos] = max(n, out[pos]) if 0 not in (n, out[pos]) else 0
    return tuple(out)


def _leads(spec: dict, shapes: dict, integer: dict) -> tuple[dict, set]:
    """Each input's leading (batch) axes, and the inputs given as integer class labels."""
    batched, labels, leads = spec["batched"], spec["labels"], {}
    for name, dims in spec["inputs"]:
        shape = shapes[name]
        if not (name in labels and integer[name]):
            if len(shape) < len(dims) or (len(shape) != len(dims) and not batched):
                raise _rank_error(spec, name, dims, _Shaped(shape))
            leads[name] = shape[:len(shape) - len(dims)]
    lead_rank = max([0] + [len(s) for s in leads.values()])
    as_labels = set()
    for name, dims in spec["inputs"]:
        shape = shapes[name]
        if name in leads:
            continue
        if len(shape) == lead_rank + len(dims) - 1:  # integer class labels: one axis fewer than one-hot
            as_labels.add(name)
            leads[name] = shape[:lead_rank]
        elif len(shape) == lead_rank + len(dims) or (batched and len(shape) >= len(dims) and not leads):
            leads[name] = shape[:len(shape) - len(dims)]
        else:
            raise _rank_error(spec, name, dims, _Shaped(shape))
    return leads, as_labels


def _layout(spec: dict, shapes: dict, integer: dict) -> tuple[dict, tuple, set]:
    """Sizes (by majority, as ``{size: (value, source)}``), batch shape and label inputs; ShapeError else."""
    leads, as_labels = _leads(spec, shapes, integer)
    batch = _broadcast_shapes(spec, leads)
    votes: dict = {}
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in as_labels else dims
        for d, n in zip(own, shapes[name][len(leads[name]):]):
            votes.setdefault(d, []).append((n, name))
    sizes = {}
    for d, vs in votes.items():
        counts = [sum(1 for m, _ in vs if m == n) for n, _ in vs]
        sizes[d] = vs[counts.index(max(counts))]
    for name, dims in spec["inputs"]:
        own = dims[:-1] if name in as_labels else dims
        got, want = shapes[name][len(leads[name]):], tuple(sizes[d][0] for d in own)
        if got != want:
            used = spec["used_by"].get(name)
            full = leads[name] + want
            need = f" but {used} needs {full}" if used else f" but expected {full}"
            known = ", ".join(f"{d}={sizes[d][0]} from {sizes[d][1]}" for d in own if sizes[d][1] != name)
            what = f"{name} (class labels)" if name in as_labels else name
            raise ShapeError(f"{spec['entry']}: {what} has shape {shapes[name]}{need}: expected "
                             f"{_shape_text(own, spec['batched'])}" + (f" with {known}" if known else ""))
    for name in as_labels:
        if dict(spec["inputs"])[name][-1] not in sizes:
            dims = dict(spec["inputs"])[name]
            raise ShapeError(f"{spec['entry']}: {name} holds class labels but no other argument gives the number of "
                             f"classes {dims[-1]}; pass {name} one-hot {_shape_text(dims, spec['batched'])}")
    return sizes, batch, as_labels


def _label_range(spec: dict, name: str, n: int, low: int, high: int, source: str) -> None:
    """ShapeError for class labels outside 0..n-1 (``low`` and ``high`` are their minimum and maximum)."""
    if low < 0 or high >= n:
        classes = dict(spec["inputs"])[name][-1]
        raise ShapeError(f"{spec['entry']}: {name} holds class labels outside 0..{n - 1} ({classes}={n} from {source})")


def _no_gradient(spec: dict, wrt: tuple, name: str) -> None:
    """ShapeError: ``name`` asks for a gradient the derivation does not have (never a silent zero)."""
    raise ShapeError(f"{spec['entry']}: {name} asks for a gradient, but the derivation has gradients with respect to "
                     f"{', '.join(wrt)} only; pass {name} without requires_grad / outside jax.grad, or derive the loss "
                     f"with respect to {name} (symgrad.derive(loss=..., wrt=[..., {name!r}]))")


class _Shaped:
    """A stand-in with ``shape`` and ``ndim`` for the NumPy runtime's rank message."""

    def __init__(self, shape: tuple):
        self.shape, self.ndim = tuple(shape), len(shape)


ARGUMENTS: tuple[Callable | type, ...] = (_shape_text, _names_check, _rank_error, _Shaped, _broadcast_shapes, _leads,
                                          _layout, _label_range, _no_gradient)
"""The functions a generated module copies, in order (``ShapeError`` and ``_MISSING`` come before them)."""
