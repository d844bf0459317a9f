"""Precision of symgrad's compiled losses and gradients against an mpmath reference, next to autograd's own.

Run by hand (CI runs a small sample in tests/test_precision.py):

    python benchmarks/bench_precision.py --write      # every catalog entry -> benchmarks/precision.md
    python benchmarks/bench_precision.py --cells /tmp/cells.jsonl [names]   # in chunks; then add --write

For every catalog entry, at small concrete sizes: the definitions are written out element by element as
one SymPy expression of the input elements (sums expanded, names substituted), differentiated by SymPy's
``diff`` (det, log|det| and the inverse as SymPy's ``Matrix.det`` and ``adjugate``/det) and evaluated by mpmath:
a reference that shares no code with symgrad's engine, rewrites or compiler. It is evaluated at 50 digits, then
100, 200, ... 5000 until two precisions in a row agree to 1e-20 of each array's largest entry (``AGREE``): the
errors are relative to that entry, so digits below it cannot change a cell, and a true zero computed as 1e-60
and then 1e-110 counts as settled; asking for equal float64 roundings instead took 5000 digits wherever
exp(1e4) terms cancel (attention: over 20 minutes). The lambdified reference shares subexpressions (``cse``).
The compiled ``value_and_grad`` and autograd (on the compiled forward pass
``loss_fn(autograd.numpy)``, autograd's own derivatives, rounded to the dtype) are evaluated on the same inputs,
each in float64 and float32. The error of a quantity is max |got - reference| / max |reference| over its array; a
cell shows the worst quantity (the value and every gradient). The contract, per quantity: symgrad's error is within
10x of autograd's, or under 8 roundings of the dtype at the reference's largest entry (``floor``: np.spacing, so
denormal results count with the few digits they have). Inputs: as ``symgrad check`` draws them, then the
unconstrained (standard normal) inputs scaled by 1e-3 and 1e4, offset by 1e4 and 1e6, set to exact zeros, or made
denormal (1e-310 in float64, 1e-40 in float32). A cell where the reference itself is not finite (outside the
loss's domain) or beyond the dtype's largest number reads "n/a". ``METHOD`` says why each of these choices is fair;
it heads the written file.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import autograd
import autograd.numpy as anp
import mpmath
import numpy as np
import sympy as sp

import symgrad
from symgrad import linalg
from symgrad.check import resolve_sizes
from symgrad.check.inputs import domains_of, draw_inputs
from symgrad.compile import Compiled, compile_derivation, python_names
from symgrad.derivation import Derivation
from symgrad.errors import SymgradError
from symgrad.tensors import name_of, shape_of

HERE = Path(__file__).resolve().parent
DIGITS = 50
PRECISIONS = (DIGITS, 2 * DIGITS, 200, 400, 800, 1600, 5000)  # digits tried in turn until two in a row agree
AGREE = 1e-20  # ... to this fraction of each array's largest entry (1e-4 of float64's eps)
FACTOR = 10  # symgrad's error may be this many times autograd's
FLOOR_ULPS = 8  # ... or this many units in the last place of the dtype, whichever is larger
DTYPES = ("float64", "float32")
DRAWS = 5  # draws of inputs for a cell outside FACTOR x at the first (see measure)


def _tiny(dtype: str) -> float:
    return 1e-310 if dtype == "float64" else 1e-40


# input kind -> how the unconstrained inputs change (the others stay inside their declared domains)
KINDS: dict[str, Callable[[np.ndarray, str], np.ndarray]] = {
    "random": lambda a, dtype: a,
    "x1e-3": lambda a, dtype: a * 1e-3,
    "x1e4": lambda a, dtype: a * 1e4,
    "+1e4": lambda a, dtype: a + 1e4,
    "+1e6": lambda a, dtype: a + 1e6,
    "zeros": lambda a, dtype: np.zeros_like(a),
    "denormal": lambda a, dtype: a * _tiny(dtype),
}


@dataclass
class Reference:
    """An entry written out element by element at concrete sizes, evaluated by mpmath."""

    symbols: list[sp.Symbol]  # one per input element, in the order of ``slots``
    slots: list[tuple[str, tuple[int, ...]]]  # (input name, 0-based element index)
    value: Callable[..., Any]
    grads: dict[str, tuple[tuple[int, ...], Callable[..., Any]]]  # wrt -> (shape, function of all elements)

    def __call__(self, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Value and gradients at ``arrays``: at ``DIGITS`` digits, more where two precisions disagree
        (``1 - sigma(1e4)`` needs 4,400 digits before it is not 0); nan where none settles."""
        last = None
        for digits in PRECISIONS:
            try:
                now = self._at(arrays, digits)
            except (ZeroDivisionError, ValueError):
                now = None
            if now is not None and last is not None and _agree(now, last):
                return now
            last = now
        return np.array(np.nan), {w: np.full(shape, np.nan) for w, (shape, _) in self.grads.items()}

    def _at(self, arrays: dict[str, np.ndarray], digits: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        with mpmath.workdps(digits):
            args = [mpmath.mpf(float(arrays[n][i])) for n, i in self.slots]
            value = _to_float(self.value(*args))
            grads = {w: _to_float(fn(*args)).reshape(shape) for w, (shape, fn) in self.grads.items()}
        return value, grads


def _agree(a: tuple[np.ndarray, dict], b: tuple[np.ndarray, dict]) -> bool:
    """Two evaluations within ``AGREE`` of each array's largest entry: errors are measured relative to that
    entry, so digits below it do not matter (a true 0 computed as 1e-60 at 50 digits and 1e-110 at 100 agrees; an
    exact match would need 5000 digits where exp(1e4) terms cancel, minutes per cell for attention)."""
    pairs = [(a[0], b[0])] + [(a[1][w], b[1][w]) for w in a[1]]
    for x, y in pairs:
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            return False
        scale = max(float(np.max(np.abs(x), initial=0.0)), float(np.max(np.abs(y), initial=0.0)))
        if float(np.max(np.abs(x - y), initial=0.0)) > AGREE * scale:
            return False
    return True


def _to_float(x: Any) -> np.ndarray:
    """mpmath numbers (nested lists) as float64, non-finite or complex as nan."""
    flat = np.asarray(x, dtype=object).ravel()
    out = np.array([float(v) if isinstance(v, (mpmath.mpf, int, float)) else
                    (float(v.real) if isinstance(v, mpmath.mpc) and v.imag == 0 else np.nan) for v in flat])
    return out.reshape(np.shape(np.asarray(x, dtype=object)))


def _elements(sizes: dict[str, int], dims: tuple[sp.Expr, ...]) -> list[tuple[int, ...]]:
    return list(itertools.product(*[range(int(sp.sympify(d).xreplace(_size_map(sizes)))) for d in dims]))


def _size_map(sizes: dict[str, int]) -> dict[sp.Symbol, sp.Integer]:
    return {sp.Symbol(k, integer=True, positive=True): sp.Integer(v) for k, v in sizes.items()} | {
        sp.Symbol(k): sp.Integer(v) for k, v in sizes.items()}


def _concrete(expr: sp.Expr, idx: dict[str, int], sizes: dict[str, int],
              known: dict[tuple[str, tuple[int, ...]], sp.Expr]) -> sp.Expr:
    """``expr`` at concrete sizes and free-index values (1-based), sums expanded, known elements substituted."""
    expr = expr.xreplace(_size_map(sizes))
    expr = expr.replace(lambda e: isinstance(e, sp.Idx) and e.label.name in idx,
                        lambda e: sp.Integer(idx[e.label.name]))
    expr = _explicit_matrices(expr.doit())
    expr = expr.replace(lambda e: isinstance(e, sp.Indexed) and (name_of(e), tuple(map(int, e.indices))) in known,
                        lambda e: known[(name_of(e), tuple(map(int, e.indices)))])
    return expr.xreplace({s: known[(s.name, ())] for s in expr.free_symbols if (s.name, ()) in known})


def _explicit_matrices(expr: sp.Expr) -> sp.Expr:
    """det, log|det| and elements of the inverse of a matrix as SymPy's own ``Matrix.det`` and ``Matrix.inv`` of
    its elements (at small sizes), so that the reference shares no matrix rule with symgrad."""
    def matrix(X: sp.IndexedBase) -> sp.Matrix:
        n = int(X.shape[0])
        return sp.Matrix(n, n, lambda r, c: sp.Indexed(X, r + 1, c + 1))

    def det(X: sp.IndexedBase) -> sp.Expr:
        return matrix(X).det(method="berkowitz")

    expr = expr.replace(lambda e: isinstance(e, linalg.LogDet), lambda e: sp.log(sp.Abs(det(e.args[0]))))
    expr = expr.replace(lambda e: isinstance(e, linalg.Det), lambda e: det(e.args[0]))
    inverses: dict[sp.IndexedBase, sp.Matrix] = {}

    def element(e: linalg.InverseElement) -> sp.Expr:  # adj(X)/det X: Matrix.inv of a symbolic 4 x 4 takes minutes
        if e.matrix not in inverses:
            inverses[e.matrix] = matrix(e.matrix).adjugate(method="berkowitz") / det(e.matrix)
        r, c = int(e.indices[0]) - 1, int(e.indices[1]) - 1
        if isinstance(e.matrix, linalg.Symmetric):  # symgrad keeps one index order; every entry is a variable
            return (inverses[e.matrix][r, c] + inverses[e.matrix][c, r]) / 2  # of the unconstrained gradient
        return inverses[e.matrix][r, c]

    return expr.replace(lambda e: isinstance(e, linalg.InverseElement), element)


def build_reference(d: Derivation, sizes: dict[str, int]) -> Reference:
    """The reference of ``d`` (Python names) at ``sizes``: target and results from the definitions alone."""
    g = d.graph
    known: dict[tuple[str, tuple[int, ...]], sp.Expr] = {}
    symbols, slots = [], []
    for t in g.inputs:
        n = name_of(t)
        for el in _elements(sizes, shape_of(t)):
            s = sp.Symbol(f"{n}_{'_'.join(map(str, el))}", real=True)
            symbols.append(s)
            slots.append((n, el))
            known[(n, tuple(i + 1 for i in el))] = s
    for x in g.definitions:
        labels = [i.label.name for i in x.indices]
        for el in _elements(sizes, tuple(i.upper for i in x.indices)):
            at = dict(zip(labels, (i + 1 for i in el)))
            known[(x.name, tuple(i + 1 for i in el))] = _concrete(x.rhs, at, sizes, known)
    target = g.definition(g.target)
    tels = _elements(sizes, tuple(i.upper for i in target.indices))
    tvals = [known[(target.name, tuple(i + 1 for i in el))] for el in tels]
    value = sp.lambdify(symbols, tvals if target.indices else tvals[0], modules="mpmath", cse=True)
    grads = {}
    for r in d.results:
        t = g.input(r.wrt)
        els = _elements(sizes, shape_of(t))
        cols = [known[(r.wrt, tuple(i + 1 for i in el))] for el in els]
        rows = [[sp.diff(f, c) for c in cols] for f in tvals]
        shape = tuple(int(sp.sympify(i.upper).xreplace(_size_map(sizes))) for i in target.indices) + tuple(
            int(sp.sympify(s).xreplace(_size_map(sizes))) for s in shape_of(t))
        grads[r.wrt] = (shape, sp.lambdify(symbols, rows, modules="mpmath", cse=True))
    return Reference(symbols, slots, value, grads)


def autograd_result(f: Compiled, arrays: dict[str, np.ndarray]) -> tuple[Any, dict[str, Any]]:
    """The value and autograd's derivatives of the compiled forward pass, rounded to the arrays' dtype: its vjps
    promote float32 to float64 in places (``maximum``'s mask ``(x == z) / (1.0 + (x == y))``), so a float32 user
    gets its float64 gradient rounded to float32, and that is what symgrad is compared with."""
    forward = f.loss_fn(anp)
    dtype = next(iter(arrays.values())).dtype

    def by(name: str) -> Callable[[Any], Any]:
        return lambda v: forward(**{**arrays, name: v})

    value = np.asarray(forward(**arrays)).astype(dtype)
    grads = {w: np.asarray(autograd.jacobian(by(w))(arrays[w])).astype(dtype) for w in f.wrt}
    return value, grads


def error(got: Any, want: np.ndarray) -> float:
    """max |got - want| / max |want| (absolute where want is all zeros); inf where got is not finite."""
    got = np.asarray(got, dtype=np.float64)
    if got.shape != want.shape or not np.all(np.isfinite(got)):
        return float("inf")
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    diff = float(np.max(np.abs(got - want))) if want.size else 0.0
    return diff / scale if scale > 0 else diff


def floor(want: np.ndarray, dtype: str) -> float:
    """The error ``FLOOR_ULPS`` roundings of the largest entry to ``dtype`` can make, relative to it: ``np.spacing``
    at that entry in the dtype (8 eps for normal numbers; a float32 denormal of 1e-42 has spacing 1.4e-45, 1e-3 of
    it: three digits, so no float32 computation can return it closer)."""
    eps = float(np.finfo(dtype).eps)
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    if scale == 0.0:
        return FLOOR_ULPS * eps
    return FLOOR_ULPS * max(eps, float(np.spacing(np.asarray(scale, dtype=dtype))) / scale)


@dataclass(frozen=True)
class Cell:
    """One entry at one input kind and dtype: the worst error of symgrad and of autograd, and the verdict."""

    entry: str
    kind: str
    dtype: str
    ours: float
    theirs: float
    ok: bool | None  # None: the reference is not finite there, or not a finite number of the dtype
    why: str = ""  # for ok None: "domain" (outside the loss's domain) or "overflow" (beyond the dtype's range)
    draws: int = 1  # draws of inputs the verdict is over (DRAWS where the first was outside FACTOR x)

    def text(self) -> str:
        if self.ok is None:
            return "n/a" if self.why != "overflow" else "n/a (overflows)"
        mark = ("" if self.draws == 1 else f" ({self.draws} draws)") + ("" if self.ok else " **FAIL**")
        return f"{self.ours:.0e} / {self.theirs:.0e}{mark}".replace("inf", "∞")


@dataclass(frozen=True)
class Draw:
    """One draw of one cell: per quantity (the value, then each gradient) symgrad's and autograd's errors and
    the floor; or why it is not judged."""

    ours: list[float]
    theirs: list[float]
    floors: list[float]
    eps: float
    why: str = ""

    def ok(self) -> bool:
        """Every quantity within ``FACTOR`` x autograd's error on it, or within its floor (where autograd's result
        is not finite: within sqrt(eps) of the dtype, half its digits)."""
        return all(o <= max(FACTOR * t if np.isfinite(t) else self.eps ** 0.5, fl)
                   for o, t, fl in zip(self.ours, self.theirs, self.floors))


def draw(f: Compiled, reference: Reference, base: dict[str, np.ndarray], free: set[str], kind: str,
         dtype: str) -> Draw:
    """symgrad's and autograd's errors against the reference at one draw of inputs, one kind and one dtype."""
    arrays = {k: np.asarray(KINDS[kind](v, dtype) if k in free else v).astype(dtype) for k, v in base.items()}
    want_value, want_grads = reference({k: v.astype(np.float64) for k, v in arrays.items()})
    wants = [np.asarray(want_value)] + [want_grads[w] for w in f.wrt]
    if not all(np.all(np.isfinite(w)) for w in wants):
        return Draw([], [], [], 0.0, "domain")
    if any(np.any(np.abs(w) > np.finfo(dtype).max) for w in wants):
        return Draw([], [], [], 0.0, "overflow")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        value, grads = f.value_and_grad(**arrays)
        try:
            a_value, a_grads = autograd_result(f, arrays)
            theirs = [error(g, w) for g, w in zip([a_value] + [a_grads[k] for k in f.wrt], wants)]
        except (ValueError, TypeError, FloatingPointError):
            theirs = [float("inf")] * len(wants)
    ours = [error(g, w) for g, w in zip([value] + [grads[k] for k in f.wrt], wants)]
    return Draw(ours, theirs, [floor(w, dtype) for w in wants], float(np.finfo(dtype).eps))


def measure(name: str, f: Compiled, reference: Reference, bases: Callable[[int], dict[str, np.ndarray]],
            free: set[str], kind: str, dtype: str) -> Cell:
    """Compare symgrad and autograd with the reference at one input kind and dtype. A cell outside ``FACTOR`` x at
    the first draw is measured at ``DRAWS`` - 1 more and judged by the worst error over all of them, symgrad's and
    autograd's alike: at inputs near 1e4 in float32 the error is the rounding of x @ w, whose summation order
    favours one or the other by luck (seed-ce-logits: symgrad/autograd from 0.04 to 24 over 12 draws); a code
    that is worse at every draw stays outside."""
    draws = [draw(f, reference, bases(0), free, kind, dtype)]
    if draws[0].why:
        return Cell(name, kind, dtype, float("nan"), float("nan"), None, draws[0].why)
    if not draws[0].ok():
        draws += [d for d in (draw(f, reference, bases(s), free, kind, dtype) for s in range(1, DRAWS))
                  if not d.why]
    worst = Draw(*[[max(q) for q in zip(*[getattr(d, a) for d in draws])] for a in ("ours", "theirs", "floors")],
                 draws[0].eps)
    return Cell(name, kind, dtype, max(worst.ours), max(worst.theirs), worst.ok(), draws=len(draws))


def entry_cells(name: str, kinds: tuple[str, ...] = tuple(KINDS), dtypes: tuple[str, ...] = DTYPES,
                seed: int = 0) -> list[Cell]:
    """Every cell of one catalog entry (or a Derivation's name after ``derive``)."""
    d = python_names(symgrad.derive(name))
    f = compile_derivation(d)
    sizes = resolve_sizes(d.graph)
    reference = build_reference(d, sizes)
    bases = functools.cache(lambda s: draw_inputs(d.graph, sizes, seed + s))
    free = {n for n, dom in domains_of(d.graph).items() if dom.set is None and dom.axis is None}
    return [measure(name, f, reference, bases, free, k, t) for t in dtypes for k in kinds]


METHOD = """\
- Reference: the definitions written out element by element at small sizes, differentiated by SymPy's `diff`, \
evaluated by mpmath until two precisions agree to 1e-20 of each array's largest entry. No symgrad rule or code.
- Error of a quantity (the value, each gradient): max |got - reference| / max |reference| over its array. A cell \
shows the worst quantity, symgrad's / autograd's.
- Pass: every quantity within 10x of autograd's error on it, or within its floor: 8 roundings to the dtype at the \
reference's largest entry, `np.spacing` in that dtype, so 8 eps for normal numbers and more where the result is a \
denormal (a float32 denormal of 1e-42 has spacing 1.4e-45: three digits, which no float32 computation can beat).
- autograd in float32: its vjps promote some float32 intermediates to float64 (`maximum`'s mask), so its gradients \
are rounded to float32, the result a float32 user of it gets; before this, a float64 gradient was judged as a \
float32 one (10 denormal cells FAILed against it).
- n/a: the reference is not finite (an input outside the loss's domain), or it is beyond the dtype's largest \
number (n/a (overflows): at denormal inputs a gradient of 1/T or an inverse matrix of 1e-40 entries is about 1e40, \
past float32's 3.4e38; no float32 result can be right there).
- Draws: a cell outside 10x at the first draw of inputs is measured at 4 more and judged by the worst error over \
the five, symgrad's and autograd's alike: in float32 at inputs near 1e4 the error is the rounding of the logits \
x @ w (spacing 32 at 5e8), and the summation order favours either by luck (seed-ce-logits: symgrad's error over \
autograd's from 0.04 to 24 over 12 draws). A code that is worse at every draw stays outside. Such a cell says \
"(5 draws)"; every other cell is one draw (seed 0).
"""


def table(cells: list[Cell], dtype: str) -> str:
    kinds = list(dict.fromkeys(c.kind for c in cells))
    rows = [f"| entry | {' | '.join(kinds)} |", "|---" * (len(kinds) + 1) + "|"]
    for entry in dict.fromkeys(c.entry for c in cells):
        by = {c.kind: c for c in cells if c.entry == entry and c.dtype == dtype}
        rows.append(f"| {entry} | " + " | ".join(by[k].text() if k in by else "" for k in kinds) + " |")
    return "\n".join(rows)


def failures(failed: list[Cell]) -> list[str]:
    """One line per cell outside the contract: each is a defect of the compiled code to fix."""
    return [f"- {c.entry}, {c.kind}, {c.dtype}: {c.ours:.1e} against autograd's {c.theirs:.1e}"
            for c in failed] or ["- none"]


def _saved(path: Path | None) -> dict[str, tuple[list[Cell], float]]:
    """The cells (and seconds) of the entries an earlier run wrote to ``path`` (JSON lines), by entry."""
    if path is None or not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["entry"]: ([Cell(**c) for c in r["cells"]], r["seconds"]) for r in rows}


