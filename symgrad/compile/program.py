"""The program: a derivation stabilised and lowered into named assignments, printed as NumPy functions
(``Compiled``)."""

from __future__ import annotations

import functools
import keyword
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from sympy.core.symbol import Str

from ..derivation import Derivation, Graph, Result
from ..errors import CompileError, ShapeError
from ..linalg import matrix_inputs
from ..tensors import Constraint, Definition, extent, name_of, shape_of
from .lowering import _Arr, _Lowering
from .nodes import BroadcastTo, Expanded, MatProd
from .printer import _ArrayPrinter
from .rewrites import _may_warn, stabilise
from .runtime import _MISSING, _check_constraint, _names_check, _prepare, _shape_text, checked_matrices

_RESERVED = frozenset({"np", "xp", "check_constraints"})


@dataclass
class _Program:
    """The lowered graph: named assignments (definitions, then gradients) ready for CSE and printing."""

    entry: str
    inputs: tuple[str, ...]
    dims: dict[str, tuple[str, ...]]
    batched: bool
    defs: list[tuple[sp.Symbol, sp.Expr]]  # lowered definitions, in dependency order
    grads: list[tuple[str, sp.Symbol, sp.Expr]]  # (wrt, variable, lowered expression)
    target: sp.Symbol
    warns: dict[str, bool]  # per assigned name: may it warn at a domain edge
    spec: dict
    checks: list[sp.Expr]  # lowered left sides of the constraints checked at call time (spec["constraints"])

    def _needed(self, roots: list[sp.Expr]) -> list[tuple[sp.Symbol, sp.Expr]]:
        names = {s for r in roots for s in r.free_symbols}
        for sym, expr in reversed(self.defs):
            if sym in names:
                names |= expr.free_symbols
        return [(s, e) for s, e in self.defs if s in names]

    def statements(self, kind: str, printer: _ArrayPrinter) -> tuple[list[str], bool]:
        """The body lines computing ``kind`` ("loss", "grad" or "value_and_grad") after CSE; may they warn."""
        grads = [] if kind == "loss" else [(v, e) for _, v, e in self.grads]
        roots = ([self.target] if kind != "grad" else []) + [e for _, e in grads]
        outputs = self._needed(roots) + grads
        reps, reduced = sp.cse([e for _, e in outputs], symbols=sp.numbered_symbols("_t"), order="none")
        reps, reduced = self._divide_by_sizes(reps, reduced)
        rep = dict(reps)
        order = {s: n for n, (s, _) in enumerate(reps)}
        alias: dict[sp.Symbol, sp.Symbol] = {}
        done: set[sp.Symbol] = set()
        lines = []

        def emit(sym: sp.Symbol, expr: sp.Expr) -> None:
            todo = set()
            stack = [expr]
            while stack:
                for s in stack.pop().free_symbols:
                    if s in rep and s not in done and s not in todo:
                        todo.add(s)
                        stack.append(rep[s])
            for s in sorted(todo, key=order.get):
                done.add(s)
                lines.append(f"{s} = {printer.doprint(rep[s].xreplace(alias))}")
            text = printer.doprint(expr.xreplace(alias))
            lines.append(f"{sym} = {text[1:-1] if isinstance(expr, MatProd) and printer.fast else text}")

        for (sym, _), expr in zip(outputs, reduced):
            if expr in rep and expr not in done:  # the whole output is shared: compute it under its own name
                done.add(expr)
                alias[expr] = sym
                expr = rep[expr]
            emit(sym, expr)
        return lines, any(self.warns[str(sym)] for sym, _ in outputs)

    def _divide_by_sizes(self, reps: list, reduced: list) -> tuple[list, list]:
        """CSE's shared ``_t0 = 1/N`` (or ``1/T``, ``1/_t4``: one over a name) put back where it is used, so
        that a mean prints ``x.sum()/N`` and a softmax ``e/_t4``, each rounding once as ``np.mean`` and autograd
        do: ``(1/3) * sum`` is one ulp off at float32 inputs near 1e6, and the centred ``x - mu`` keeps that ulp
        as its whole error."""
        sizes = set(self.spec["sizes"])

        def named(b: sp.Expr) -> bool:
            return isinstance(b, sp.Symbol) or (isinstance(b, Expanded) and isinstance(b.args[0], sp.Symbol))

        def reciprocal(e: sp.Expr) -> bool:  # 1/N, 1/(B C), 1/sqrt(D), 1/T, 1/_t4[..., None]
            if e.is_Pow and e.exp == -1 and named(e.base):  # first: sp.fraction keeps 1/tau[..., None] a numerator
                return True
            if not (e.is_Pow or e.is_Mul):
                return False
            num, den = sp.fraction(e)
            return num == 1 and bool(den.free_symbols) and {str(x) for x in den.free_symbols} <= sizes

        inline = {s: e for s, e in reps if reciprocal(e)}
        if not inline:
            return reps, reduced
        return ([(s, e.xreplace(inline)) for s, e in reps if s not in inline],
                [e.xreplace(inline) for e in reduced])

    def function(self, fname: str, kind: str, spec_name: str, doc: str) -> str:
        """Source of one NumPy function: inline fast checks, the slow-path ``_prepare``, the body."""
        printer = _ArrayPrinter("np", frozenset(self.spec["sizes"]))
        checks = self.checks if kind != "loss" else []  # the value never used a constraint; gradients may have
        params = ", ".join([f"{n}=_MISSING" for n in self.inputs] + (["check_constraints=True"] if checks else []))
        sizes = self.spec["sizes"] + (("_batch",) if self.batched else ())
        escaped = doc.replace("\\", "\\\\")  # a backslash in a name (\\sigma) stays itself in the docstring
        lines = [f"def {fname}(*, {params}, **_extra):", f'    """{escaped}"""', "    try:"]
        lines += [f"        {s}" for s in self._fast_checks()]
        lines += ["    except (AttributeError, IndexError, TypeError, ValueError):", "        _ok = False",
                  "    if not _ok:",
                  f"        {', '.join(self.inputs + sizes)} = _prepare({spec_name}, {_tuple_text(self.inputs)}, _extra)"]
        if checks:
            lines.append("    if check_constraints:")
            lines += [f"        _check_constraint({spec_name}, {n}, {printer.doprint(lhs)})" for n, lhs in enumerate(checks)]
        body, warns = self.statements(kind, printer)
        if warns:
            lines.append('    with np.errstate(all="ignore"):  # log/division of data: inf or nan at domain edges')
            indent = "        "
        else:
            indent = "    "
        lines += [indent + s for s in body]
        grads = "{" + ", ".join(f"{w!r}: {v}" for w, v, _ in self.grads) + "}"
        result = {"loss": f"{self.target}", "grad": grads, "value_and_grad": f"{self.target}, {grads}"}[kind]
        lines.append(f"{indent}return {result}")
        return "\n".join(lines)

    def _fast_checks(self) -> list[str]:
        """Straight-line checks that accept well-formed float arrays of one dtype (else the slow path)."""
        known: set[str] = set()
        out, conds = [], []
        first = self.inputs[0]
        if self.batched:
            dims0 = self.dims[first]
            out.append(f"_batch = {first}.shape" + ("[:-1]" if dims0 else ""))
        for name in self.inputs:
            dims = self.dims[name]
            if self.batched:
                for pos, d in enumerate(dims):
                    if d not in known:
                        out.append(f"{d} = {name}.shape[{pos - len(dims)}]")
                        known.add(d)
                if name != first:
                    conds.append(f"{name}.shape == _batch + {_tuple_text(dims)}")
            elif dims and len(set(dims)) == len(dims) and not set(dims) & known:
                out.append(f"{', '.join(dims)}{',' if len(dims) == 1 else ''} = {name}.shape")
                known |= set(dims)
            else:
                for pos, d in enumerate(dims):
                    if d not in known:
                        out.append(f"{d} = {name}.shape[{pos}]")
                        known.add(d)
                conds.append(f"{name}.shape == {_tuple_text(dims)}")
        dtypes = " == ".join(f"{n}.dtype" for n in self.inputs)
        conds.append(f"{first}.dtype.kind == 'f'")
        if len(self.inputs) > 1:
            conds.append(dtypes)
        conds.append("not _extra")
        return out + [f"_ok = {' and '.join(conds)}"]

    def forward(self, fname: str, spec_name: str) -> str:
        """Source of the target's forward pass over an array namespace ``xp`` (for autodiff)."""
        printer = _ArrayPrinter("xp", frozenset(self.spec["sizes"]))
        params = ", ".join(f"{n}=_MISSING" for n in self.inputs)
        body, _ = self.statements("loss", printer)
        used = {str(s) for _, e in self._needed([self.target]) for s in e.free_symbols}
        lines = [f"def {fname}(*, {params}, **_extra):",
                 f"    if _extra or {' or '.join(f'{n} is _MISSING' for n in self.inputs)}:",
                 f"        _names_check({spec_name}, {_tuple_text(self.inputs)}, _extra)"]
        for d in self.spec["sizes"]:
            if d in used:
                name = next(n for n in self.inputs if d in self.dims[n])
                dims = self.dims[name]
                lines.append(f"    {d} = {name}.shape[{dims.index(d) - len(dims)}]")
        lines += ["    " + s for s in body] + [f"    return {self.target}"]
        return "\n".join(lines)


