"""Which side of a definition's = chain to read it by: a side in index notation (``\\sum_k p_{ik} q_{kj}``) states
every index's role, while a side in vector notation (``p_i^T q_j``) leaves the orientation of its vectors to convention
(read alone, q_j was row j of q while the sum writes column j): the sides with a transpose go after the others."""

from __future__ import annotations

from typing import Any

_TRANSPOSES = ("^T", "^{T}", "^\\top", "^{\\top}", "^\\intercal")


def transposed_sides(parts: list[list[Any]]) -> set[int]:
    """The indices (from 1) of the chain's right sides ``parts[1:]`` that write a transpose."""
    return {k for k in range(1, len(parts)) if any(m in "".join(t.text for t in parts[k]) for m in _TRANSPOSES)}
