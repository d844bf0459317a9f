"""Inputs beyond the one-hot draws: soft labels that meet a constraint, and labels that break it.

A compiled gradient derived with ``sum_k y_k = 1`` is documented to be right for every ``y``
that meets it (soft labels included) and to raise a one-line ``ShapeError`` naming the
constraint for a ``y`` that breaks it (``check_constraints=False`` skips the check). When the
derivation did not use the constraint, the gradient holds for any ``y``. ``constraint_rows``
checks exactly that documented behaviour against the reference backend.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ShapeError
from .inputs import Domain
from .report import TOLERANCES, Row, compare

if TYPE_CHECKING:
    from ..compile import Compiled

# a row that breaks sum = 1 sums to this instead
_BROKEN_SUM = 1.5


def soft_labels(rng: np.random.Generator, like: np.ndarray, axis: int, total: float = 1.0) -> np.ndarray:
    """Positive rows along ``axis`` that sum to ``total``: soft labels (``total`` 1) or broken ones."""
    raw = rng.uniform(0.05, 1.0, size=like.shape)
    return total * raw / raw.sum(axis=axis, keepdims=True)


def constraint_rows(compiled: Compiled, domains: dict[str, Domain], arrays: dict[str, np.ndarray], dtype: str,
                    seed: int, reference: Callable[..., list], quantities: dict[str, str]) -> tuple[list[Row], list[str]]:
    """For each input drawn one-hot by a constraint: soft labels agree with ``reference``; broken ones are refused.

    An input whose constraint the compiled gradient does not check must give the reference's
    gradient at the broken labels instead. ``quantities`` names each gradient's row (``{"w": "dL/dw"}``).
    Labels outside the input's declared domain (soft labels for ``y \\in \\{0, 1\\}^K``) are never drawn:
    the notes returned say which were left out.
    """
    checked = {name for name, *_ in getattr(compiled, "spec", {}).get("constraints", ())}
    rng = np.random.default_rng(seed + 1)
    rows: list[Row] = []
    notes: list[str] = []
    for name, domain in domains.items():
        if domain.axis is None or name not in arrays:
            continue
        soft = {**arrays, name: soft_labels(rng, arrays[name], domain.axis).astype(dtype)}
        broken = {**arrays, name: soft_labels(rng, arrays[name], domain.axis, _BROKEN_SUM).astype(dtype)}
        if domain.holds(soft[name]):
            rows += _agreement(compiled, soft, dtype, reference, quantities, f"soft {name}")
        else:
            notes.append(f"soft labels for {name} lie outside its declared domain: not drawn")
        if not domain.holds(broken[name]):
            notes.append(f"labels for {name} off its constraint lie outside its declared domain: not drawn")
            continue
        refused = _refusal(compiled, broken, name, name in checked)
        rows += [refused] if refused else _agreement(compiled, broken, dtype, reference, quantities,
                                                      f"{name} off its constraint")
    return rows, notes


def _agreement(compiled: Compiled, arrays: dict[str, np.ndarray], dtype: str, reference: Callable[..., list],
               quantities: dict[str, str], label: str) -> list[Row]:
    """The compiled gradients at ``arrays`` against the reference, each row's reference named with ``label``."""
    exact = {k: v.astype(np.float64) for k, v in arrays.items()}
    grads = compiled.grad(**arrays)
    rows = []
    for kind, ref_label, refs, _ in reference(compiled, arrays, exact, list(quantities)):
        rows += [compare(f"{quantity} at {label}", ref_label, grads.get(w), refs[w], TOLERANCES[(kind, dtype)], dtype)
                 for w, quantity in quantities.items()]
    return rows


def _refusal(compiled: Compiled, arrays: dict[str, np.ndarray], name: str, expected: bool) -> Row | None:
    """The row for ``grad`` at labels that break ``name``'s constraint; None when it returned and may (not checked)."""
    quantity, label = f"grad at {name} off its constraint", "ShapeError expected"
    try:
        compiled.grad(**arrays)
    except ShapeError as e:
        ok = name in str(e) and "constraint" in str(e)
        return Row(quantity, label, (), 0.0, 0.0, ok, 0.0 if ok else math.inf,
                   note="" if ok else f"the ShapeError does not name {name} and its constraint: {e}")
    if not expected:
        return None
    return Row(quantity, label, (), 0.0, 0.0, False, math.inf,
               note=f"the compiled gradient accepted {name} that breaks the constraint its derivation used")
