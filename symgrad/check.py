"""Check compiled gradients against real autodiff and finite differences.

``check`` draws random inputs, runs the compiled loss and gradients, and compares them with
references that share no code with the symbolic derivative:

- the loss value with a direct, loop-by-loop evaluation of the graph's definitions;
- each gradient with a reference backend differentiating the compiled *forward* pass
  ``Compiled.loss_fn(xp)``: ``autograd`` (HIPS, always installed), ``torch``, ``jax``,
  ``tensorflow`` (when installed), or ``fd`` (central and complex-step differences, NumPy only).

Inputs are drawn by one generic rule, in this order:

1. an input summed to 1 by a declared constraint (``Sum(y[n, k], (k, 1, C)) = 1``) is one-hot
   along the summed axis, with a random class per row; so is an input taken along that axis by a
   defined name the constraint sums (``t[i] = (1 - eps) y[i] + eps/N`` with ``Sum(t[k]) = 1``).
   A declared constraint that still fails at the drawn inputs is named in the report's notes;
2. an input that appears inside the argument of a ``log`` (other than inside an ``exp`` or ``cosh`` there)
   is a probability, uniform in (0.05, 0.95) (away from 0 and 1 so that finite differences stay well
   conditioned);
3. any other input is standard normal.

Sizes default to distinct small integers (3, 4, 5, ... in the order of their names) so that a
transposed axis shows up as a shape error; ``sizes={"B": 8}`` overrides them.

Tolerances (``TOLERANCES``): an element passes when ``|compiled - reference| <= atol * scale + rtol * |reference|``
with ``scale = max(1, max |reference|)`` over that quantity, so that elements near zero are judged
against the size of the whole gradient. Autodiff backends run in the requested dtype; finite
differences and the definitions are evaluated in float64 from the same (dtype-rounded) inputs.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from .errors import SymgradError, UnknownNameError
from .tensors import name_of, shape_of

if TYPE_CHECKING:
    from .compile import Compiled
    from .derivation import Derivation, Graph

BACKENDS: tuple[str, ...] = ("autograd", "torch", "jax", "tensorflow", "fd")
DTYPES: tuple[str, ...] = ("float32", "float64")

# (rtol, atol) by kind of reference and dtype of the compiled arrays.
TOLERANCES: dict[tuple[str, str], tuple[float, float]] = {
    ("autodiff", "float64"): (1e-10, 1e-12),
    ("autodiff", "float32"): (1e-5, 1e-6),
    ("definitions", "float64"): (1e-10, 1e-12),
    ("definitions", "float32"): (1e-5, 1e-6),
    ("fd-complex", "float64"): (1e-10, 1e-12),
    ("fd-complex", "float32"): (1e-5, 1e-6),
    # truncation error h^2 f'''/6 plus rounding eps |f| / h with h = eps^(1/3) max(1, |x|): about 1e-10 relative
    ("fd-central", "float64"): (1e-6, 1e-8),
    ("fd-central", "float32"): (1e-5, 1e-6),
}

# package to import and the extra that installs it, per optional backend
_PACKAGES: dict[str, tuple[str, str]] = {"torch": ("torch", "torch"), "jax": ("jax", "jax"),
                                         "tensorflow": ("tensorflow", "tf")}
_COMPLEX_STEP = 1e-20
_COMPLEX_STEP_NOTE = ("complex step uses analytic continuations of abs, maximum, max and logaddexp "
                      "(they choose by the real part), as in Martins, Sturdza and Alonso (2003)")


@dataclass(frozen=True)
class Row:
    """One comparison: a compiled quantity against one reference, with its worst element."""

    quantity: str
    reference: str
    shape: tuple[int, ...]
    rtol: float
    atol: float
    ok: bool
    max_abs_error: float
    worst_index: tuple[int, ...] = ()
    compiled_value: float = math.nan
    reference_value: float = math.nan
    note: str = ""

    def describe(self) -> str:
        """One line naming the worst element and both values."""
        where = f"[{', '.join(map(str, self.worst_index))}]" if self.worst_index else ""
        text = (f"{self.quantity}{where} vs {self.reference}: compiled {self.compiled_value:.10g}, "
                f"{self.reference} {self.reference_value:.10g}, |error| {self.max_abs_error:.3g}")
        return f"{text} ({self.note})" if self.note else text


@dataclass
class CheckReport:
    """The outcome of ``check``: one row per compared quantity, plus what was drawn and why."""

    name: str
    backend: str
    dtype: str
    seed: int
    sizes: dict[str, int]
    domains: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def mismatches(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    def __str__(self) -> str:
        sizes = ", ".join(f"{k}={v}" for k, v in self.sizes.items()) or "none"
        lines = [f"symgrad check {self.name}: backend {self.backend}, {self.dtype}, seed {self.seed}, sizes {sizes}",
                 "inputs: " + "; ".join(f"{k} {v}" for k, v in self.domains.items())]
        header = ("quantity", "reference", "shape", "max |error|", "rtol", "atol", "result")
        table = [header] + [(r.quantity, r.reference, str(r.shape), f"{r.max_abs_error:.3g}", f"{r.rtol:g}",
                             f"{r.atol:g}", "ok" if r.ok else "MISMATCH") for r in self.rows]
        widths = [max(len(row[c]) for row in table) for c in range(len(header))]
        lines += ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
        lines += [f"MISMATCH {r.describe()}" for r in self.mismatches]
        lines += [f"note: {n}" for n in self.notes]
        verdict = "ok" if self.ok else f"MISMATCH in {len(self.mismatches)} of {len(self.rows)} comparisons"
        lines.append(f"result: {verdict} (atol is scaled by max(1, max |reference|))")
        return "\n".join(lines)

    def to_json(self) -> str:
        """The report as a JSON document (non-finite numbers as the strings "nan", "inf", "-inf")."""
        rows = [{"quantity": r.quantity, "reference": r.reference, "shape": list(r.shape), "rtol": r.rtol,
                 "atol": r.atol, "ok": r.ok, "max_abs_error": _json_number(r.max_abs_error),
                 "worst_index": list(r.worst_index), "compiled_value": _json_number(r.compiled_value),
                 "reference_value": _json_number(r.reference_value), "note": r.note} for r in self.rows]
        return json.dumps({"name": self.name, "backend": self.backend, "dtype": self.dtype, "seed": self.seed,
                           "sizes": self.sizes, "inputs": self.domains, "ok": self.ok, "rows": rows,
                           "notes": self.notes}, indent=2, allow_nan=False)


def check(name_or_derivation: str | Derivation, backend: str = "autograd", dtype: str = "float64", seed: int = 0,
          sizes: Mapping[str, int] | None = None, compiled: Compiled | None = None) -> CheckReport:
    """Compare the compiled loss and gradients of a catalog entry (or Derivation) with ``backend``.

    ``compiled`` checks a given Compiled instead of compiling the derivation (e.g. a wrapped one).
    """
    if backend not in BACKENDS:
        raise UnknownNameError(f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}")
    if dtype not in DTYPES:
        raise UnknownNameError(f"unknown dtype {dtype!r}; choose one of: {', '.join(DTYPES)}")
    reference = _reference(backend)  # fail on a missing package before any work
    from . import derive

    d = derive(name_or_derivation) if isinstance(name_or_derivation, str) else name_or_derivation
    from .compile import compile_derivation, python_names

    if compiled is None:
        compiled = compile_derivation(d)
    d = python_names(d)  # inputs and gradients by the compiled functions' names (\lambda is lambda_)
    graph = d.graph
    chosen = resolve_sizes(graph, sizes)
    domains = input_domains(graph)
    arrays64 = draw_inputs(graph, chosen, seed)
    arrays = {k: v.astype(dtype) for k, v in arrays64.items()}
    exact = {k: v.astype(np.float64) for k, v in arrays.items()}  # the dtype-rounded inputs, in float64
    report = CheckReport(name=d.name, backend=backend, dtype=dtype, seed=seed, sizes=chosen,
                         domains={k: v[0] for k, v in domains.items()})

    target = graph.target
    values = evaluate_definitions(graph, exact, chosen)
    report.notes += unmet_constraints(graph, values)
    loss = compiled.loss(**arrays)
    report.rows.append(_compare(target, "definitions", loss, values[target], TOLERANCES[("definitions", dtype)], dtype))
    grads = compiled.grad(**arrays)
    wrts = [r.wrt for r in d.results]
    value, both = compiled.value_and_grad(**arrays)
    report.rows.append(_compare("value_and_grad", "loss, grad", _flat(value, [both.get(w) for w in wrts]),
                                _flat(loss, [grads.get(w) for w in wrts]), TOLERANCES[("definitions", dtype)], dtype))
    for kind, label, refs, note in reference(compiled, arrays, exact, wrts):
        if note:
            report.notes.append(note)
        for wrt in wrts:
            report.rows.append(_compare(f"d{target}/d{wrt}", label, grads.get(wrt), refs[wrt],
                                        TOLERANCES[(kind, dtype)], dtype))
    return report


def resolve_sizes(graph: Graph, sizes: Mapping[str, int] | None = None) -> dict[str, int]:
    """Concrete values for every size symbol of the graph: distinct defaults 3, 4, 5, ... or ``sizes``."""
    found: set[sp.Symbol] = set()
    for t in graph.inputs:
        for extent in shape_of(t):
            found |= sp.sympify(extent).free_symbols
    for d in graph.definitions:
        for idx in d.lhs.atoms(sp.Idx) | d.rhs.atoms(sp.Idx):
            found |= sp.sympify(idx.upper).free_symbols
        for s in d.rhs.atoms(sp.Sum):
            for _, lo, hi in s.limits:
                found |= (sp.sympify(lo).free_symbols | sp.sympify(hi).free_symbols) - {v for v, *_ in s.limits}
    names = sorted({str(s) for s in found if s.is_integer and s.is_positive})
    chosen = {n: 3 + k for k, n in enumerate(names)}
    for n, v in (sizes or {}).items():
        if n not in chosen:
            raise UnknownNameError(f"sizes: {n!r} is not a size of {graph.target}; its sizes are: {', '.join(names)}")
        if not isinstance(v, int | np.integer) or v < 1:
            raise SymgradError(f"sizes: {n} must be a positive integer, got {v!r}")
        chosen[n] = int(v)
    return chosen


def input_domains(graph: Graph) -> dict[str, tuple[str, int | None]]:
    """Where each input is drawn from, by the module's rule: (description, one-hot axis or None)."""
    names = [name_of(t) for t in graph.inputs]
    one_hot: dict[str, tuple[int, str]] = {}
    for c in graph.constraints:
        lhs = c.lhs
        if c.rhs != 1 or not isinstance(lhs, sp.Sum) or not isinstance(lhs.function, sp.Indexed):
            continue
        summed = {v for v, *_ in lhs.limits}
        axes = [a for a, i in enumerate(lhs.function.indices) if i in summed]
        base, defined = name_of(lhs.function), graph.definition(name_of(lhs.function))
        if len(axes) != 1:
            continue
        if base in names:
            one_hot[base] = (axes[0], "declared constraint: sums to 1")
        elif defined is not None and len(defined.indices) > axes[0]:
            # a constrained name (t = (1 - eps) y + eps/N): the inputs it takes along that axis sum to 1
            own = defined.indices[axes[0]]
            for e in defined.rhs.atoms(sp.Indexed):
                if name_of(e) in names and own in e.indices:
                    one_hot[name_of(e)] = (e.indices.index(own), f"so that {base} sums to 1, a declared constraint")
    under_log: set[str] = set()
    for d in graph.definitions:
        for lg in d.rhs.atoms(sp.log):
            # what sits inside exp or cosh is positive whatever its value: log(Sum(exp(z))) needs no z > 0
            arg = lg.args[0].replace(lambda e: isinstance(e, sp.exp | sp.cosh), lambda e: sp.Integer(1))
            under_log |= {name_of(e) for e in arg.atoms(sp.Indexed)}
            under_log |= {str(s) for s in arg.free_symbols}
    domains: dict[str, tuple[str, int | None]] = {}
    for n in names:
        if n in one_hot:
            domains[n] = (f"one-hot along axis {one_hot[n][0]} ({one_hot[n][1]})", one_hot[n][0])
        elif n in under_log:
            domains[n] = ("uniform in (0.05, 0.95) (appears under log)", None)
        else:
            domains[n] = ("standard normal", None)
    return domains