def _tuple_text(dims: tuple[str, ...]) -> str:
    return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"


def _check_name(name: str, what: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_") or name in _RESERVED:
        raise CompileError(f"{what} {name!r} cannot be a Python variable name in compiled code")


def python_names(d: Derivation) -> Derivation:
    """``d`` with every tensor, scalar and size named as in Python (``lambda`` is ``lambda_``, ``\\mu`` is ``mu``).

    The compiled functions' keyword arguments and gradient keys are these names (``symgrad.loss.python_name``);
    ``d`` is returned as it is when every name already is one.
    """
    from ..loss import python_name

    g = d.graph
    exprs = [*g.inputs, *(e for x in g.definitions for e in (x.lhs, x.rhs)),
             *(e for c in g.constraints for e in (c.lhs, c.rhs)), *(e for r in d.results for e in (r.of, r.var, r.expr))]
    symbols = {s for e in exprs for s in sp.sympify(e).atoms(sp.Symbol) if not isinstance(s, sp.Dummy)}
    mapping = {s: sp.Symbol(python_name(s.name), **s.assumptions0) for s in symbols if python_name(s.name) != s.name}
    if not mapping:
        return d
    taken = {s.name for s in symbols}
    for old, new in mapping.items():
        if new.name in taken:
            raise CompileError(f"{old} and {new} would both be the Python name {new}; rename one of them")

    def rename(e: sp.Basic) -> sp.Basic:
        return e.xreplace(mapping)

    graph = Graph(tuple(Definition(rename(x.lhs), rename(x.rhs)) for x in g.definitions),
                  tuple(rename(t) for t in g.inputs), python_name(g.target),
                  tuple(Constraint(rename(c.lhs), rename(c.rhs), c.reason) for c in g.constraints))
    results = [Result(python_name(r.wrt), rename(r.of), rename(r.var), rename(r.expr),
                      tuple((k, rename(v)) for k, v in r.cases), r.matrix_form) for r in d.results]
    return Derivation(d.name, d.title, graph, d.steps, results, d.notes)


def _check_graph(d: Derivation) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], set[sp.Symbol]]:
    """The inputs, their dims and the size symbols of ``d``; ``CompileError`` for names code cannot use."""
    g = d.graph
    inputs = tuple(name_of(t) for t in g.inputs)
    dims = {name_of(t): tuple(str(s) for s in shape_of(t)) for t in g.inputs}
    size_syms = {s for t in g.inputs for s in shape_of(t) if isinstance(s, sp.Symbol)}
    for t in g.inputs:
        if any(not isinstance(s, sp.Symbol) for s in shape_of(t)):
            raise CompileError(f"input {name_of(t)} has shape {shape_of(t)}; every axis must be one size symbol")
    for n in inputs + g.names:
        _check_name(n, "tensor")
    for s in size_syms:
        _check_name(s.name, "size")
        if s.name in inputs or s.name in g.names:
            raise CompileError(f"size {s} has the same name as a tensor")
    if not inputs:
        raise CompileError(f"{d.name}: the graph has no inputs")
    for x in g.definitions:
        _check_index_values(x)
    if g.definition(g.target) is None:
        raise CompileError(f"{d.name}: the target {g.target} is not a definition of the graph")
    return inputs, dims, size_syms


