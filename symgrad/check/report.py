"""What ``symgrad check`` found: one ``Row`` per compared quantity, gathered in a ``CheckReport``.

An element passes when ``|compiled - reference| <= atol * scale + rtol * |reference|`` with
``scale = max(1, max |reference|)`` over that quantity, so that elements near zero are judged
against the size of the whole gradient. An element that is NaN on both sides is neither a
pass nor a mismatch: it is *undefined*, and the report says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

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


@dataclass(frozen=True)
class Row:
    """One comparison: a compiled quantity against one reference, with its worst element.

    ``undefined`` counts the elements that are NaN on both sides: they are not compared, and
    a row with any is not ``ok`` (nothing was shown there) nor a mismatch.
    """

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
    undefined: int = 0
    undefined_only: bool = False  # not ok only because of the undefined elements

    @property
    def status(self) -> str:
        """``ok``, ``MISMATCH``, or ``UNDEFINED`` (NaN on both sides, and nothing else wrong)."""
        return "ok" if self.ok else "UNDEFINED" if self.undefined_only else "MISMATCH"

    def describe(self) -> str:
        """One line naming the worst element and both values."""
        where = f"[{', '.join(map(str, self.worst_index))}]" if self.worst_index else ""
        text = (f"{self.quantity}{where} vs {self.reference}: compiled {self.compiled_value:.10g}, "
                f"{self.reference} {self.reference_value:.10g}, |error| {self.max_abs_error:.3g}")
        return f"{text} ({self.note})" if self.note else text

    def to_json(self) -> dict[str, Any]:
        """The row as a JSON-ready dict (non-finite numbers as the strings "nan", "inf", "-inf")."""
        return {"quantity": self.quantity, "reference": self.reference, "shape": list(self.shape),
                "rtol": self.rtol, "atol": self.atol, "ok": self.ok, "status": self.status,
                "max_abs_error": _json_number(self.max_abs_error), "worst_index": list(self.worst_index),
                "compiled_value": _json_number(self.compiled_value),
                "reference_value": _json_number(self.reference_value), "undefined": self.undefined,
                "note": self.note}


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
        return [r for r in self.rows if r.status == "MISMATCH"]

    @property
    def undefined(self) -> list[Row]:
        """Rows with elements NaN on both sides and no mismatch: neither passed nor failed."""
        return [r for r in self.rows if r.status == "UNDEFINED"]

    def verdict(self) -> str:
        """The last line of the report: ok, how many mismatches, or what could not be checked."""
        if self.ok:
            return "ok"
        if self.mismatches:
            return f"MISMATCH in {len(self.mismatches)} of {len(self.rows)} comparisons"
        declared = sorted(k for k, v in self.domains.items() if v.endswith("declared)"))
        hint = (f"the loss is undefined at points of the domains declared for {', '.join(declared)}: narrow them"
                if declared else r"are the inputs inside the loss's domain? declare it, e.g. --given '\epsilon \in (0, 1)'")
        return (f"NOT CHECKED: both sides are NaN in {len(self.undefined)} of {len(self.rows)} comparisons, "
                f"which is neither a pass nor a mismatch ({hint})")

    def _repr_html_(self) -> str:
        from ..display import check_report_html

        return check_report_html(self)

    def __str__(self) -> str:
        sizes = ", ".join(f"{k}={v}" for k, v in self.sizes.items()) or "none"
        lines = [f"symgrad check {self.name}: backend {self.backend}, {self.dtype}, seed {self.seed}, sizes {sizes}",
                 "inputs: " + "; ".join(f"{k} {v}" for k, v in self.domains.items())]
        header = ("quantity", "reference", "shape", "max |error|", "rtol", "atol", "result")
        table = [header] + [(r.quantity, r.reference, str(r.shape), f"{r.max_abs_error:.3g}", f"{r.rtol:g}",
                             f"{r.atol:g}", r.status) for r in self.rows]
        widths = [max(len(row[c]) for row in table) for c in range(len(header))]
        lines += ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
        lines += [f"MISMATCH {r.describe()}" for r in self.mismatches]
        lines += [f"UNDEFINED {r.quantity} vs {r.reference}: {r.undefined} of {math.prod(r.shape)} elements are NaN "
                  "on both sides" for r in self.undefined]
        lines += [f"note: {n}" for n in self.notes]
        lines.append(f"result: {self.verdict()} (atol is scaled by max(1, max |reference|))")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (``json.dumps`` it); non-finite numbers are strings."""
        return {"name": self.name, "backend": self.backend, "dtype": self.dtype, "seed": self.seed,
                "sizes": self.sizes, "inputs": self.domains, "ok": self.ok, "verdict": self.verdict(),
                "rows": [r.to_json() for r in self.rows], "notes": self.notes}


def compare(quantity: str, reference: str, compiled: Any, expected: Any, tolerance: tuple[float, float],
            dtype: str) -> Row:
    """``compiled`` against ``expected`` element by element within ``tolerance``, as one ``Row``."""
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
    got64 = got.astype(np.float64)
    both_nan = np.isnan(got64) & np.isnan(want)
    diff = np.where(both_nan, 0.0, np.abs(got64 - want))
    defined = np.where(both_nan, 0.0, want)
    finite = np.isfinite(defined).all() and np.isfinite(np.where(both_nan, 0.0, got64)).all()
    scale = max(1.0, float(np.max(np.abs(defined), initial=0.0))) if finite else 1.0
    allowed = atol * scale + rtol * np.abs(defined)
    # the worst element is the one furthest outside (or least inside) its allowance; NaN on one side counts as worst
    ratio = np.where(both_nan, 0.0, np.where(np.isnan(diff), np.inf, diff / allowed))
    worst = tuple(int(k) for k in np.unravel_index(int(np.argmax(ratio)), ratio.shape)) if ratio.size else ()
    undefined = int(np.count_nonzero(both_nan))
    rest_ok = bool(np.all(ratio <= 1.0)) and not notes
    max_err = float(np.max(np.where(np.isnan(diff), np.inf, diff), initial=0.0))
    return Row(quantity, reference, got.shape, rtol, atol, rest_ok and not undefined, max_err, worst,
               float(got[worst]) if got.size else math.nan, float(want[worst]) if want.size else math.nan,
               "; ".join(notes), undefined, rest_ok and bool(undefined))


def _json_number(x: float) -> float | str:
    return x if math.isfinite(x) else str(x)