def unmet_constraints(graph: Graph, values: Mapping[str, Any]) -> list[str]:
    """The declared constraints that do not hold (to 1e-9) at the evaluated definitions ``values``."""
    out = []
    for c in graph.constraints:
        bound = {str(v.label if isinstance(v, sp.Idx) else v) for s in c.lhs.atoms(sp.Sum) for v, *_ in s.limits}
        free = sorted((i for i in c.lhs.atoms(sp.Idx) if str(i.label) not in bound), key=str)
        ranges = [range(int(_evaluate(i.lower, {}, values)), int(_evaluate(i.upper, {}, values)) + 1) for i in free]
        worst = 0.0
        with np.errstate(all="ignore"):
            for point in itertools.product(*ranges):
                env = {str(i.label): v for i, v in zip(free, point)}
                worst = max(worst, abs(float(_evaluate(c.lhs, env, values)) - float(_evaluate(c.rhs, env, values))))
        if not worst <= 1e-9:
            out.append(f"the declared constraint {c.lhs} = {c.rhs} does not hold at the drawn inputs "
                       f"(off by {worst:.3g}): results that use it may disagree")
    return out


def draw_inputs(graph: Graph, sizes: Mapping[str, int], seed: int = 0) -> dict[str, np.ndarray]:
    """Random float64 inputs in each input's domain (see the module docstring), reproducible by ``seed``."""
    rng = np.random.default_rng(seed)
    domains = input_domains(graph)
    arrays: dict[str, np.ndarray] = {}
    for t in graph.inputs:
        name = name_of(t)
        shape = tuple(_concrete(e, sizes) for e in shape_of(t))
        description, axis = domains[name]
        if axis is not None:
            rows = shape[:axis] + shape[axis + 1:]
            labels = rng.integers(0, shape[axis], size=rows)
            arrays[name] = np.moveaxis(np.eye(shape[axis])[labels], -1, axis)
        elif description.startswith("uniform"):
            arrays[name] = rng.uniform(0.05, 0.95, size=shape)
        else:
            arrays[name] = np.asarray(rng.standard_normal(size=shape))
    return arrays


