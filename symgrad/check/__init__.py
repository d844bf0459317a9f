"""Check compiled gradients against real autodiff and finite differences.

``check`` draws random inputs inside each input's domain (``inputs``: the domains the graph
declares, from ``--given`` facts such as ``\\epsilon \\in (0, 1)`` or ``sympy.Contains``, those passed
as ``domains``, one-hot constraints, else a rule), runs the compiled loss and gradients, and
compares them (``report``) with references that share no code with the symbolic derivative:

- the loss value with a direct, loop-by-loop evaluation of the graph's definitions (``evaluate``);
- each gradient with a reference backend differentiating the compiled *forward* pass
  ``Compiled.loss_fn(xp)`` (``backends``): ``autograd``, ``torch``, ``jax``, ``tensorflow``, or ``fd``.

Autodiff backends run in the requested dtype; finite differences and the definitions are
evaluated in float64 from the same (dtype-rounded) inputs. NaN on both sides is reported as
undefined: neither a pass nor a mismatch.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..errors import MissingOpError, SymgradError, UnknownNameError, UsageError
from ..loss import add_loss_arguments, derive_loss
from .backends import (
    BACKENDS,
    ComplexStepNamespace,
    TensorFlowNamespace,
    TorchNamespace,
    reference,
    tensorflow_module,
)
from .constraints import constraint_rows
from .evaluate import evaluate_definitions
from .inputs import (
    Domain,
    cast_inside,
    declared_domains,
    defined_outside,
    domains_of,
    draw_inputs,
    input_domains,
    resolve_sizes,
    unmet_constraints,
)
from .report import TOLERANCES, CheckReport, Row, compare

if TYPE_CHECKING:
    from ..compile import Compiled
    from ..derivation import Derivation

__all__ = [
    "BACKENDS", "DTYPES", "TOLERANCES", "CheckReport", "ComplexStepNamespace", "Domain", "MissingOpError", "Row",
    "TensorFlowNamespace", "TorchNamespace", "add_cli", "check", "declared_domains", "domains_of", "draw_inputs",
    "evaluate_definitions", "handler", "input_domains", "resolve_sizes", "tensorflow_module", "unmet_constraints",
]

DTYPES: tuple[str, ...] = ("float32", "float64")


def check(name_or_derivation: str | Derivation, backend: str = "autograd", dtype: str = "float64", seed: int = 0,
          sizes: Mapping[str, int] | None = None, compiled: Compiled | None = None,
          domains: Mapping[str, sp.Set] | None = None, constraints: bool = False) -> CheckReport:
    """Compare the compiled loss and gradients of a catalog entry (or Derivation) with ``backend``.

    ``compiled`` checks a given Compiled instead of compiling the derivation (e.g. a wrapped one);
    ``domains`` declares where inputs live (``{"epsilon": sympy.Interval.open(0, 1)}``). With
    ``constraints``, an input drawn one-hot by a constraint is also drawn as soft labels (the
    gradient must agree) and as labels that break it (the gradient must refuse them with a
    ShapeError when its derivation used the constraint, and agree when it did not).
    """
    if backend not in BACKENDS:
        raise UnknownNameError(f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}")
    if dtype not in DTYPES:
        raise UnknownNameError(f"unknown dtype {dtype!r}; choose one of: {', '.join(DTYPES)}")
    references = reference(backend)  # fail on a missing package before any work
    from ..entries import derive_entry, require_entries

    if isinstance(name_or_derivation, str):
        require_entries([name_or_derivation])
        d = derive_entry(name_or_derivation)
    else:
        d = name_or_derivation
    from ..compile import compile_derivation, python_names
    from ..loss import python_name

    if compiled is None:
        compiled = compile_derivation(d)
    declared = {python_name(k): v for k, v in (domains or {}).items()}
    own = tuple((python_name(k), v) for k, v in d.graph.domains)
    d = python_names(d)  # inputs and gradients by the compiled functions' names (\lambda is lambda_)
    graph = replace(d.graph, domains=own)  # the graph's declared domains, by the same names
    chosen = resolve_sizes(graph, sizes)
    drawn = domains_of(graph, declared, chosen)
    arrays = cast_inside(drawn, draw_inputs(graph, chosen, seed, declared), dtype)
    exact = {k: v.astype(np.float64) for k, v in arrays.items()}  # the dtype-rounded inputs, in float64
    report = CheckReport(name=d.name, backend=backend, dtype=dtype, seed=seed, sizes=chosen,
                         domains={k: v.description for k, v in drawn.items()})

    target = graph.target
    values = evaluate_definitions(graph, exact, chosen)
    report.notes += unmet_constraints(graph, values) + defined_outside(graph, values)
    loss = compiled.loss(**arrays)
    report.rows.append(compare(target, "definitions", loss, values[target], TOLERANCES[("definitions", dtype)], dtype))
    grads = compiled.grad(**arrays)
    wrts = [r.wrt for r in d.results]
    value, both = compiled.value_and_grad(**arrays)
    report.rows.append(compare("value_and_grad", "loss, grad", _flat(value, [both.get(w) for w in wrts]),
                               _flat(loss, [grads.get(w) for w in wrts]), TOLERANCES[("definitions", dtype)], dtype))
    for kind, label, refs, note in references(compiled, arrays, exact, wrts):
        if note:
            report.notes.append(note)
        for wrt in wrts:
            report.rows.append(compare(f"d{target}/d{wrt}", label, grads.get(wrt), refs[wrt],
                                       TOLERANCES[(kind, dtype)], dtype))
    if constraints:
        quantities = {w: f"d{target}/d{w}" for w in wrts}
        rows, notes = constraint_rows(compiled, drawn, arrays, dtype, seed, references, quantities)
        report.rows += rows
        report.notes += notes
    return report


def _flat(value: Any, grads: list[Any]) -> np.ndarray | None:
    """The value then each gradient, raveled into one vector (None if a gradient is missing)."""
    if any(g is None for g in grads):
        return None
    return np.concatenate([np.ravel(np.asarray(a)) for a in (value, *grads)])


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Register ``symgrad check NAME|--loss LATEX [--define ...] [--given ...] [--wrt ...] [--backend ...] [--dtype ...]
    [--seed ...] [--size N=5 ...] [--json]``; ``--given`` domains (``\\epsilon \\in (0, 1)``) are drawn inside."""
    p = subparsers.add_parser("check", help="compare compiled gradients with real autodiff or finite differences",
                              description="Compare the compiled loss and gradients of a catalog entry or of your own loss "
                                          "(--loss, with inputs drawn inside the domains --given declares) with a "
                                          "reference; exit 0 when every comparison is within tolerance, 1 otherwise "
                                          "(a mismatch, or values NaN on both sides, which is not a pass).")
    p.add_argument("name", nargs="?", help="catalog entry (see `symgrad list`), or --loss")
    add_loss_arguments(p, r"L = \sum_{n=1}^{N} \frac{x_n}{\sqrt{v + \epsilon}}")
    p.add_argument("--backend", choices=BACKENDS, default="autograd", help="reference (default: autograd)")
    p.add_argument("--dtype", choices=DTYPES, default="float64", help="dtype of the compiled arrays")
    p.add_argument("--seed", type=int, default=0, help="random seed for the inputs (default: 0)")
    p.add_argument("--size", action="append", default=[], metavar="NAME=VALUE", help="set a size, e.g. --size B=8")
    p.add_argument("--constraints", action="store_true",
                   help="also draw soft labels (must agree) and labels that break a constraint (must be refused)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    """Run ``symgrad check`` from parsed arguments: print the report, return 0 if ok, 1 otherwise."""
    sizes = {}
    for item in args.size:
        key, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise SymgradError(f"--size expects NAME=POSITIVE_INTEGER such as B=8, got {item!r}")
        sizes[key.strip()] = int(value)
    if (args.name is None) == (args.loss is None):
        raise UsageError("symgrad check: give the name of a catalog entry or --loss LATEX (not both)")
    if args.name is not None and (args.define or args.given or args.wrt):
        raise UsageError("symgrad check: --define, --given and --wrt go with --loss")
    loss = args.name or derive_loss(args.loss, args.define, args.given, args.wrt)
    report = check(loss, backend=args.backend, dtype=args.dtype, seed=args.seed, sizes=sizes,
                   constraints=args.constraints)
    print(json.dumps(report.to_json(), indent=2, allow_nan=False) if args.json else report)
    return 0 if report.ok else 1
