"""The named losses: one short module per entry, definitions only (no derivation work)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..derivation import Graph
from ..errors import UnknownNameError

# entry name -> module in this package; order is the order of `symgrad list`
ENTRIES: dict[str, str] = {
    "softmax": "softmax",
    "sigmoid": "sigmoid",
    "mse-linear": "mse_linear",
    "mse-linear-mean": "mse_linear",
    "mse-linear-norm": "mse_linear",
    "mse-linear-norm-squared": "mse_linear",
    "bce": "bce",
    "bce-logits": "bce",
    "cce": "cce",
    "cce-logits": "cce",
    "seed-mse-softmax": "seed",
    "seed-ce-logits": "seed",
    "huber": "regression",
    "l1": "regression",
    "log-cosh": "regression",
    "hinge": "margin",
    "squared-hinge": "margin",
    "kl-divergence": "divergence",
    "label-smoothing-ce": "smoothing",
    "focal": "smoothing",
    "bce-pos-weight": "smoothing",
    "logsumexp": "logsumexp",
    "log-softmax": "logsumexp",
    "softmax-temperature": "logsumexp",
    "poisson-nll": "likelihood",
    "gaussian-nll": "likelihood",
    "cosine-similarity": "similarity",
}


@dataclass(frozen=True)
class Entry:
    """A catalog entry: a graph, what to differentiate it with respect to, and how to name it."""

    name: str
    title: str
    summary: str
    graph: Graph
    wrt: tuple[str, ...]
    # preferred names of the free indices of each derivative, e.g. {"a": ("j",)}
    index_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def _load_all() -> None:
    for module in dict.fromkeys(ENTRIES.values()):
        importlib.import_module(f"{__name__}.{module}")


def names() -> list[str]:
    """Every catalog entry name, in display order."""
    return list(ENTRIES)


def get(name: str) -> Entry:
    """The entry called ``name``; an error naming the valid choices otherwise."""
    if name not in ENTRIES:
        raise UnknownNameError(f"unknown catalog entry {name!r}; choose one of: {', '.join(ENTRIES)}")
    module = importlib.import_module(f"{__name__}.{ENTRIES[name]}")
    return module.ENTRIES[name]


_load_all()