def _concrete(extent: sp.Expr, sizes: Mapping[str, int]) -> int:
    """An extent such as ``N`` or ``N + 1`` with the chosen sizes put in (matched by name)."""
    extent = sp.sympify(extent)
    return int(extent.xreplace({s: sp.Integer(sizes[s.name]) for s in extent.free_symbols}))


def evaluate_definitions(graph: Graph, arrays: Mapping[str, np.ndarray], sizes: Mapping[str, int]) -> dict[str, Any]:
    """Every definition evaluated element by element in float64, with explicit loops over indices and Sums.

    Slow on purpose and independent of the compiler: the reference for the compiled loss value.
    """
    values: dict[str, Any] = {**sizes, **{k: np.asarray(v, dtype=np.float64) for k, v in arrays.items()}}
    with np.errstate(all="ignore"):
        for d in graph.definitions:
            own = d.indices
            if not own:
                values[d.name] = np.float64(_evaluate(d.rhs, {}, values))
                continue
            ranges = [range(int(_evaluate(i.lower, {}, values)), int(_evaluate(i.upper, {}, values)) + 1)
                      for i in own]
            out = np.empty([len(r) for r in ranges])
            for point in itertools.product(*ranges):
                env = {str(i.label): v for i, v in zip(own, point)}
                out[tuple(v - r.start for v, r in zip(point, ranges))] = _evaluate(d.rhs, env, values)
            values[d.name] = out
    return values


