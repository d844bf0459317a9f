"""The named losses: one short module per entry, definitions only (no derivation work)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..derivation import Graph
from ..errors import UnknownNameError

# the modules of this package, in the order of `symgrad list`; each holds ENTRIES {name: Entry}.
# A new entry goes in its topic's module; a new topic is one line here.
MODULES: tuple[str, ...] = (
    "softmax", "sigmoid", "mse_linear", "bce", "cce", "seed", "regression", "margin", "divergence",
    "smoothing", "logsumexp", "likelihood", "similarity", "layers", "normalization", "attention", "linalg",
)


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


def _load_all() -> dict[str, str]:
    """entry name -> module, in display order."""
    return {name: module for module in MODULES
            for name in importlib.import_module(f"{__name__}.{module}").ENTRIES}


def names() -> list[str]:
    """Every catalog entry name, in display order."""
    return list(ENTRIES)


def get(name: str) -> Entry:
    """The entry called ``name``; an error naming the valid choices otherwise."""
    if name not in ENTRIES:
        raise UnknownNameError(f"unknown catalog entry {name!r}; choose one of: {', '.join(ENTRIES)}")
    module = importlib.import_module(f"{__name__}.{ENTRIES[name]}")
    return module.ENTRIES[name]


ENTRIES: dict[str, str] = _load_all()
