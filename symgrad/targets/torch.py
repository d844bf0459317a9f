"""PyTorch target: a compiled entry as a ``torch.autograd.Function`` whose backward is symgrad's closed form.

``to_torch(compiled)`` gives a function with ``Compiled.loss``'s keyword arguments that takes and
returns tensors; ``loss.backward()`` fills ``.grad`` of the inputs the derivation differentiates by,
chained with the output's gradient, so it composes inside a model. ``module_source`` writes the same
code as a standalone module that imports only torch (and ``math``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import torch_runtime
from .printers import TorchPrinter
from .source import (
    ERRORS,
    _check_names,
    body_source,
    constraints_source,
    fast_check,
    function_name,
    header,
    keywords,
    run_source,
    runtime_source,
    sizes_of,
)

if TYPE_CHECKING:
    from ..compile import Compiled

_RUNTIME = (torch_runtime._torch_inputs, torch_runtime._torch_constraint, torch_runtime._torch_chain)


def _entry_source(compiled: Compiled) -> str:
    """The body, the autograd.Function and the keyword function of one entry."""
    _check_names(compiled, ("torch", "math"))
    f = function_name(compiled)
    printer = TorchPrinter(sizes_of(compiled))
    program = compiled._program
    args = ", ".join(compiled.inputs)
    wrt = tuple(w for w, _, _ in program.grads)
    target_rank = len(compiled._named.graph.definition(str(program.target)).indices)
    grads = ", ".join(f"grad_{w}" for w in wrt)
    scalar = target_rank == 0 and not compiled.spec["batched"]  # grad_output is a 0-d tensor: one product
    back = ", ".join(("None" if n not in wrt else f"g * grad_{n}" if scalar else f"_torch_chain(g, grad_{n}, {target_rank})")
                     for n in compiled.inputs)
    checks = constraints_source(compiled, f"_constraints_{f}", printer)
    parts = [f"_SPEC_{f} = {compiled.spec!r}", body_source(compiled, f"_body_{f}", printer)] + ([checks] if checks else [])
    parts.append(f'''class _Function_{f}(torch.autograd.Function):
    """{compiled.derivation.title}: the value forward, symgrad's closed-form gradients backward."""

    @staticmethod
    def forward(ctx, {args}):
        value, grads = _body_{f}({args})
        ctx.save_for_backward(*grads)
        return value

    @staticmethod
    @torch.autograd.function.once_differentiable  # the saved gradients are constants: a second order is an error
    def backward(ctx, g):
        {grads}, = ctx.saved_tensors
        return {back}''')
    doc = compiled._doc("loss").replace("Returns L", "Returns the tensor L").rstrip()
    lines = [f"def {f}(*, {keywords(compiled, bool(checks))}):",
             f'    """{doc}\n    Backward: symgrad\'s closed-form gradients with respect to {", ".join(wrt)}.\n    """',
             "    try:  # well-formed tensors skip the conversions",
             f"        _ok = {fast_check(compiled, '{}.dtype.is_floating_point')}",
             "    except (AttributeError, IndexError, TypeError):",
             "        _ok = False",
             "    if not _ok:",
             f"        {args}, = _torch_inputs(_SPEC_{f}, ({args},), _extra)"]
    guards = [f"        if {n}.requires_grad:\n            _no_gradient(_SPEC_{f}, {wrt!r}, {n!r})"
              for n in compiled.inputs if n not in wrt]
    if checks:
        guards += [f"        if check_constraints and ({' or '.join(f'{w}.requires_grad' for w in wrt)}):",
                  f"            for _n, _side in enumerate(_constraints_{f}({args})):",
                  f"                _torch_constraint(_SPEC_{f}, _n, _side)"]
    lines += (["    if torch.is_grad_enabled():"] + guards if guards else []) + [f"    return _Function_{f}.apply({args})"]
    parts.append("\n".join(lines))
    return "\n\n\n".join(parts)


def module_source(compiled: Compiled | Sequence[Compiled], command: str = "") -> str:
    """A standalone module (imports only torch and math) with one function per entry, as ``to_torch`` gives."""
    entries = [compiled] if not isinstance(compiled, Sequence) else list(compiled)
    names = [function_name(c) for c in entries]
    top = header("Loss functions with closed-form torch backward passes", "import math\n\nimport torch", names, command)
    return "\n\n\n".join([top, ERRORS, runtime_source(_RUNTIME), *map(_entry_source, entries)]) + "\n"


def to_torch(compiled: Compiled) -> Callable[..., Any]:
    """``compiled``'s loss as a torch function with the same keyword arguments and a closed-form backward."""
    import math

    import torch

    source = "\n\n\n".join([runtime_source(_RUNTIME), _entry_source(compiled)])
    return run_source(source, f"{compiled.name} torch", {"torch": torch, "math": math})[function_name(compiled)]