def _index_values(e: sp.Basic) -> tuple[sp.Idx, sp.Expr] | None:
    """The first index used as a value in ``e`` (outside a tensor's subscript or a delta), with its product."""
    if isinstance(e, (sp.Indexed, sp.KroneckerDelta)) or e.is_Atom and not isinstance(e, sp.Idx):
        return None
    if isinstance(e, sp.Idx):
        return e, e
    if isinstance(e, sp.Mul) and (k := next((a for a in e.args if isinstance(a, sp.Idx)), None)) is not None:
        return k, e
    return next(filter(None, map(_index_values, e.args[:1] if isinstance(e, sp.Sum) else e.args)), None)


def _check_index_values(x: Definition) -> None:
    """``CompileError`` naming an index used as a number (``y(i)`` or ``P(x)`` read as the products ``y i``,
    ``P x``; ``y[i]`` under a sum over i is the element y_i): an index only says which element of a tensor; no array
    code multiplies by it."""
    if found := _index_values(x.rhs):
        k, term = found
        y = next((a for a in sp.Mul.make_args(term) if isinstance(a, sp.Symbol) and not isinstance(a, sp.Idx)), "y")
        raise CompileError(f"index {k} used as a value in {term} (in the definition of {x.lhs}); only tensors can be "
                           f"indexed: write an element as {y}_{k} or {y}_{{{k}}} ({y}({k}) reads as the product {y} {k})")


