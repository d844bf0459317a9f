"""A derivative by one entry of a square matrix nothing declares (``\\frac{\\partial}{\\partial \\Sigma_{ij}}``) that
the claim gets with i and j swapped: right where the matrix is symmetric (a covariance, a precision: the page's
``Tr[\\frac{\\partial \\Sigma}{\\partial \\Sigma_{ij}} B] = B_{ij}`` holds for a symmetric B), wrong for a general one.
Nothing saying which the page means, the two readings give different verdicts: the claim is refused naming both, and
a fact (``\\Sigma is symmetric``) decides it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import sympy as sp

from ..tensors import name_of
from .verdict import Verdict

_BACKSLASHED = {"alpha", "beta", "gamma", "delta", "theta", "lambda", "mu", "sigma", "Sigma", "tau", "phi", "omega",
                "eta", "Theta", "Lambda", "Phi", "Omega", "Psi", "Gamma", "Delta", "Xi", "Pi"}


def _square_entry(var: object) -> str | None:
    """The LaTeX name of the matrix ``var`` is an entry of, when it is a square one (two indices of one range)."""
    if not isinstance(var, sp.Indexed) or len(var.indices) != 2:
        return None
    i, j = var.indices
    if i == j or getattr(i, "upper", None) != getattr(j, "upper", None) or getattr(i, "upper", None) is None:
        return None
    name = name_of(var)
    return f"\\{name}" if name in _BACKSLASHED else name if len(name) == 1 else None


def symmetric_or_general(verdict: Verdict, var: object, given: Sequence[str],
                         judge: Callable[[str], Verdict]) -> Verdict:
    """``verdict`` unless it calls the claim's indices swapped in a derivative by an entry of a square matrix that
    no fact declares: judged again with the matrix symmetric, a right verdict there refuses the claim, naming both."""
    name = _square_entry(var)
    if verdict.verdict != "wrong" or verdict.diagnosis != "indices" or name is None:
        return verdict
    fact = f"{name} is symmetric"
    declared = re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(?:,[^=]*)?\\in\b")
    if fact in given or any(declared.search(text) for text in given):  # X \in R^{n x n}: a general square matrix
        return verdict
    other = judge(fact)
    if other.verdict not in ("proved", "agrees"):
        return verdict
    i, j = var.indices
    return Verdict("unreadable", column=1, message=(
        f"the claim has i and j of {name}_{{{i}{j}}} swapped for a general {name}, and is right for a symmetric "
        f"{name} (a covariance, a precision matrix): nothing says which {name} is: state it (--given '{fact}'); for a general "
        f"{name} the claim is wrong"))
