"""JAX target: a compiled entry as a ``jax.custom_vjp`` whose backward is symgrad's closed form.

``to_jax(compiled)`` gives a function with ``Compiled.loss``'s keyword arguments over jax arrays;
``jax.grad`` of it uses the derived gradients chained with the cotangent, so it jits, vmaps and
composes. Differentiating by an input the derivation has no gradient for is an error, never a zero.
The constraint a gradient used (one-hot labels) is checked on concrete values when differentiating;
traced labels need ``check_constraints=False``. ``module_source`` writes a module importing only jax.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import jax_runtime
from .printers import JaxPrinter
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

_RUNTIME = (jax_runtime._jax_inputs, jax_runtime._jax_constraint, jax_runtime._jax_chain)


def _entry_source(compiled: Compiled) -> str:
    """The loss body, the value-and-gradients body, the custom_vjp and the keyword function of one entry."""
    _check_names(compiled, ("jax", "jnp", "math"))
    f = function_name(compiled)
    printer = JaxPrinter(sizes_of(compiled))
    program = compiled._program
    args = ", ".join(compiled.inputs)
    wrt = tuple(w for w, _, _ in program.grads)
    target_rank = len(compiled._named.graph.definition(str(program.target)).indices)
    checks = constraints_source(compiled, f"_constraints_{f}", printer)
    values = ", ".join(f"{n}.value" for n in compiled.inputs)
    guards = "".join(f"    if {n}.perturbed:\n        _no_gradient(_SPEC_{f}, {wrt!r}, {n!r})\n"
                     for n in compiled.inputs if n not in wrt)
    if checks:
        guards += (f"    if check:\n        for _n, _side in enumerate(_constraints_{f}({values})):\n"
                   f"            _jax_constraint(_SPEC_{f}, _n, _side)\n")
    back = ", ".join(f"_jax_chain(g, grad_{n}, {target_rank})" if n in wrt else "None" for n in compiled.inputs)
    parts = [f"_SPEC_{f} = {compiled.spec!r}", body_source(compiled, f"_loss_{f}", printer, "loss"),
             body_source(compiled, f"_body_{f}", printer)] + ([checks] if checks else [])
    parts.append(f'''@functools.partial(jax.custom_vjp, nondiff_argnums=(0,))
def _vjp_{f}(check, {args}):
    return _loss_{f}({args})


def _fwd_{f}(check, {args}):
{guards}    return _body_{f}({values})


def _bwd_{f}(check, grads, g):
    if isinstance(g, jax.custom_derivatives.SymbolicZero):
        return ({"None, " * len(compiled.inputs)})
    {", ".join(f"grad_{w}" for w in wrt)}, = grads
    return ({back},)


_vjp_{f}.defvjp(_fwd_{f}, _bwd_{f}, symbolic_zeros=True)''')
    doc = compiled._doc("loss").replace("Returns L", "Returns the jax array L").rstrip()
    parts.append(f'''def {f}(*, {keywords(compiled, True)}):
    """{doc}
    Gradients (jax.grad, jax.vjp): symgrad's closed forms with respect to {", ".join(wrt)}.
    """
    {args}, = _jax_inputs(_SPEC_{f}, ({args},), _extra)
    return _vjp_{f}(bool(check_constraints), {args})''')
    return "\n\n\n".join(parts)


def module_source(compiled: Compiled | Sequence[Compiled], command: str = "") -> str:
    """A standalone module (imports only jax, functools and math) with one function per entry, as ``to_jax``."""
    entries = [compiled] if not isinstance(compiled, Sequence) else list(compiled)
    names = [function_name(c) for c in entries]
    imports = "import functools\nimport math\n\nimport jax\nimport jax.numpy as jnp"
    top = header("Loss functions with closed-form JAX gradients (custom_vjp)", imports, names, command)
    return "\n\n\n".join([top, ERRORS, runtime_source(_RUNTIME), *map(_entry_source, entries)]) + "\n"


def to_jax(compiled: Compiled) -> Callable[..., Any]:
    """``compiled``'s loss as a ``jax.custom_vjp`` function with the same keyword arguments."""
    import functools
    import math

    import jax
    import jax.numpy as jnp

    source = "\n\n\n".join([runtime_source(_RUNTIME), _entry_source(compiled)])
    namespace = {"jax": jax, "jnp": jnp, "math": math, "functools": functools}
    return run_source(source, f"{compiled.name} jax", namespace)[function_name(compiled)]