def measure_entries(names: list[str], budget: float, path: Path | None) -> tuple[list[Cell], list[str], float]:
    """The cells of ``names`` (those saved in ``path`` are read, the others measured and appended there), the
    entries not measured with why, and the seconds the measurements took (in whichever run made them)."""
    saved = _saved(path)
    start = time.perf_counter()
    cells: list[Cell] = []
    skipped: list[str] = []
    seconds = 0.0
    for name in names:
        if name in saved:
            cells += saved[name][0]
            seconds += saved[name][1]
            continue
        if time.perf_counter() - start > budget:
            skipped.append(f"- {name}: not measured (the run's time budget of {budget:.0f} s was spent)")
            continue
        t = time.perf_counter()
        try:
            new = entry_cells(name)
        except SymgradError as e:  # an entry the compiler refuses is listed with its message, not measured
            skipped.append(f"- {name}: the compiler refuses it: {e}")
            print(f"{name}: not measured: {e}", file=sys.stderr)
            continue
        cells += new
        seconds += time.perf_counter() - t
        if path is not None:
            with path.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"entry": name, "seconds": time.perf_counter() - t,
                                      "cells": [asdict(c) for c in new]}) + "\n")
        bad = [c for c in new if c.ok is False]
        print(f"{name}: {'ok' if not bad else ', '.join(f'{c.kind} {c.dtype}' for c in bad)}", file=sys.stderr)
    return cells, skipped, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="catalog entries (default: all)")
    parser.add_argument("--write", action="store_true", help="write benchmarks/precision.md")
    parser.add_argument("--budget", type=float, default=float("inf"),
                        help="seconds after which the remaining entries are listed as not measured")
    parser.add_argument("--cells", type=Path, default=None,
                        help="a JSON-lines file of measured entries: those in it are read, not measured again, and "
                             "each newly measured entry is appended (a long run can be resumed or split in chunks)")
    args = parser.parse_args(argv)
    names = args.names or symgrad.names()
    cells, skipped, seconds = measure_entries(names, args.budget, args.cells)
    judged = [c for c in cells if c.ok is not None]
    failed = [c for c in judged if not c.ok]
    overflow = sum(c.why == "overflow" for c in cells)
    summary = (f"{len(judged) - len(failed)} of {len(judged)} cells within {FACTOR}x of autograd's error (or "
               f"{FLOOR_ULPS} ulps at the result); {len(cells) - len(judged) - overflow} outside the losses' domains, "
               f"{overflow} whose true value overflows the dtype; {seconds:.0f} s of measuring")
    text = "\n\n".join([
        "# Precision of compiled losses and gradients",
        ("Generated by `python benchmarks/bench_precision.py --write`; see its docstring for the method. "
        "Each cell: symgrad's error / autograd's error, relative to an mpmath reference "
        "written from the definitions (worst of the value and every gradient)."),
        summary, "## Method", METHOD.strip(), "## float64", table(cells, "float64"), "## float32",
        table(cells, "float32"), "## Cells outside the contract", "\n".join(failures(failed)),
        *(["## Entries not measured", "\n".join(skipped)] if skipped else [])]) + "\n"
    print(summary)
    if args.write:
        (HERE / "precision.md").write_text(text, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