def _constraint_text(c: Constraint) -> str:
    """``sum_k y_nk = 1 (each row of y is one-hot)``: a constraint as one line of plain text."""
    lhs = c.lhs
    if isinstance(lhs, sp.Sum) and isinstance(lhs.function, sp.Indexed):
        y = lhs.function
        lhs = f"sum_{lhs.limits[0][0]} {name_of(y)}_{''.join(str(i) for i in y.indices)}"
    return f"{lhs} = {c.rhs}" + (f" ({c.reason})" if c.reason else "")


def _constraint_checks(d: Derivation, lower: _Lowering, inputs: tuple[str, ...]
                       ) -> list[tuple[str, str, float, sp.Expr]]:
    """``(input, text, right side, lowered left side)`` of every constraint on inputs alone, when the
    derivation used a constraint (a constraint on a definition follows from those on its inputs)."""
    if not any(s.rule.startswith("use the constraint") for s in d.steps):
        return []
    out = []
    for c in d.graph.constraints:
        names = {name_of(x) for x in c.lhs.atoms(sp.Indexed)} | {s.name for s in c.lhs.free_symbols
                                                                  if s.name in inputs}
        if c.rhs.is_number and names and names <= set(inputs):
            out.append((min(names), _constraint_text(c), float(c.rhs), lower(c.lhs).expr))
    return out


def lower_derivation(d: Derivation) -> tuple[_Program, list[str]]:
    """Stabilise and lower ``d``: the program to print, and the names of the rewrites that fired."""
    g = d.graph
    inputs, dims, size_syms = _check_graph(d)
    batched = all(len(v) <= 1 for v in dims.values())
    ranks = {n: len(v) for n, v in dims.items()} | {x.name: len(x.indices) for x in g.definitions}
    like = sp.Symbol(inputs[0])
    lower = _Lowering(ranks, size_syms, batched, like)
    fired: list[str] = []
    names: dict[str, tuple[sp.Expr, sp.Expr]] = {}
    data = frozenset(inputs + g.names)
    defs, warns, used_by = [], {}, {}
    for x in g.definitions:
        rhs = stabilise(x.rhs, names, fired)
        names[x.name] = (x.lhs, rhs)
        lower.prefer = tuple(x.indices)
        expr = _shape_to(lower, lower(rhs), tuple(x.indices), batched, like, f"definition {x.lhs}", False)
        defs.append((sp.Symbol(x.name), expr))
        warns[x.name] = _may_warn(rhs, data)
        text = f"{x.name} = {_ArrayPrinter('np').doprint(expr)}"
        for t in inputs:
            if t not in used_by and sp.Symbol(t) in expr.free_symbols:
                used_by[t] = text if len(text) <= 40 else x.name
    grads = []
    for r in d.results:
        _check_name(r.wrt, "gradient")
        if f"grad_{r.wrt}" in data:
            raise CompileError(f"a tensor is named grad_{r.wrt}, the variable of the gradient by {r.wrt}")
        expr = stabilise(r.expr, names, fired)
        want = r.free_indices
        if len(set(want)) != len(want):
            raise CompileError(f"d{r.of}/d{r.var}: the result repeats an index; rename the variable's indices")
        lower.prefer = want
        out = _shape_to(lower, lower(expr), want, batched, like, f"d{r.of}/d{r.var}", True)
        grads.append((r.wrt, sp.Symbol(f"grad_{r.wrt}"), out))
        warns[f"grad_{r.wrt}"] = _may_warn(expr, data)
    checks = _constraint_checks(d, lower, inputs)
    spec = {
        "entry": d.name,
        "inputs": tuple((n, dims[n]) for n in inputs),
        "labels": tuple(sorted(_label_inputs(g))),
        "batched": batched,
        "sizes": tuple(dict.fromkeys(s for n in inputs for s in dims[n])),
        "used_by": used_by,
        "constraints": tuple((name, text, rhs) for name, text, rhs, _ in checks),
    }
    program = _Program(d.name, inputs, dims, batched, defs, grads, sp.Symbol(g.target), warns, spec,
                       [lhs for *_, lhs in checks])
    return program, fired


