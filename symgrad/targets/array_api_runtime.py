"""The array-API target's runtime: the namespace of the inputs, argument conversion, the constraint check.

Source only: generated modules and ``targets.array_api.to_array_api`` copy these functions; they bind
``_namespace`` and ``_device`` (array_api_compat's ``array_namespace`` and ``device`` when it is
installed, else ``_own_namespace`` and ``_own_device``).
"""

from __future__ import annotations

from typing import Any

from ..errors import ShapeError
from .arguments import _label_range, _layout, _names_check

_namespace: Any = None  # bound where the copies run
_device: Any = None


def _own_namespace(*arrays: Any) -> Any:
    """The namespace of arrays that carry ``__array_namespace__`` (NumPy >= 2, JAX, CuPy), all the same one."""
    spaces = {id(ns): ns for ns in (a.__array_namespace__() for a in arrays if hasattr(a, "__array_namespace__"))}
    if len(spaces) != 1:
        kinds = ", ".join(sorted({type(a).__name__ for a in arrays}))
        raise ShapeError(f"no single array namespace for arrays of types {kinds}: pass arrays of one library "
                         "(torch tensors need the package array_api_compat)")
    return next(iter(spaces.values()))


def _own_device(a: Any) -> Any:
    """The device an array lives on (the array API's ``x.device``)."""
    return a.device


def _xp_inputs(spec: dict, given: tuple, extra: dict) -> tuple:
    """The namespace, then the arguments as its arrays of one float dtype: labels one-hot, batch axes broadcast."""
    _names_check(spec, given, extra)
    try:
        xp = _namespace(*(v for v in given if not isinstance(v, (bool, int, float))))
    except TypeError as e:
        raise ShapeError(f"{spec['entry']}: {e}") from None
    arrays = [xp.asarray(v) for v in given]
    names = [name for name, _ in spec["inputs"]]
    for name, a in zip(names, arrays):
        if not xp.isdtype(a.dtype, ("real floating", "integral", "bool")):
            raise ShapeError(f"{spec['entry']}: {name} has dtype {a.dtype}; expected real numbers")
    floats = [a.dtype for a in arrays if xp.isdtype(a.dtype, "real floating")]
    sizes, batch, labels = _layout(spec, {n: tuple(a.shape) for n, a in zip(names, arrays)},
                                   {n: not xp.isdtype(a.dtype, "real floating") for n, a in zip(names, arrays)})
    dtype = xp.result_type(*floats) if floats else xp.float64
    out = []
    for (name, dims), a in zip(spec["inputs"], arrays):
        if name in labels:
            n, source = sizes[dims[-1]]
            if 0 not in a.shape:
                _label_range(spec, name, n, int(xp.min(a)), int(xp.max(a)), source)
            a = a[..., None] == xp.arange(n, device=_device(a))
        a = xp.astype(a, dtype)
        if spec["batched"] and tuple(a.shape[:a.ndim - len(dims)]) != batch:
            a = xp.broadcast_to(a, batch + tuple(a.shape[a.ndim - len(dims):]))
        out.append(a)
    return xp, out


def _xp_constraint(spec: dict, which: int, xp: Any, value: Any) -> None:
    """ShapeError where an input breaks a constraint its gradient was derived with, naming the first row."""
    name, text, want = spec["constraints"][which]
    tol = float(xp.finfo(value.dtype).eps) ** 0.5 * max(1.0, abs(want))
    bad = xp.abs(value - want) > tol
    if bool(xp.any(bad)):
        at = tuple(int(i[0]) for i in xp.nonzero(bad)) if bad.ndim else ()
        row = f" at row {at}" if at else ""
        raise ShapeError(f"{spec['entry']}: {name} breaks the constraint {text}{row}, where it is "
                         f"{float(value[at]):.6g}; the gradient was derived with it. Pass {name} that meets it "
                         "(or check_constraints=False to skip this check when it does)")
