"""``symgrad list``: the catalog's entries with their titles."""

from __future__ import annotations

import argparse

NAME = "list"
HELP = "list the catalog entries"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad list`` to the command line."""
    subparsers.add_parser(NAME, help=HELP).set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per catalog entry: its name and its title."""
    from .. import catalog

    width = max(len(n) for n in catalog.names())
    for name in catalog.names():
        print(f"{name:<{width}}  {catalog.get(name).title}")
    return 0