def _shape_to(lower: _Lowering, arr: _Arr, want: tuple[sp.Idx, ...], batched: bool, like: sp.Symbol,
              what: str, broadcast: bool) -> sp.Expr:
    """``arr`` with axes exactly ``want`` (permuted; broadcast when it lacks some)."""
    extra = [i for i in arr.axes if i not in want]
    if extra:
        raise CompileError(f"{what}: free index {extra[0]} does not appear on the left-hand side")
    order = tuple(i for i in want if i in arr.axes)
    if order != arr.axes:
        arr = _Arr(lower._permute(arr, order), order, arr.data)
    if order == want and arr.data:
        return arr.expr
    if not broadcast:
        raise CompileError(f"{what} does not depend on every one of its indices {want}")
    shape = "(" + ", ".join(str(lower._size(extent(i), arr.expr)) for i in want) + ("," if len(want) == 1 else "") + ")"
    if batched:
        shape = f"_batch + {shape}" if want else "_batch"
    return BroadcastTo(lower._align(arr, want), Str(shape), like)


def _label_inputs(g: Any) -> set[str]:
    """Inputs declared one-hot by a constraint ``Sum(y[..., k], k) = 1`` over their last index."""
    out = set()
    for c in g.constraints:
        if c.rhs == 1 and isinstance(c.lhs, sp.Sum) and isinstance(c.lhs.function, sp.Indexed):
            y = c.lhs.function
            if len(c.lhs.limits) == 1 and y.indices[-1] == c.lhs.limits[0][0] and g.input(name_of(y)) is not None:
                out.add(name_of(y))
    return out