# functions evaluated with NumPy; any other SymPy function is evaluated by SymPy at the numeric arguments
_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sp.exp: np.exp, sp.log: np.log, sp.tanh: np.tanh, sp.cosh: np.cosh, sp.sinh: np.sinh, sp.Abs: np.abs,
    sp.sign: np.sign, sp.Max: lambda *a: max(a), sp.Min: lambda *a: min(a),
}
_RELATIONS: dict[type, Callable[[Any, Any], bool]] = {
    sp.Eq: operator.eq, sp.Ne: operator.ne, sp.Lt: operator.lt, sp.Le: operator.le, sp.Gt: operator.gt,
    sp.Ge: operator.ge,
}


def _evaluate(expr: sp.Basic, env: dict[str, int], values: Mapping[str, Any]) -> Any:
    if expr.is_Number:
        return np.float64(expr) if not expr.is_Integer else int(expr)
    if isinstance(expr, sp.Idx):
        return env[str(expr.label)]
    if isinstance(expr, sp.Symbol):
        return env[expr.name] if expr.name in env else values[expr.name]
    if isinstance(expr, sp.Indexed):
        # indices are 1-based in the vocabulary, 0-based in arrays
        return values[name_of(expr)][tuple(int(_evaluate(i, env, values)) - 1 for i in expr.indices)]
    if isinstance(expr, sp.Add):
        return sum(_evaluate(a, env, values) for a in expr.args)
    if isinstance(expr, sp.Mul):
        return math.prod(_evaluate(a, env, values) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return np.float64(_evaluate(expr.base, env, values)) ** _evaluate(expr.exp, env, values)
    if isinstance(expr, sp.KroneckerDelta):
        return int(_evaluate(expr.args[0], env, values) == _evaluate(expr.args[1], env, values))
    if isinstance(expr, sp.Sum):
        return _evaluate_sum(expr.function, list(expr.limits), env, values)
    if isinstance(expr, sp.Piecewise):
        for piece, condition in expr.args:
            if _evaluate(condition, env, values):
                return _evaluate(piece, env, values)
        return np.float64(np.nan)
    if expr.func in _RELATIONS:
        return _RELATIONS[expr.func](*(_evaluate(a, env, values) for a in expr.args))
    if isinstance(expr, sp.logic.boolalg.BooleanAtom):
        return bool(expr)
    if isinstance(expr, sp.And | sp.Or | sp.Not):
        parts = [bool(_evaluate(a, env, values)) for a in expr.args]
        return all(parts) if isinstance(expr, sp.And) else any(parts) if isinstance(expr, sp.Or) else not parts[0]
    if expr.func in _FUNCTIONS:
        return _FUNCTIONS[expr.func](*(_evaluate(a, env, values) for a in expr.args))
    if isinstance(expr, sp.Function):
        args = [sp.Float(float(_evaluate(a, env, values)), 30) for a in expr.args]
        value = expr.func(*args).evalf(30)
        if value.is_Number:
            return np.float64(value)
    raise SymgradError(f"check: cannot evaluate {type(expr).__name__} in {expr}: it is neither arithmetic, "
                       "Sum, KroneckerDelta, Piecewise nor a SymPy function of numbers")


def _evaluate_sum(body: sp.Expr, limits: list[tuple[Any, ...]], env: dict[str, int], values: Mapping[str, Any]) -> Any:
    (var, lo, hi), rest = limits[0], limits[1:]
    total: Any = 0
    for v in range(int(_evaluate(lo, env, values)), int(_evaluate(hi, env, values)) + 1):
        inner = {**env, str(var.label if isinstance(var, sp.Idx) else var): v}
        total += _evaluate_sum(body, rest, inner, values) if rest else _evaluate(body, inner, values)
    return total


def _compare(quantity: str, reference: str, compiled: Any, expected: Any, tolerance: tuple[float, float],
             dtype: str) -> Row:
    rtol, atol = tolerance
    if compiled is None:
        return Row(quantity, reference, (), rtol, atol, False, math.inf, note="the compiled gradients lack it")
    got, want = np.asarray(compiled), np.asarray(expected, dtype=np.float64)
    if got.shape != want.shape:
        return Row(quantity, reference, got.shape, rtol, atol, False, math.inf,
                   note=f"compiled shape {got.shape} but reference shape {want.shape}")
    notes = []
    if got.dtype != np.dtype(dtype):
        notes.append(f"compiled returned {got.dtype} for {dtype} inputs")
    diff = np.abs(got.astype(np.float64) - want)
    finite = np.isfinite(want).all() and np.isfinite(got).all()
    scale = max(1.0, float(np.max(np.abs(want), initial=0.0))) if finite else 1.0
    allowed = atol * scale + rtol * np.abs(want)
    # the worst element is the one furthest outside (or least inside) its allowance; NaN counts as worst
    ratio = np.where(np.isnan(diff), np.inf, diff / allowed)
    worst = tuple(int(k) for k in np.unravel_index(int(np.argmax(ratio)), ratio.shape)) if ratio.size else ()
    ok = bool(np.all(ratio <= 1.0)) and not notes
    max_err = float(np.max(np.where(np.isnan(diff), np.inf, diff), initial=0.0))
    return Row(quantity, reference, got.shape, rtol, atol, ok, max_err, worst,
               float(got[worst]) if got.size else math.nan, float(want[worst]) if want.size else math.nan,
               "; ".join(notes))


_Reference = Callable[["Compiled", dict[str, np.ndarray], dict[str, np.ndarray], list[str]],
                      list[tuple[str, str, dict[str, np.ndarray], str]]]


def _reference(backend: str) -> _Reference:
    """The function computing reference Jacobians for ``backend``; SymgradError if its package is missing."""
    if backend in _PACKAGES:
        package, extra = _PACKAGES[backend]
        try:
            importlib.import_module(package)
        except ImportError as e:
            raise SymgradError(f"backend {backend!r} needs the package {package!r}, which is not installed: "
                               f"pip install symgrad[{extra}]") from e
    return {"autograd": _autograd, "torch": _torch, "jax": _jax, "tensorflow": _tensorflow, "fd": _fd}[backend]


def _autograd(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import autograd
    import autograd.numpy as anp

    f = compiled.loss_fn(anp)
    refs = {w: np.asarray(autograd.jacobian(lambda v, w=w: f(**{**arrays, w: v}))(arrays[w])) for w in wrts}
    return [("autodiff", "autograd", refs, "")]


def _torch(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import torch

    f = compiled.loss_fn(TorchNamespace())
    tensors = {k: torch.from_numpy(np.array(v)) for k, v in arrays.items()}  # a copy; keeps 0-d arrays 0-d
    refs = {w: torch.autograd.functional.jacobian(lambda v, w=w: f(**{**tensors, w: v}), tensors[w]).numpy()
            for w in wrts}
    return [("autodiff", "torch", refs, "")]


def _jax(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import jax
    import jax.numpy as jnp

    f = compiled.loss_fn(jnp)
    # without x64 jax silently computes float64 inputs in float32; the context leaves the user's setting alone
    with jax.enable_x64(any(v.dtype == np.float64 for v in arrays.values())):
        jarrays = {k: jnp.asarray(v) for k, v in arrays.items()}
        refs = {w: np.asarray(jax.jacrev(lambda v, w=w: f(**{**jarrays, w: v}))(jarrays[w])) for w in wrts}
    return [("autodiff", "jax", refs, "")]


def _tensorflow(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    tf = tensorflow_module()
    f = compiled.loss_fn(TensorFlowNamespace())
    refs = {}
    for w in wrts:
        tensors = {k: tf.constant(v) for k, v in arrays.items()}
        with tf.GradientTape() as tape:
            tape.watch(tensors[w])
            out = f(**tensors)
        refs[w] = tape.jacobian(out, tensors[w]).numpy()
    return [("autodiff", "tensorflow", refs, "")]


def _fd(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    """Central differences always; complex step too when the forward pass carries an imaginary part through."""
    real = compiled.loss_fn(np)
    h0 = np.finfo(np.float64).eps ** (1 / 3)
    central = {}
    for w in wrts:
        x = exact[w]
        columns = []
        for j in range(x.size):
            step = h0 * max(1.0, abs(float(x.flat[j])))
            up, down = x.copy(), x.copy()
            up.flat[j] += step
            down.flat[j] -= step
            # divide by the step actually taken (x + h is rounded)
            taken = float(up.flat[j] - down.flat[j])
            columns.append((np.asarray(real(**{**exact, w: up})) - np.asarray(real(**{**exact, w: down}))) / taken)
        central[w] = np.moveaxis(np.array(columns), 0, -1).reshape(np.shape(columns[0]) + x.shape)
    out = [("fd-central", "fd-central", central, "")]
    complex_fn = compiled.loss_fn(ComplexStepNamespace())
    try:
        stepped = {}
        for w in wrts:
            x = exact[w]
            columns = []
            for j in range(x.size):
                z = x.astype(np.complex128)
                z.flat[j] += 1j * _COMPLEX_STEP
                value = np.asarray(complex_fn(**{**exact, w: z}))
                if not np.iscomplexobj(value):
                    raise TypeError("the forward pass dropped the imaginary part")
                columns.append(value.imag / _COMPLEX_STEP)
            stepped[w] = np.moveaxis(np.array(columns), 0, -1).reshape(np.shape(columns[0]) + x.shape)
    except (TypeError, ValueError) as e:
        return [(*out[0][:3], f"complex step unavailable ({e}); central differences only")]
    return out + [("fd-complex", "fd-complex", stepped, _COMPLEX_STEP_NOTE)]


def tensorflow_module() -> Any:
    """TensorFlow, imported quietly (its C++ logging off)."""
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")  # GradientTape.jacobian's pfor warns about retracing on every new shape
    return tf


class MissingOpError(SymgradError, AttributeError):
    """A compiled forward pass asked a check namespace for an op outside ``symgrad.compile.XP_OPS``."""


class _Namespace:
    """A numpy-like namespace with exactly the ops of ``symgrad.compile.XP_OPS``."""

    backend = "numpy"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise MissingOpError(f"the {self.backend} namespace for check has no op {name!r}; "
                           "compiled forward passes may use only symgrad.compile.XP_OPS")


class TorchNamespace(_Namespace):
    """The XP_OPS on torch tensors, so that torch.autograd differentiates ``Compiled.loss_fn``."""

    backend = "torch"

    def __init__(self) -> None:
        import torch

        self.torch = torch

    def _tensor(self, a: Any, like: Any) -> Any:
        if isinstance(a, self.torch.Tensor):
            return a
        dtype = like.dtype if isinstance(like, self.torch.Tensor) else None
        return self.torch.as_tensor(a, dtype=dtype)

    def _dtype(self, dtype: Any) -> Any:
        if dtype is None or isinstance(dtype, self.torch.dtype):
            return dtype
        return getattr(self.torch, np.dtype(dtype).name)

    def exp(self, a: Any) -> Any:
        return self.torch.exp(self._tensor(a, a))

    def log(self, a: Any) -> Any:
        return self.torch.log(self._tensor(a, a))

    def log1p(self, a: Any) -> Any:
        return self.torch.log1p(self._tensor(a, a))

    def sqrt(self, a: Any) -> Any:
        return self.torch.sqrt(self._tensor(a, a))

    def abs(self, a: Any) -> Any:
        return self.torch.abs(self._tensor(a, a))

    def tanh(self, a: Any) -> Any:
        return self.torch.tanh(self._tensor(a, a))

    def sinh(self, a: Any) -> Any:
        return self.torch.sinh(self._tensor(a, a))

    def cosh(self, a: Any) -> Any:
        return self.torch.cosh(self._tensor(a, a))

    def arctan(self, a: Any) -> Any:
        return self.torch.arctan(self._tensor(a, a))

    def logaddexp(self, a: Any, b: Any) -> Any:
        return self.torch.logaddexp(self._tensor(a, b), self._tensor(b, a))

    def maximum(self, a: Any, b: Any) -> Any:
        return self.torch.maximum(self._tensor(a, b), self._tensor(b, a))

    def sum(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        if axis is None:
            total = self.torch.sum(a)
            return total.reshape((1,) * a.dim()) if keepdims else total
        return self.torch.sum(a, dim=axis, keepdim=keepdims)

    def max(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        if axis is None:
            top = self.torch.amax(a)
            return top.reshape((1,) * a.dim()) if keepdims else top
        return self.torch.amax(a, dim=axis, keepdim=keepdims)

    def einsum(self, subscripts: str, *operands: Any, optimize: Any = None) -> Any:
        return self.torch.einsum(subscripts, *operands)

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return self.torch.where(self._tensor(condition, None), self._tensor(a, b), self._tensor(b, a))

    def eye(self, n: int, m: int | None = None, dtype: Any = None) -> Any:
        return self.torch.eye(n, m if m is not None else n, dtype=self._dtype(dtype) or self.torch.float64)


class TensorFlowNamespace(_Namespace):
    """The XP_OPS from ``tf.experimental.numpy``, so that GradientTape differentiates ``Compiled.loss_fn``."""

    backend = "tensorflow"

    def __init__(self) -> None:
        tf = tensorflow_module()
        self.tnp = tf.experimental.numpy

    def _pair(self, a: Any, b: Any) -> tuple[Any, Any]:
        """Python and NumPy scalars take the tensor's dtype (TensorFlow does not promote)."""
        if hasattr(a, "dtype") and not np.isscalar(a) and np.ndim(b) == 0 and not hasattr(b, "device"):
            b = self.tnp.asarray(b, dtype=a.dtype)
        if hasattr(b, "dtype") and not np.isscalar(b) and np.ndim(a) == 0 and not hasattr(a, "device"):
            a = self.tnp.asarray(a, dtype=b.dtype)
        return a, b

    def exp(self, a: Any) -> Any:
        return self.tnp.exp(a)

    def log(self, a: Any) -> Any:
        return self.tnp.log(a)

    def log1p(self, a: Any) -> Any:
        return self.tnp.log1p(a)

    def sqrt(self, a: Any) -> Any:
        return self.tnp.sqrt(a)

    def abs(self, a: Any) -> Any:
        return self.tnp.abs(a)

    def tanh(self, a: Any) -> Any:
        return self.tnp.tanh(a)

    def sinh(self, a: Any) -> Any:
        return self.tnp.sinh(a)

    def cosh(self, a: Any) -> Any:
        return self.tnp.cosh(a)

    def arctan(self, a: Any) -> Any:
        return self.tnp.arctan(a)

    def logaddexp(self, a: Any, b: Any) -> Any:
        return self.tnp.logaddexp(*self._pair(a, b))

    def maximum(self, a: Any, b: Any) -> Any:
        return self.tnp.maximum(*self._pair(a, b))

    def sum(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        return self.tnp.sum(a, axis=axis, keepdims=keepdims)

    def max(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        return self.tnp.max(a, axis=axis, keepdims=keepdims)

    def einsum(self, subscripts: str, *operands: Any, optimize: Any = None) -> Any:
        return self.tnp.einsum(subscripts, *operands)

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return self.tnp.where(condition, *self._pair(a, b))

    def eye(self, n: int, m: int | None = None, dtype: Any = None) -> Any:
        return self.tnp.eye(n, m, dtype=np.dtype(getattr(dtype, "as_numpy_dtype", dtype) or np.float64))


class ComplexStepNamespace(_Namespace):
    """NumPy's XP_OPS made analytic for the complex step: abs and every max choose by the real part."""

    backend = "complex-step"

    exp, log, log1p, sqrt = staticmethod(np.exp), staticmethod(np.log), staticmethod(np.log1p), staticmethod(np.sqrt)
    tanh, sinh, cosh, arctan = staticmethod(np.tanh), staticmethod(np.sinh), staticmethod(np.cosh), staticmethod(np.arctan)
    sum, einsum, eye = staticmethod(np.sum), staticmethod(np.einsum), staticmethod(np.eye)
    where = staticmethod(np.where)

    @staticmethod
    def abs(a: Any) -> Any:
        return np.where(np.real(a) < 0, -a, a)

    @staticmethod
    def maximum(a: Any, b: Any) -> Any:
        return np.where(np.real(a) >= np.real(b), a, b)

    @staticmethod
    def max(a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        a = np.asarray(a)
        if axis is None:
            top = a.flat[int(np.argmax(np.real(a)))]
            return np.reshape(top, (1,) * a.ndim) if keepdims else top
        top = np.take_along_axis(a, np.expand_dims(np.argmax(np.real(a), axis=axis), axis), axis)
        return top if keepdims else np.squeeze(top, axis)

    @classmethod
    def logaddexp(cls, a: Any, b: Any) -> Any:
        m = cls.maximum(a, b)
        return m + np.log(np.exp(a - m) + np.exp(b - m))


def add_cli(subparsers: argparse._SubParsersAction) -> None:
    """Register ``symgrad check NAME [--backend ...] [--dtype ...] [--seed ...] [--size N=5 ...] [--json]``."""
    p = subparsers.add_parser("check", help="compare compiled gradients with real autodiff or finite differences",
                              description="Compare the compiled loss and gradients of a catalog entry with a "
                                          "reference; exit 0 when every comparison is within tolerance, 1 otherwise.")
    p.add_argument("name", help="catalog entry (see `symgrad list`)")
    p.add_argument("--backend", choices=BACKENDS, default="autograd", help="reference (default: autograd)")
    p.add_argument("--dtype", choices=DTYPES, default="float64", help="dtype of the compiled arrays")
    p.add_argument("--seed", type=int, default=0, help="random seed for the inputs (default: 0)")
    p.add_argument("--size", action="append", default=[], metavar="NAME=VALUE", help="set a size, e.g. --size B=8")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    """Run ``symgrad check`` from parsed arguments: print the report, return 0 if ok, 1 on a mismatch."""
    sizes = {}
    for item in args.size:
        key, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise SymgradError(f"--size expects NAME=POSITIVE_INTEGER such as B=8, got {item!r}")
        sizes[key.strip()] = int(value)
    report = check(args.name, backend=args.backend, dtype=args.dtype, seed=args.seed, sizes=sizes)
    print(report.to_json() if args.json else report)
    return 0 if report.ok else 1


def _flat(value: Any, grads: list[Any]) -> np.ndarray | None:
    """The value then each gradient, raveled into one vector (None if a gradient is missing)."""
    if any(g is None for g in grads):
        return None
    return np.concatenate([np.ravel(np.asarray(a)) for a in (value, *grads)])


def _json_number(x: float) -> float | str:
    return x if math.isfinite(x) else str(x)
