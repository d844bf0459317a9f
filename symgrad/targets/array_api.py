"""Array-API target: value and closed-form gradients in the namespace of the inputs.

``to_array_api(compiled)`` behaves like ``Compiled.value_and_grad`` but takes its namespace from its
arrays (``array_api_compat.array_namespace`` when installed, else ``__array_namespace__``), so
one function runs on NumPy, torch, JAX and CuPy arrays. It calls the forward pass's ops
(``compile.XP_OPS``, standard names) and ``einsum``, which the array API standard lacks but every
one of those namespaces has. ``module_source`` writes it as a module that imports no array library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import array_api_runtime
from .printers import ArrayApiPrinter
from .source import (
    ERRORS,
    _check_names,
    body_source,
    constraints_source,
    function_name,
    header,
    keywords,
    run_source,
    runtime_source,
    sizes_of,
)

if TYPE_CHECKING:
    from ..compile import Compiled

_RUNTIME = (array_api_runtime._own_namespace, array_api_runtime._own_device, array_api_runtime._xp_inputs,
            array_api_runtime._xp_constraint)
_IMPORTS = '''import math

try:  # the namespace of the inputs: array_api_compat wraps torch (and NumPy < 2) to the standard
    from array_api_compat import array_namespace as _namespace
    from array_api_compat import device as _device
except ImportError:
    _namespace = _device = None'''
_FALLBACK = '''if _namespace is None:
    _namespace, _device = _own_namespace, _own_device'''


def _entry_source(compiled: Compiled) -> str:
    """The body over ``xp`` and the keyword function of one entry."""
    _check_names(compiled, ("xp", "math"))
    f = function_name(compiled)
    printer = ArrayApiPrinter(sizes_of(compiled))
    args = ", ".join(compiled.inputs)
    checks = constraints_source(compiled, f"_constraints_{f}", printer, "xp, ")
    parts = [f"_SPEC_{f} = {compiled.spec!r}", body_source(compiled, f"_body_{f}", printer, lead="xp, ")]
    parts += [checks] if checks else []
    doc = compiled._doc("value_and_grad").rstrip()
    lines = [f"def {f}(*, {keywords(compiled, bool(checks))}):",
             f'    """{doc}\n    Arrays of any one array-API namespace (NumPy, torch, JAX, CuPy); results in it.\n    """',
             f"    xp, ({args},) = _xp_inputs(_SPEC_{f}, ({args},), _extra)"]
    if checks:
        lines += ["    if check_constraints:", f"        for _n, _side in enumerate(_constraints_{f}(xp, {args})):",
                  f"            _xp_constraint(_SPEC_{f}, _n, xp, _side)"]
    wrt = [w for w, _, _ in compiled._program.grads]
    lines += [f"    value, grads = _body_{f}(xp, {args})",
              f"    return value, dict(zip({tuple(wrt)!r}, grads))"]
    return "\n\n\n".join([*parts, "\n".join(lines)])


def module_source(compiled: Compiled | Sequence[Compiled], command: str = "") -> str:
    """A standalone module (imports math, and array_api_compat when installed) with one function per entry."""
    entries = [compiled] if not isinstance(compiled, Sequence) else list(compiled)
    names = [function_name(c) for c in entries]
    top = header("Loss and closed-form gradient functions over any array-API namespace", _IMPORTS, names, command)
    return "\n\n\n".join([top, ERRORS, runtime_source(_RUNTIME), _FALLBACK, *map(_entry_source, entries)]) + "\n"


def to_array_api(compiled: Compiled) -> Callable[..., tuple[Any, dict[str, Any]]]:
    """``compiled``'s value_and_grad over the namespace of its arguments."""
    import math

    try:
        from array_api_compat import array_namespace, device
    except ImportError:
        array_namespace, device = array_api_runtime._own_namespace, array_api_runtime._own_device
    source = "\n\n\n".join([runtime_source(_RUNTIME), _entry_source(compiled)])
    namespace = {"math": math, "_namespace": array_namespace, "_device": device}
    return run_source(source, f"{compiled.name} array-api", namespace)[function_name(compiled)]