class Compiled:
    """NumPy functions of a derivation's target and gradients, generated once and run as plain code.

    ``loss(**arrays)`` gives the target (for a vector target such as softmax, its value);
    ``grad(**arrays)`` a dict of gradients keyed by ``Result.wrt`` (for a vector target, the
    Jacobian with axes (target indices, variable indices)); ``value_and_grad`` both, sharing work.
    Arguments are keywords named as the graph's inputs in Python spelling (``python_names``: ``\\lambda``
    is ``lambda_``), and so are the gradient keys; sizes come from the arrays' shapes;
    float32 stays float32, float64 float64, integers become float64; a one-hot input also takes
    integer class labels. Wrong names, ranks or shapes raise ``ShapeError``; so does an input that breaks a
    constraint the derivation used (``sum_k y_k = 1`` for cross-entropy on logits: its gradient ``p - y``
    holds only then), checked per row by ``grad`` and ``value_and_grad`` unless ``check_constraints=False``
    (the check is one sum over the labels: the general form ``p sum_k y_k - y`` would cost the same, but the
    engine's derivation is what is compiled, never re-derived). ``source`` is the
    NumPy code they run; ``loss_fn(xp)`` the forward pass for real autodiff; ``rewrites`` the
    stability rewrites that fired.
    """

    def __init__(self, derivation: Derivation):
        self.derivation = derivation
        self.name = derivation.name
        self._named = python_names(derivation)  # the names of the arguments and gradient keys
        self._program, fired = lower_derivation(self._named)
        self.rewrites: tuple[str, ...] = tuple(dict.fromkeys(fired))  # the stability rewrites that fired
        self.inputs: tuple[str, ...] = self._program.inputs
        self.wrt: tuple[str, ...] = tuple(w for w, _, _ in self._program.grads)
        self.spec = self._program.spec  # what the argument checks need: names, dims, labels, sizes
        self.source = "\n\n\n".join([f"_SPEC = {self.spec!r}"] + [
            self._program.function(kind, kind, "_SPEC", self._doc(kind)) for kind in ("loss", "grad", "value_and_grad")])
        namespace = {"np": np, "_MISSING": _MISSING, "_prepare": _prepare, "_check_constraint": _check_constraint,
                     "ShapeError": ShapeError}
        exec(compile(self.source, f"<symgrad {self.name}>", "exec"), namespace)  # noqa: S102 - our own printed code
        self.loss: Callable[..., Any] = namespace["loss"]
        self.grad: Callable[..., dict[str, Any]] = namespace["grad"]
        self.value_and_grad: Callable[..., tuple[Any, dict[str, Any]]] = namespace["value_and_grad"]
        if "linalg." in self.source:  # matrix inputs: symmetric where declared, a singular one named in one line
            matrices = matrix_inputs(self._named.graph.inputs)
            for kind in ("loss", "grad", "value_and_grad"):
                setattr(self, kind, checked_matrices(getattr(self, kind), self.name, matrices))

    def _doc(self, kind: str) -> str:
        """Docstring of a generated function: the arrays it takes and what it returns, with shapes."""
        batch = ["..."] if self.spec["batched"] else []

        def shape(idx: Sequence[Any]) -> str:
            return "[" + ", ".join(batch + [str(extent(i)) if isinstance(i, sp.Idx) else i for i in idx]) + "]"

        args = ", ".join(f"{n} {shape(dims)}" + (f" (or integer class labels {shape(dims[:-1])})"
                                                 if n in self.spec["labels"] else "")
                         for n, dims in self.spec["inputs"])
        target = self._program.target
        value = f"{target} {shape(self._named.graph.definition(str(target)).indices)}"
        grads = "{" + ", ".join(f"{r.wrt!r}: d{target}/d{r.wrt} {shape(r.free_indices)}"
                                for r in self._named.results) + "}"
        returns = {"loss": value, "grad": grads, "value_and_grad": f"({value}, {grads})"}[kind]
        checks = "".join(f"    The gradients use {text}: checked per row (to sqrt(eps) of the dtype), a ShapeError\n"
                         "    names the first row that breaks it; check_constraints=False skips the check.\n"
                         for _, text, _ in self.spec["constraints"] if kind != "loss")
        return (f"{self.derivation.title} ({self.name}).\n\n    Keyword arrays: {args}.\n"
                f"    Returns {returns}.\n{checks}    ")

    def function_source(self, fname: str, spec_name: str, kind: str = "value_and_grad") -> str:
        """The source of one compiled function under another name (used by ``symgrad.export``)."""
        return self._program.function(fname, kind, spec_name, self._doc(kind))

    @functools.cached_property
    def forward_source(self) -> str:
        """Source of the forward pass over ``xp`` (made on first use: only ``loss_fn`` needs it)."""
        return self._program.forward("loss", "_SPEC")

    def loss_fn(self, xp: Any) -> Callable[..., Any]:
        """The target's forward pass over the array namespace ``xp`` (``autograd.numpy``, ``jax.numpy``, ...).

        It calls only the ``XP_OPS`` on ``xp``, so real autodiff can differentiate it; it takes the
        same keyword arguments (one-hot labels, no conversions). ``CompileError`` if the forward
        pass needs an op outside ``XP_OPS``.
        """
        namespace = {"xp": xp, "_MISSING": _MISSING, "_names_check": _names_check, "_shape_text": _shape_text,
                     "ShapeError": ShapeError, "_SPEC": self.spec}
        exec(compile(self.forward_source, f"<symgrad {self.name} forward>", "exec"), namespace)  # noqa: S102
        return namespace["loss"]

    def to_torch(self) -> Callable[..., Any]:
        """The loss as a torch function with the same keyword arguments and symgrad's closed-form backward
        (a ``torch.autograd.Function``: ``loss.backward()`` fills ``.grad``); see ``symgrad.targets.torch``."""
        from ..targets.torch import to_torch

        return to_torch(self)

    def to_jax(self) -> Callable[..., Any]:
        """The loss as a ``jax.custom_vjp`` function with the same keyword arguments; see ``symgrad.targets.jax``."""
        from ..targets.jax import to_jax

        return to_jax(self)

    def to_array_api(self) -> Callable[..., tuple[Any, dict[str, Any]]]:
        """``value_and_grad`` over the array namespace of its arguments (NumPy, torch, JAX, CuPy)."""
        from ..targets.array_api import to_array_api

        return to_array_api(self)

    def _repr_html_(self) -> str:
        from ..display import compiled_html

        return compiled_html(self)

    def __repr__(self) -> str:
        return f"<Compiled {self.name}: d{self._program.target}/d{{{', '.join(self.wrt)}}}>"


def compile_derivation(d: Derivation) -> Compiled:
    """Compile ``d`` to NumPy (see ``Compiled``); all SymPy work happens here, once."""
    return Compiled(d)
