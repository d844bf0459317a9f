"""An undefined mu beside the vector a claim differentiates by has two readings: a constant (a parameter, as a
Gaussian's mean is) or the mean of that vector's entries (a variance, a batch norm: 'note that mu is also a function
of x_i'). The derivative differs between them (d/dx_i of sum_j (x_j - mu)^3 / N), so a verdict under one reading
alone can call a claim right that is wrong under the other. Judged under both: where they agree the verdict stands,
noted; where they differ the claim is refused naming both readings and their verdicts."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sympy as sp

from .verdict import Verdict

_LETTERS = ("k", "j", "l", "m", "t", "u", "v", "q")
_SIMPLE = re.compile(r"[A-Za-z]\Z")
_MU = re.compile(r"\\mu(?![A-Za-z])|μ")


def _vector_of(var: object, tensors: dict[str, object]) -> tuple[str, sp.Symbol] | None:
    """The name and size of the vector ``var`` is an entry of (or is), when it is one with a size symbol."""
    base = var.base if isinstance(var, sp.Indexed) else tensors.get(str(var))
    shape = getattr(base, "shape", None)
    if base is None or shape is None or len(shape) != 1 or not isinstance(shape[0], sp.Symbol):
        return None
    name = str(getattr(base, "label", base))
    return (name, shape[0]) if _SIMPLE.match(name) else None


def _uses_mu(expressions: Sequence[sp.Basic]) -> bool:
    return any(s.name == "mu" for e in expressions if isinstance(e, sp.Basic) for s in e.free_symbols
               if isinstance(s, sp.Symbol))


def both_readings(verdict: Verdict, var: object, ctx: object, used: Sequence[sp.Basic], given: Sequence[str],
                  texts: Sequence[str], judge: Callable[[str], Verdict]) -> Verdict:
    """``verdict`` (mu read as a constant) where mu is defined, declared, unused or no vector is differentiated;
    else judged again with mu the mean of the vector: the same verdict noted, a different one refused."""
    if verdict.verdict == "unreadable" or "mu" in getattr(ctx, "definitions", {}) or not _uses_mu(used):
        return verdict
    if any(_MU.search(text) for text in given):  # a fact about mu (its set, its sign, its words) decides it
        return verdict
    vector = _vector_of(var, getattr(ctx, "tensors", {}))
    if vector is None:
        return verdict
    name, size = vector
    k = next((c for c in _LETTERS if not any(re.search(rf"(?<![A-Za-z\\]){c}(?![A-Za-z])", t) for t in texts)), None)
    if k is None:
        return verdict
    mean = rf"\mu = \frac{{1}}{{{size}}}\sum_{{{k}=1}}^{{{size}}} {name}_{{{k}}}"
    other = judge(mean)
    if other.verdict == "unreadable":
        return verdict
    if other.exit_code == verdict.exit_code:
        verdict.message = (f"{verdict.message} [read: \\mu, which nothing defines, gives this verdict read as a "
                           f"constant and read as the mean of {name} ({mean})]").strip()
        return verdict
    return Verdict("unreadable", column=1, message=(
        f"\\mu, which nothing defines, has two readings that give different verdicts here: a constant "
        f"({verdict.verdict}) or the mean of {name}, {mean} ({other.verdict}); define \\mu, or declare it a constant "
        f"(\\mu \\in \\mathbb{{R}}) (in --define)"))
