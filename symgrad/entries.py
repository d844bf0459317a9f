"""Catalog entries by name: derive one, refuse a misspelled one with the closest names.

It sits above both the engine and the catalog, so that neither has to know the other: the chain-rule walk
takes a graph, the catalog holds definitions, and this module puts an entry's graph through the walk.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import catalog
from .derivation import Derivation
from .errors import UnknownNameError
from .graph import derive_graph
from .suggest import did_you_mean


def require_entries(names: Iterable[str | None]) -> None:
    """Refuse a name that is not a catalog entry, with the closest entries (UnknownNameError).

    None (no name given, as in ``symgrad check --loss ...``) is left to the command to judge."""
    known = catalog.names()
    for name in names:
        if name is not None and name not in known:
            raise UnknownNameError(f"unknown catalog entry {name!r}{did_you_mean(name, known)}; "
                                   f"choose one of: {', '.join(known)}")


def derive_entry(name: str, timeout: float | None = None) -> Derivation:
    """The derivation of the catalog entry ``name`` (``timeout``: see ``graph.derive_graph``)."""
    entry = catalog.get(name)
    d = derive_graph(entry.graph, entry.wrt, entry.name, entry.title, entry.index_names, timeout)
    d.notes.extend(entry.notes)
    return d
