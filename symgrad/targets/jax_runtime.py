"""The JAX target's runtime: argument conversion, the constraint check and the chain rule.

Source only: generated modules (which import jax) and ``targets.jax.to_jax`` copy these functions,
so this module never imports jax itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ShapeError
from .arguments import _label_range, _layout, _names_check

if TYPE_CHECKING:  # the copies run where jax is imported: the generated module, or to_jax's namespace
    import jax  # noqa: TC004
    import jax.numpy as jnp  # noqa: TC004


def _jax_inputs(spec: dict, given: tuple, extra: dict) -> list:
    """The arguments as jax arrays of one float dtype: labels one-hot, batch axes broadcast."""
    _names_check(spec, given, extra)
    arrays = [jnp.asarray(v) for v in given]
    for (name, _), a in zip(spec["inputs"], arrays):
        if jnp.issubdtype(a.dtype, jnp.complexfloating):
            raise ShapeError(f"{spec['entry']}: {name} has dtype {a.dtype}; expected real numbers")
    names = [name for name, _ in spec["inputs"]]
    floats = {n: jnp.issubdtype(a.dtype, jnp.floating) for n, a in zip(names, arrays)}
    sizes, batch, labels = _layout(spec, {n: tuple(a.shape) for n, a in zip(names, arrays)},
                                   {n: not f for n, f in floats.items()})
    dtypes = [a.dtype for a in arrays if jnp.issubdtype(a.dtype, jnp.floating)]
    dtype = jnp.result_type(*dtypes) if dtypes else jnp.result_type(float)
    out = []
    for (name, dims), a in zip(spec["inputs"], arrays):
        if name in labels:
            n, source = sizes[dims[-1]]
            if a.size and not isinstance(a, jax.core.Tracer):
                _label_range(spec, name, n, int(a.min()), int(a.max()), source)
            a = jax.nn.one_hot(a, n, dtype=dtype)
        a = a.astype(dtype)
        if spec["batched"] and tuple(a.shape[:a.ndim - len(dims)]) != batch:
            a = jnp.broadcast_to(a, batch + tuple(a.shape[a.ndim - len(dims):]))
        out.append(a)
    return out


def _jax_constraint(spec: dict, which: int, value: Any) -> None:
    """ShapeError where an input breaks a constraint its gradient was derived with, naming the first row.

    Traced values (inside jit or vmap) cannot be checked: a ShapeError says to check outside and pass
    ``check_constraints=False``, never a silent pass.
    """
    name, text, want = spec["constraints"][which]
    tol = float(jnp.finfo(value.dtype).eps) ** 0.5 * max(1.0, abs(want))
    bad = jnp.abs(value - want) > tol
    if isinstance(bad, jax.core.Tracer):
        raise ShapeError(f"{spec['entry']}: {name} is traced (inside jit, vmap or grad), so the constraint {text} its "
                         f"gradient was derived with cannot be checked; check {name} outside and pass "
                         "check_constraints=False, or pass it as a constant")
    if bool(bad.any()):
        at = tuple(int(i) for i in jnp.argwhere(bad)[0]) if bad.ndim else ()
        row = f" at row {at}" if at else ""
        raise ShapeError(f"{spec['entry']}: {name} breaks the constraint {text}{row}, where it is "
                         f"{float(value[at]):.6g}; the gradient was derived with it. Pass {name} that meets it "
                         "(or check_constraints=False to skip this check when it does)")


def _jax_chain(g: Any, jac: Any, target_rank: int) -> Any:
    """The chain rule: the output's cotangent ``g`` contracted with the Jacobian over the target's axes."""
    n = g.ndim
    g = g.reshape(tuple(g.shape) + (1,) * (jac.ndim - n))
    return g * jac if target_rank == 0 else (g * jac).sum(axis=tuple(range(n - target_rank, n)))
