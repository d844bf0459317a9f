"""The torch target's runtime: argument conversion, the constraint check and the chain rule.

Source only: generated modules (which import torch) and ``targets.torch.to_torch`` copy these
functions, so this module never imports torch itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ShapeError
from .arguments import _label_range, _layout, _names_check

if TYPE_CHECKING:  # the copies run where torch is imported: the generated module, or to_torch's namespace
    import torch  # noqa: TC004


def _torch_inputs(spec: dict, given: tuple, extra: dict) -> list:
    """The arguments as tensors of one float dtype on one device: labels one-hot, batch axes broadcast.

    Every step is a differentiable torch operation, so gradients flow back through conversions.
    """
    _names_check(spec, given, extra)
    device = next((v.device for v in given if isinstance(v, torch.Tensor)), None)
    ts = [v if isinstance(v, torch.Tensor) else torch.as_tensor(v, device=device) for v in given]
    for (name, _), t in zip(spec["inputs"], ts):
        if t.dtype.is_complex:
            raise ShapeError(f"{spec['entry']}: {name} has dtype {t.dtype}; expected real numbers")
    names = [name for name, _ in spec["inputs"]]
    sizes, batch, labels = _layout(spec, {n: tuple(t.shape) for n, t in zip(names, ts)},
                                   {n: not t.dtype.is_floating_point for n, t in zip(names, ts)})
    floats = [t.dtype for t in ts if t.dtype.is_floating_point]
    dtype = floats[0] if floats else torch.float64
    for f in floats[1:]:
        dtype = torch.promote_types(dtype, f)
    out = []
    for (name, dims), t in zip(spec["inputs"], ts):
        if name in labels:
            n, source = sizes[dims[-1]]
            if t.numel():
                _label_range(spec, name, n, int(t.min()), int(t.max()), source)
            t = torch.nn.functional.one_hot(t.long(), n)
        t = t.to(dtype)
        if spec["batched"] and tuple(t.shape[:t.dim() - len(dims)]) != batch:
            t = t.expand(batch + tuple(t.shape[t.dim() - len(dims):]))
        out.append(t)
    return out


def _torch_constraint(spec: dict, which: int, value: Any) -> None:
    """ShapeError where an input breaks a constraint its gradient was derived with, naming the first row.

    Under torch.compile the check is an assertion inside the graph (a RuntimeError with the same words, no row).
    """
    name, text, want = spec["constraints"][which]
    value = value.detach()
    tol = float(torch.finfo(value.dtype).eps) ** 0.5 * max(1.0, abs(want))
    bad = (value - want).abs() > tol
    if torch.compiler.is_compiling():  # no host sync in a compiled graph: an assertion the graph keeps
        torch._assert_async(~bad.any(), f"{spec['entry']}: {name} breaks the constraint {text} that the gradient "
                            "was derived with (check_constraints=False skips this check)")
        return
    if bool(bad.any()):
        at = tuple(int(i) for i in torch.nonzero(bad)[0]) if bad.dim() else ()
        row = f" at row {at}" if at else ""
        raise ShapeError(f"{spec['entry']}: {name} breaks the constraint {text}{row}, where it is "
                         f"{float(value[at]):.6g}; the gradient was derived with it. Pass {name} that meets it "
                         "(or check_constraints=False to skip this check when it does)")


def _torch_chain(g: Any, jac: Any, target_rank: int) -> Any:
    """The chain rule: the output's gradient ``g`` contracted with the Jacobian over the target's axes."""
    n = g.dim()
    g = g.reshape(tuple(g.shape) + (1,) * (jac.dim() - n))
    return g * jac if target_rank == 0 else (g * jac).sum(dim=tuple(range(n - target_rank, n)))
